package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrockfordCodesTest {

    @Test
    void aRandomCodeIsInGroupsOfFourOfTheAlphabetAndReadsBackAsItself() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = CrockfordCodes.random(12);
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
            String normalised = CrockfordCodes.normalise(code);
            assertThat(normalised).isEqualTo(code.replace("-", ""));
            assertThat(CrockfordCodes.isCode(normalised, 12)).isTrue();
            seen.add(code);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void typedCodesAreReadTheCrockfordWay() {
        assertThat(CrockfordCodes.normalise("ｏｉｌ１－ab ｃd‐ーef")).isEqualTo("0111ABCDEF");
        assertThat(CrockfordCodes.normalise(null)).isEmpty();
        assertThat(CrockfordCodes.isCode("0111ABCDEF", 10)).isTrue();
        assertThat(CrockfordCodes.isCode("0111ABCDEF", 12)).isFalse();
        assertThat(CrockfordCodes.isCode("0111ABCDEU", 10)).as("U is not in the alphabet").isFalse();
    }
}
