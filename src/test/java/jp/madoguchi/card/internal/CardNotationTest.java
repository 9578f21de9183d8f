package jp.madoguchi.card.internal;

import static jp.madoguchi.card.FieldComparison.Agreement.DIFFERENT;
import static jp.madoguchi.card.FieldComparison.Agreement.NOTATION;
import static jp.madoguchi.card.FieldComparison.Agreement.SAME;
import static jp.madoguchi.card.FieldComparison.Agreement.VARIANT_CHARACTERS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How two writings of a name or an address agree (card vs register). */
class CardNotationTest {

    static final String PREF = "長野県";
    static final String TOWN = "窓口町";

    static Object address(String card, String register) {
        return Notation.addresses(card, register, PREF, TOWN);
    }

    @Test
    void namesDifferingInSpacesOrWidthAreTheSameNotation() {
        assertThat(Notation.names("山田\u3000太郎", "山田\u3000太郎")).isEqualTo(SAME);
        assertThat(Notation.names("山田 太郎", "山田\u3000太郎")).isEqualTo(NOTATION);
        assertThat(Notation.names("山田太郎", "山田\u3000太郎")).isEqualTo(NOTATION);
        assertThat(Notation.names("ＮＧＵＹＥＮ　ＶＡＮ　ＡＮ", "NGUYEN VAN AN")).isEqualTo(NOTATION);
        assertThat(Notation.names("nguyen van an", "NGUYEN VAN AN")).isEqualTo(NOTATION);
        assertThat(Notation.names("ﾏﾘｱ ｶﾞﾙｼｱ", "マリア　ガルシア")).isEqualTo(NOTATION);
    }

    @Test
    void variantCharactersAndIvsAreADifferentGlyphNotADifferentName() {
        assertThat(Notation.names("高橋\u3000一郎", "髙橋\u3000一郎")).isEqualTo(VARIANT_CHARACTERS);
        assertThat(Notation.names("山崎 花子", "山﨑\u3000花子")).isEqualTo(VARIANT_CHARACTERS);
        assertThat(Notation.names("渡辺\u3000修", "渡邊\u3000修")).isEqualTo(VARIANT_CHARACTERS);
        assertThat(Notation.names("渡辺\u3000修", "渡邉\u3000修")).isEqualTo(VARIANT_CHARACTERS);
        assertThat(Notation.names("斎藤\u3000学", "齋藤\u3000学")).isEqualTo(VARIANT_CHARACTERS);
        assertThat(Notation.names("斉藤\u3000学", "齊藤\u3000学")).isEqualTo(VARIANT_CHARACTERS);
        assertThat(Notation.names("吉田\u3000学", "𠮷田\u3000学")).isEqualTo(VARIANT_CHARACTERS);
        assertThat(Notation.names("浜田\u3000学", "濵田\u3000学")).isEqualTo(VARIANT_CHARACTERS);
        assertThat(Notation.names("辻\u3000学", "辻\udb40\udd00\u3000学")).as("IVS U+E0100").isEqualTo(VARIANT_CHARACTERS);
        assertThat(Notation.names("葛西\u3000学", "葛\udb40\udd00西\u3000学")).isEqualTo(VARIANT_CHARACTERS);
        // A CJK compatibility ideograph (U+FA10 塚) against its unified form.
        assertThat(Notation.names("塚本\u3000学", "\ufa10本\u3000学")).isEqualTo(VARIANT_CHARACTERS);
    }

    @Test
    void otherNamesStayDifferent() {
        assertThat(Notation.names("高田\u3000一郎", "髙橋\u3000一郎")).isEqualTo(DIFFERENT);
        assertThat(Notation.names("山田\u3000太郎", "山田\u3000次郎")).isEqualTo(DIFFERENT);
        assertThat(Notation.names("ヤマダ\u3000タロウ", "山田\u3000太郎")).isEqualTo(DIFFERENT);
    }

