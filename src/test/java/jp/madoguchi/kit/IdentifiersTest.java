package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void municipalityCode() {
        MunicipalityCode chiyoda = MunicipalityCode.parse("131016");
        assertThat(chiyoda.prefectureCode()).isEqualTo("13");
        assertThat(chiyoda.withoutCheckDigit()).isEqualTo("13101");
        assertThat(chiyoda).hasToString("131016").isEqualTo(MunicipalityCode.ofFiveDigits("13101"));
        assertThat(MunicipalityCode.ofFiveDigits("01100").value()).isEqualTo("011002");
        assertThatThrownBy(() -> MunicipalityCode.parse("131017")).isInstanceOf(KitFormatException.class)
                .satisfies(e -> assertThat(((KitFormatException) e).japaneseMessage())
                        .isEqualTo("地方公共団体コードは6桁の数字で、末尾の検査数字が正しい必要があります（入力: \"131017\"）"));
        assertThatThrownBy(() -> MunicipalityCode.parse("１３１０１６")).isInstanceOf(KitFormatException.class);
        assertThatThrownBy(() -> MunicipalityCode.parse(" 131016")).isInstanceOf(KitFormatException.class);
        assertThatThrownBy(() -> MunicipalityCode.parse("13101")).isInstanceOf(KitFormatException.class);
        assertThatThrownBy(() -> MunicipalityCode.parse(null)).isInstanceOf(KitFormatException.class);
    }

    @Test
    void atenaAndHouseholdNumbers() {
        AtenaNumber a = AtenaNumber.of("123456789");
        assertThat(a.value()).isEqualTo("1234567892");
        assertThat(a.base()).isEqualTo("123456789");
        assertThat(AtenaNumber.parse("1234567892")).isEqualTo(a);
        assertThatThrownBy(() -> AtenaNumber.parse("1234567890")).isInstanceOf(KitFormatException.class)
                .hasMessageContaining("宛名番号");
        HouseholdNumber h = HouseholdNumber.of("987654");
        assertThat(h).hasToString("9876545");
        assertThatThrownBy(() -> HouseholdNumber.parse("9876543")).isInstanceOf(KitFormatException.class)
                .hasMessageContaining("世帯番号");
    }

    @Test
    void myNumberNeverRevealsItself() {
        MyNumber n = MyNumber.parse("123456789018");
        assertThat(n.toString()).doesNotContainPattern("\\d");
        assertThat(n.masked()).isEqualTo("********9018");
        assertThat(n.digits()).isEqualTo("123456789018");
        assertThat(String.valueOf(java.util.List.of(n))).doesNotContain("1234");
        assertThatThrownBy(() -> MyNumber.parse("123456789017")).isInstanceOf(KitFormatException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("12345678901").doesNotContain("9017"));
        assertThatThrownBy(() -> MyNumber.parse("12345678901")).isInstanceOf(KitFormatException.class);
    }

    @Test
    void kitFormatExceptionApi() {
        KitFormatException e = new KitFormatException("日本語", "English");
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.getMessage()).isEqualTo("日本語 / English");
        assertThat(e.japaneseMessage()).isEqualTo("日本語");
        assertThat(e.englishMessage()).isEqualTo("English");
    }
}
