package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JisCharactersTest {

    private static final String KUZU_IVS = "葛\uDB40\uDD00"; // U+845B U+E0100

    @Test
    void jisX0208Membership() {
        assertThat(JisCharacters.isWithin("邊", JisStandard.JIS_X_0208)).isTrue();
        assertThat(JisCharacters.isWithin("山田太郎　やまだ　ヤマダ", JisStandard.JIS_X_0208)).isTrue();
        assertThat(JisCharacters.isWithin("凜熙", JisStandard.JIS_X_0208)).isTrue();
        assertThat(JisCharacters.isWithin("ABC 123 ｱｲｳ", JisStandard.JIS_X_0208)).isTrue();
        assertThat(JisCharacters.isWithin("〜～－", JisStandard.JIS_X_0208)).isTrue();
        assertThat(JisCharacters.isWithin("髙", JisStandard.JIS_X_0208)).isFalse();
        assertThat(JisCharacters.isWithin("﨑", JisStandard.JIS_X_0208)).isFalse();
        assertThat(JisCharacters.isWithin("𠮷", JisStandard.JIS_X_0208)).isFalse();
        assertThat(JisCharacters.isWithin("㈱", JisStandard.JIS_X_0208)).isFalse();
        assertThat(JisCharacters.isWithin("①", JisStandard.JIS_X_0208)).isFalse();
    }

    @Test
    void jisX0213Membership() {
        assertThat(JisCharacters.isWithin("﨑", JisStandard.JIS_X_0213)).isTrue();
        assertThat(JisCharacters.isWithin("邊", JisStandard.JIS_X_0213)).isTrue();
        assertThat(JisCharacters.isWithin("㈱①", JisStandard.JIS_X_0213)).isTrue();
        assertThat(JisCharacters.isWithin("𠀋", JisStandard.JIS_X_0213)).isTrue(); // supplementary plane, in 0213
        assertThat(JisCharacters.isWithin("か\u309A", JisStandard.JIS_X_0213)).isTrue();
        assertThat(JisCharacters.isWithin("か\u309A", JisStandard.JIS_X_0208)).isFalse();
        // 髙 and 𠮷 are unified with 高 and 吉 by JIS (包摂): outside JIS X 0213 as well
        assertThat(JisCharacters.isWithin("髙", JisStandard.JIS_X_0213)).isFalse();
        assertThat(JisCharacters.isWithin("𠮷", JisStandard.JIS_X_0213)).isFalse();
        assertThat(JisCharacters.isWithin(KUZU_IVS, JisStandard.JIS_X_0213)).isFalse();
    }

    @Test
    void reportsOutsideUnitsWithCodePointsAndIndexes() {
        List<JisCharacters.OutsideCharacter> out = JisCharacters.outside("山𠮷田髙﨑", JisStandard.JIS_X_0208);
        assertThat(out).extracting(JisCharacters.OutsideCharacter::text).containsExactly("𠮷", "髙", "﨑");
        assertThat(out).extracting(JisCharacters.OutsideCharacter::codePoints)
                .containsExactly("U+20BB7", "U+9AD9", "U+FA11");
        assertThat(out).extracting(JisCharacters.OutsideCharacter::position).containsExactly(1, 3, 4);
        assertThat(out).extracting(JisCharacters.OutsideCharacter::charIndex).containsExactly(1, 4, 5);
        assertThat(JisCharacters.outside("山𠮷田髙﨑", JisStandard.JIS_X_0213))
                .extracting(JisCharacters.OutsideCharacter::text).containsExactly("𠮷", "髙");
    }

    @Test
    void variationSequencesAreOneUnit() {
        assertThat(JisCharacters.units(KUZU_IVS + "飾区")).containsExactly(KUZU_IVS, "飾", "区");
        assertThat(JisCharacters.units("辻\uFE00")).containsExactly("辻\uFE00");
        assertThat(JisCharacters.units("か\u309Aき")).containsExactly("か\u309A", "き");
        assertThat(JisCharacters.units("")).isEmpty();
        List<JisCharacters.OutsideCharacter> out = JisCharacters.outside(KUZU_IVS + "飾区", JisStandard.JIS_X_0208);
        assertThat(out).singleElement().satisfies(o -> {
            assertThat(o.text()).isEqualTo(KUZU_IVS);
            assertThat(o.codePoints()).isEqualTo("U+845B U+E0100");
            assertThat(o.position()).isZero();
        });
        assertThat(JisCharacters.outside("葛飾", JisStandard.JIS_X_0208)).isEmpty();
        assertThat(JisCharacters.outside("辻\uFE00", JisStandard.JIS_X_0213)).singleElement()
                .extracting(JisCharacters.OutsideCharacter::codePoints).isEqualTo("U+8FBB U+FE00");
    }

    @Test
    void smallestStandardAndBrokenText() {
        assertThat(JisCharacters.smallestStandard("山田太郎")).contains(JisStandard.JIS_X_0208);
        assertThat(JisCharacters.smallestStandard("山﨑")).contains(JisStandard.JIS_X_0213);
        assertThat(JisCharacters.smallestStandard("髙橋")).isEmpty();
        assertThat(JisCharacters.outside("a\uD842b", JisStandard.JIS_X_0213))
                .extracting(JisCharacters.OutsideCharacter::codePoints).containsExactly("U+D842");
    }
}
