package jp.madoguchi.demo.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void matchesTheReferenceSequence() {
        // SplitMix64 reference output (Vigna's splitmix64.c) for the state 1234567
        SplitMix64 rng = new SplitMix64(1234567L);
        assertThat(rng.nextLong()).isEqualTo(6457827717110365317L);
        assertThat(rng.nextLong()).isEqualTo(3203168211198807973L);
        assertThat(rng.nextLong()).isEqualTo(-8629252141511181193L); // 9817491932198370423 unsigned
    }

    @Test
    void matchesSplittableRandomNextLong() {
        for (long seed : new long[] {0, 1, -1, 20261122L, Long.MIN_VALUE, Long.MAX_VALUE}) {
            SplitMix64 ours = new SplitMix64(seed);
            SplittableRandom jdk = new SplittableRandom(seed);
            for (int i = 0; i < 1000; i++) {
                assertThat(ours.nextLong()).isEqualTo(jdk.nextLong());
            }
        }
    }

    @Test
    void boundedValuesStayInRangeAndCoverIt() {
        SplitMix64 rng = new SplitMix64(7);
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) {
            counts[rng.nextInt(7)]++;
            int b = rng.between(-3, 3);
            assertThat(b).isBetween(-3, 3);
            assertThat(rng.nextLong(1_000_000_007L)).isBetween(0L, 1_000_000_006L);
            double d = rng.nextDouble();
            assertThat(d).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        }
        for (int c : counts) {
            assertThat(c).isBetween(9_000, 11_000);
        }
        assertThatThrownBy(() -> rng.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rng.between(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
