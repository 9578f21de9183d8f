package jp.madoguchi.demo.population;

/**
 * The SplitMix64 generator (Steele, Lea and Flood 2014; the reference code by Sebastiano Vigna), written out here
 * so that the sequence is fixed by this file rather than by a JDK version. With the same seed its {@link #nextLong()}
 * sequence equals that of {@code new java.util.SplittableRandom(seed)}. Derived values ({@link #nextInt(int)},
 * {@link #nextDouble()}) use the simple methods below, which are also fixed here.
 */
final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in {@code [0, bound)} by rejection (no modulo bias). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = (1L << 31) - ((1L << 31) % bound);
        while (true) {
            long r = nextLong() >>> 33; // 31 bits
            if (r < limit) {
                return (int) (r % bound);
            }
        }
    }

    /** Uniform in {@code [from, to]} (both inclusive). */
    int between(int from, int to) {
        if (to < from) {
            throw new IllegalArgumentException(from + " > " + to);
        }
        return from + nextInt(to - from + 1);
    }

    /** Uniform in {@code [0, bound)} for a long bound. */
    long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        while (true) {
            long r = nextLong() >>> 1;
            if (r < limit) {
                return r % bound;
            }
        }
    }

    /** Uniform in {@code [0, 1)} with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** {@code true} with probability {@code p}. */
    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** An approximately normal value (sum of four uniforms, so bounded to mean ± 2√3·sd). */
    double gaussianish(double mean, double sd) {
        double s = nextDouble() + nextDouble() + nextDouble() + nextDouble() - 2.0; // variance 1/3
        return mean + s * sd * Math.sqrt(3.0);
    }
}
