package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;

class KanaTest {

    /** Fixed so that runs are reproducible; QuickTheories reports it with any falsifying (shrunk) value. */
    private static final long SEED = 20_250_401L;

    @Test
    void halfWidthTableCoversTheWholeBlock() {
        assertThat(CharacterWidth.HALF_KANA_AS_FULL).hasSize(0xFF9F - 0xFF61 + 1);
        assertThat(CharacterWidth.katakanaToFullWidth("ｱｲｳｴｵ")).isEqualTo("アイウエオ");
        assertThat(CharacterWidth.katakanaToFullWidth("ﾜﾝ")).isEqualTo("ワン");
        assertThat(CharacterWidth.katakanaToFullWidth("ｧｯｬ")).isEqualTo("ァッャ");
    }

    @ParameterizedTest
    @CsvSource({
        "ｶﾞｷﾞｸﾞｹﾞｺﾞ, ガギグゲゴ",
        "ｻﾞｼﾞｽﾞｾﾞｿﾞ, ザジズゼゾ",
        "ﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞ, ダヂヅデド",
        "ﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞ, バビブベボ",
        "ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ, パピプペポ",
        "ｳﾞ, ヴ",
        "ﾜﾞｦﾞ, ヷヺ",
        "ｰ｡｢｣､･, ー。「」、・",
        "ﾞ, ゛",
        "ｱﾞ, ア゛",
        "ｶﾟ, カ゜",
    })
    void halfWidthKatakanaToFullWidth(String half, String full) {
        assertThat(CharacterWidth.katakanaToFullWidth(half)).isEqualTo(full);
    }

    @Test
    void fullWidthToHalfWidthAndBack() {
        assertThat(CharacterWidth.katakanaToHalfWidth("ガパヴー「ア」")).isEqualTo("ｶﾞﾊﾟｳﾞｰ｢ｱ｣");
        assertThat(CharacterWidth.katakanaToHalfWidth("ヵヶヮヰヱ")).isEqualTo("ヵヶヮヰヱ");
        assertThat(CharacterWidth.katakanaToHalfWidth("ひらがな")).isEqualTo("ひらがな");
        assertThat(CharacterWidth.toFullWidth("ABC xyz 019 ｶﾞ")).isEqualTo("ＡＢＣ　ｘｙｚ　０１９　ガ");
        assertThat(CharacterWidth.toHalfWidth("ＡＢＣ　ｘｙｚ　０１９　ガ")).isEqualTo("ABC xyz 019 ｶﾞ");
        // only digits, Latin letters, spaces and kana change: not ㈱, ①, ﹣, compatibility ideographs
        assertThat(CharacterWidth.toHalfWidth("㈱①﨑！－")).isEqualTo("㈱①﨑！－");
        assertThat(CharacterWidth.toFullWidth("㈱①﨑!-")).isEqualTo("㈱①﨑!-");
    }

    static Gen<String> halfWidthKana() {
        return strings().betweenCodePoints('\uFF61', '\uFF9F').ofLengthBetween(0, 20);
    }

    @Test
    void halfWidthKanaRoundTrips() {
        qt().withFixedSeed(SEED).withExamples(1000).forAll(halfWidthKana()).checkAssert(half -> {
            String full = CharacterWidth.katakanaToFullWidth(half);
            assertThat(full.chars().noneMatch(c -> c >= 0xFF61 && c <= 0xFF9F)).isTrue();
            assertThat(CharacterWidth.katakanaToHalfWidth(full)).isEqualTo(half);
        });
    }

    @Test
    void hiraganaAndKatakana() {
        assertThat(Kana.hiraganaToKatakana("ゔぁっきゃゕゖゝゞー")).isEqualTo("ヴァッキャヵヶヽヾー");
        assertThat(Kana.katakanaToHiragana("ヴァッキャヵヶヽヾー")).isEqualTo("ゔぁっきゃゕゖゝゞー");
        assertThat(Kana.katakanaToHiragana("ヷヸヹヺ・ｱ")).isEqualTo("ヷヸヹヺ・ｱ");
        assertThat(Kana.hiraganaToKatakana("山田たろう")).isEqualTo("山田タロウ");
    }