    @Test
    void addressNotationsAgree() {
        String register = "長野県窓口町本町一丁目3番12号";
        assertThat(address("長野県窓口町本町一丁目3番12号", register)).isEqualTo(SAME);
        assertThat(address("窓口町本町一丁目3番12号", register)).as("without the prefecture").isEqualTo(NOTATION);
        assertThat(address("長野県窓口町本町1丁目3番12号", register)).isEqualTo(NOTATION);
        assertThat(address("長野県窓口町本町１丁目３－１２", register)).isEqualTo(NOTATION);
        assertThat(address("長野県窓口町本町1-3-12", register)).isEqualTo(NOTATION);
        assertThat(address("長野県窓口町本町一丁目3ー12", register)).isEqualTo(NOTATION);
        assertThat(address("長野県窓口町本町一丁目3‐12", register)).isEqualTo(NOTATION);
        assertThat(address("長野県窓口町本町一丁目三番十二号", register)).isEqualTo(NOTATION);
        assertThat(address("長野県北佐久郡窓口町本町一丁目3番12号", register)).as("with a 郡").isEqualTo(NOTATION);
        assertThat(address("長野県窓口町大字新田512番地3", "長野県窓口町大字新田五百十二番地三")).isEqualTo(NOTATION);
        assertThat(address("長野県窓口町新田512-3", "長野県窓口町大字新田512番地3")).isEqualTo(NOTATION);
        assertThat(address("長野県窓口町港町512番地", "長野県窓口町港町512")).isEqualTo(NOTATION);
        assertThat(address("長野県窓口町緑ヶ丘一丁目5番8号", "長野県窓口町緑が丘一丁目5番8号")).isEqualTo(NOTATION);
        assertThat(address("長野県窓口町駅前1丁目3-12 コーポ若葉101号室",
                "長野県窓口町駅前一丁目3番12号\u3000コーポ若葉101号室")).isEqualTo(NOTATION);
        assertThat(address("長野県窓口町山﨑一丁目3番12号", "長野県窓口町山崎一丁目3番12号")).isEqualTo(VARIANT_CHARACTERS);
    }

    @Test
    void differentAddressesStayDifferent() {
        String register = "長野県窓口町本町一丁目3番12号";
        assertThat(address("長野県窓口町本町二丁目3番12号", register)).isEqualTo(DIFFERENT);
        assertThat(address("長野県窓口町本町一丁目3番1号", register)).isEqualTo(DIFFERENT);
        assertThat(address("長野県窓口町本町一丁目31番2号", register)).isEqualTo(DIFFERENT);
        assertThat(address("長野県窓口町緑が丘二丁目7番5号", register)).isEqualTo(DIFFERENT);
        assertThat(address("長野県窓口町駅前一丁目3番12号\u3000コーポ若葉102号室",
                "長野県窓口町駅前一丁目3番12号\u3000コーポ若葉101号室")).isEqualTo(DIFFERENT);
        assertThat(address("東京都窓口町本町一丁目3番12号", register)).as("another prefecture").isEqualTo(DIFFERENT);
    }

    @Test
    void kanjiNumeralsBecomeDigits() {
        assertThat(Notation.kanjiNumbersToDigits("一丁目")).isEqualTo("1丁目");
        assertThat(Notation.kanjiNumbersToDigits("十二番")).isEqualTo("12番");
        assertThat(Notation.kanjiNumbersToDigits("二十")).isEqualTo("20");
        assertThat(Notation.kanjiNumbersToDigits("百五")).isEqualTo("105");
        assertThat(Notation.kanjiNumbersToDigits("一〇五")).isEqualTo("105");
        assertThat(Notation.kanjiNumbersToDigits("千二百三十四")).isEqualTo("1234");
        assertThat(Notation.kanjiNumbersToDigits("五百十二番地三")).isEqualTo("512番地3");
    }

    @Test
    void theVariantTableFoldsOnlyForComparison() {
        assertThat(VariantCharacters.fold("髙﨑邊邉齋𠮷濵")).isEqualTo("高崎辺辺斎吉浜");
        assertThat(VariantCharacters.fold("葛\udb40\udd00")).isEqualTo("葛");
        assertThat(VariantCharacters.fold("山田")).isEqualTo("山田");
    }
}