    @Test
    void searchKeyIgnoresWidthSpacesScriptAndCase() {
        String key = Kana.searchKey("ヤマダタロウ");
        assertThat(key).isEqualTo("ヤマダタロウ");
        assertThat(Kana.searchKey("ﾔﾏﾀﾞ ﾀﾛｳ")).isEqualTo(key);
        assertThat(Kana.searchKey("やまだ　たろう")).isEqualTo(key);
        assertThat(Kana.searchKey(" ヤマダ\tタロウ ")).isEqualTo(key);
        assertThat(Kana.searchKey("ヤマタ\u3099タロウ")).isEqualTo(key);
        assertThat(Kana.searchKey("ヤマタ゛タロウ")).isEqualTo(key);
        assertThat(Kana.searchKey("スミス・ジョン")).isEqualTo(Kana.searchKey("スミス　ジョン"));
        assertThat(Kana.searchKey("コーヒー")).isEqualTo(Kana.searchKey("コ－ヒ－")).isEqualTo(Kana.searchKey("ｺｰﾋｰ"))
                .isEqualTo(Kana.searchKey("コ-ヒ-")).isEqualTo(Kana.searchKey("コ―ヒ‐")).isEqualTo("コーヒー");
        assertThat(Kana.searchKey("smith John")).isEqualTo(Kana.searchKey("ＳＭＩＴＨ　ｊｏｈｎ")).isEqualTo("SMITHJOHN");
        assertThat(Kana.searchKey("ヴ")).isEqualTo(Kana.searchKey("ゔ")).isEqualTo(Kana.searchKey("ｳﾞ"));
    }

    @Test
    void searchKeyKeepsDistinctions() {
        assertThat(Kana.searchKey("ァ")).isNotEqualTo(Kana.searchKey("ア"));
        assertThat(Kana.searchKey("ガ")).isNotEqualTo(Kana.searchKey("カ"));
        assertThat(Kana.searchKey("ヴ")).isNotEqualTo(Kana.searchKey("ブ"));
        assertThat(Kana.searchKey("ヂ")).isNotEqualTo(Kana.searchKey("ジ"));
        assertThat(Kana.searchKey("﨑")).isEqualTo("﨑").isNotEqualTo(Kana.searchKey("崎"));
        assertThat(Kana.searchKey("㈱髙橋")).isEqualTo("㈱髙橋");
        String stored = "ﾔﾏﾀﾞ ﾀﾛｳ";
        Kana.searchKey(stored);
        assertThat(stored).isEqualTo("ﾔﾏﾀﾞ ﾀﾛｳ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ﾔﾏﾀﾞ ﾀﾛｳ|ヤマダ　タロウ",
        "ﾔﾏﾀﾞ  ﾀﾛｳ|ヤマダ　タロウ",
        "  やまだ　 \tたろう  |ヤマダ　タロウ",
        "ヤマダタロウ|ヤマダタロウ",
        "ｳﾞｨｸﾄﾙ･ﾕｰｺﾞｰ|ヴィクトル・ユーゴー",
        "すずき　いちろう|スズキ　イチロウ",
        "カ\u3099ク|ガク",
        "ゝゞ|ヽヾ",
    })
    void toFullWidthKatakana(String input, String stored) {
        assertThat(Kana.toFullWidthKatakana(input)).isEqualTo(stored);
        assertThat(Kana.toFullWidthKatakana(stored)).isEqualTo(stored);
    }

    @Test
    void toFullWidthKatakanaRejectsWithPositionAndCharacter() {
        assertThatThrownBy(() -> Kana.toFullWidthKatakana("ヤマダA")).isInstanceOf(KitFormatException.class)
                .hasMessageContaining("4文字目").hasMessageContaining("U+0041").hasMessageContaining("character 4");
        assertThatThrownBy(() -> Kana.toFullWidthKatakana("コ-ヒ-")).hasMessageContaining("2文字目")
                .hasMessageContaining("「ー」");
        assertThatThrownBy(() -> Kana.toFullWidthKatakana("山田")).hasMessageContaining("1文字目")
                .hasMessageContaining("U+5C71");
        assertThatThrownBy(() -> Kana.toFullWidthKatakana("ヤ𠮷")).hasMessageContaining("2文字目")
                .hasMessageContaining("U+20BB7");
        assertThatThrownBy(() -> Kana.toFullWidthKatakana("゛ア")).hasMessageContaining("1文字目");
        assertThatThrownBy(() -> Kana.toFullWidthKatakana("ア゛")).hasMessageContaining("2文字目");
        assertThatThrownBy(() -> Kana.toFullWidthKatakana("ﾔﾏﾀﾞ１")).hasMessageContaining("5文字目");
        assertThatThrownBy(() -> Kana.toFullWidthKatakana("   ")).isInstanceOf(KitFormatException.class);
        assertThatThrownBy(() -> Kana.toFullWidthKatakana("")).isInstanceOf(KitFormatException.class);
    }
}
