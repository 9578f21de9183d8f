package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterDateTest {

    @Test
    void everyDayRoundTripsThroughCodeTextAndLocalDateAndSortsByDate() {
        int previousWareki = -1;
        int previousSeireki = -1;
        for (LocalDate d = LocalDate.of(1873, 1, 1); !d.isAfter(LocalDate.of(2100, 12, 31)); d = d.plusDays(1)) {
            RegisterDate w = RegisterDate.of(d);
            RegisterDate s = RegisterDate.ofSeireki(d);
            boolean ok = RegisterDate.fromCode(w.toCode()).equals(w) && RegisterDate.fromCode(s.toCode()).equals(s)
                    && RegisterDate.parse(w.format(DateDisplay.WAREKI)).equals(w)
                    && RegisterDate.parse(s.format(DateDisplay.SEIREKI)).equals(s)
                    && w.toLocalDate().orElseThrow().equals(d) && s.toLocalDate().orElseThrow().equals(d)
                    && w.isExact() && w.sortKey() > previousWareki && s.sortKey() > previousSeireki
                    && w.sortKey() > s.sortKey() && w.format(DateDisplay.SEIREKI).equals(s.format(DateDisplay.SEIREKI))
                    && s.format(DateDisplay.WAREKI).equals(Wareki.format(d));
            if (!ok) {
                throw new AssertionError(d + " " + w.toCode() + " " + s.toCode());
            }
            previousWareki = w.sortKey();
            previousSeireki = s.sortKey();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "昭和60年7月7日, 昭和60年7月7日, 1985年7月7日, 3600707, 1985070703",
        "S60.7.7, 昭和60年7月7日, 1985年7月7日, 3600707, 1985070703",
        "3600707, 昭和60年7月7日, 1985年7月7日, 3600707, 1985070703",
        "令和元年5月1日, 令和元年5月1日, 2019年5月1日, 5010501, 2019050105",
        "１９８５年７月７日, 昭和60年7月7日, 1985年7月7日, G19850707, 1985070700",
        "1985-07-07, 昭和60年7月7日, 1985年7月7日, G19850707, 1985070700",
        "19850707, 昭和60年7月7日, 1985年7月7日, G19850707, 1985070700",
        "年月日不詳, 年月日不詳, 年月日不詳, U, 0",
        "不詳, 年月日不詳, 年月日不詳, U, 0",
        "昭和35年頃, 昭和35年頃, 1960年頃, 3350000~, 1960000013",
        "昭和35年, 昭和35年月日不詳, 1960年月日不詳, 3350000, 1960000003",
        "昭和35年月日不詳, 昭和35年月日不詳, 1960年月日不詳, 3350000, 1960000003",
        "3350000, 昭和35年月日不詳, 1960年月日不詳, 3350000, 1960000003",
        "昭和35年5月, 昭和35年5月日不詳, 1960年5月日不詳, 3350500, 1960050003",
        "昭和35年5月日不詳, 昭和35年5月日不詳, 1960年5月日不詳, 3350500, 1960050003",
        "S35.5頃, 昭和35年5月頃, 1960年5月頃, 3350500~, 1960050013",
        "昭和35年5月1日ごろ, 昭和35年5月1日頃, 1960年5月1日頃, 3350501~, 1960050113",
        "1960年, 昭和35年月日不詳, 1960年月日不詳, G19600000, 1960000000",
        "1989年, 1989年月日不詳, 1989年月日不詳, G19890000, 1989000000",
        "1989年1月, 1989年1月日不詳, 1989年1月日不詳, G19890100, 1989010000",
        "1989年2月頃, 平成元年2月頃, 1989年2月頃, G19890200~, 1989020010",
        "明治45年7月30日, 明治45年7月30日, 1912年7月30日, 1450730, 1912073001",
        "大正元年7月30日, 大正元年7月30日, 1912年7月30日, 2010730, 1912073002",
        "大正15年12月25日, 大正15年12月25日, 1926年12月25日, 2151225, 1926122502",
        "昭和64年1月7日, 昭和64年1月7日, 1989年1月7日, 3640107, 1989010703",
        "平成元年1月8日, 平成元年1月8日, 1989年1月8日, 4010108, 1989010804",
        "昭和30年2月29日, 昭和30年2月29日, 1955年2月29日, 3300229, 1955022903",
        "1955年2月29日, 昭和30年2月29日, 1955年2月29日, G19550229, 1955022900",
        "平成元年2月30日, 平成元年2月30日, 1989年2月30日, 4010230, 1989023004",
        "明治5年3月1日, 明治5年3月1日, 明治5年3月1日, 1050301, 1872030101",
        "1872年3月1日, 1872年3月1日, 1872年3月1日, G18720301, 1872030100",
    })
    void parsesFormatsEncodesAndSorts(String input, String wareki, String seireki, String code, int sortKey) {
        RegisterDate d = RegisterDate.parse(input);
        assertThat(d.format(DateDisplay.WAREKI)).isEqualTo(wareki);
        assertThat(d.format(DateDisplay.SEIREKI)).isEqualTo(seireki);
        assertThat(d.toCode()).isEqualTo(code);
        assertThat(d.sortKey()).isEqualTo(sortKey);
        assertThat(RegisterDate.fromCode(code)).isEqualTo(d);
        assertThat(RegisterDate.parse(d.toString())).isEqualTo(d);
    }

    @Test
    void irregularValuesAreKeptAndExplained() {
        RegisterDate leap = RegisterDate.parse("昭和30年2月29日");
        assertThat(leap.isExact()).isFalse();
        assertThat(leap.toLocalDate()).isEmpty();
        assertThat(leap.whyNotExact()).contains(RegisterDate.Inexactness.NOT_ON_CALENDAR);
        assertThat(leap.day()).hasValue(29);
        assertThat(RegisterDate.wareki(Era.SHOWA, 30, 2, 30).whyNotExact())
                .contains(RegisterDate.Inexactness.NOT_ON_CALENDAR);

        RegisterDate meiji45 = RegisterDate.parse("明治45年7月30日");
        assertThat(meiji45.era()).contains(Era.MEIJI);
        assertThat(meiji45.year()).hasValue(45);
        assertThat(meiji45.toLocalDate()).contains(LocalDate.of(1912, 7, 30));
        assertThat(meiji45).isNotEqualTo(RegisterDate.of(LocalDate.of(1912, 7, 30)));
        assertThat(meiji45).isLessThan(RegisterDate.of(LocalDate.of(1912, 7, 30)));
        assertThat(RegisterDate.of(LocalDate.of(1912, 7, 30)).format(DateDisplay.WAREKI)).isEqualTo("大正元年7月30日");

        RegisterDate taisho15 = RegisterDate.wareki(Era.TAISHO, 15, 12, 25);
        assertThat(taisho15.toLocalDate()).contains(LocalDate.of(1926, 12, 25));
        assertThat(RegisterDate.parse("昭和64年1月7日")).isLessThan(RegisterDate.parse("平成元年1月8日"));

        assertThat(RegisterDate.unknown().whyNotExact()).contains(RegisterDate.Inexactness.UNKNOWN);
        assertThat(RegisterDate.unknown().precision()).isEqualTo(RegisterDate.Precision.UNKNOWN);
        assertThat(RegisterDate.unknown().calendar()).isEmpty();
        assertThat(RegisterDate.parse("昭和35年頃").whyNotExact())
                .contains(RegisterDate.Inexactness.MONTH_AND_DAY_UNKNOWN);
        assertThat(RegisterDate.parse("昭和35年5月1日頃").whyNotExact())
                .contains(RegisterDate.Inexactness.APPROXIMATE);
        assertThat(RegisterDate.parse("昭和35年5月").whyNotExact()).contains(RegisterDate.Inexactness.DAY_UNKNOWN);
        assertThat(RegisterDate.parse("明治5年3月1日").whyNotExact())
                .contains(RegisterDate.Inexactness.BEFORE_SOLAR_CALENDAR);
        assertThat(RegisterDate.parse("明治5年3月1日").whyNotExact().orElseThrow().japanese()).contains("太陰太陽暦");
    }

    @Test
    void aGregorianYearIsNotForcedIntoAnEra() {
        RegisterDate y1989 = RegisterDate.seirekiYear(1989);
        assertThat(y1989.calendar()).contains(RegisterDate.Calendar.SEIREKI);
        assertThat(y1989.era()).isEmpty();
        assertThat(y1989.year()).hasValue(1989);
        assertThat(y1989.precision()).isEqualTo(RegisterDate.Precision.YEAR);
        assertThat(y1989.format(DateDisplay.WAREKI)).isEqualTo("1989年月日不詳");
        assertThat(RegisterDate.parse("1989年")).isEqualTo(y1989);
        assertThat(y1989).isNotEqualTo(RegisterDate.warekiYear(Era.SHOWA, 64))
                .isNotEqualTo(RegisterDate.warekiYear(Era.HEISEI, 1));
        assertThat(RegisterDate.seirekiYear(2019).format(DateDisplay.WAREKI)).isEqualTo("2019年月日不詳");
        assertThat(RegisterDate.seirekiYearMonth(2019, 5).format(DateDisplay.WAREKI)).isEqualTo("令和元年5月日不詳");
        assertThat(RegisterDate.seirekiYearMonth(2019, 4).format(DateDisplay.WAREKI)).isEqualTo("平成31年4月日不詳");
    }

    @Test
    void documentedOrder() {
        List<RegisterDate> expected = List.of(
                RegisterDate.unknown(),
                RegisterDate.parse("明治5年3月1日"),
                RegisterDate.parse("明治45年7月30日"),
                RegisterDate.parse("大正元年7月30日"),
                RegisterDate.seirekiYear(1960),
                RegisterDate.warekiYear(Era.SHOWA, 35),
                RegisterDate.seirekiYear(1960).approximate(),
                RegisterDate.warekiYear(Era.SHOWA, 35).approximate(),
                RegisterDate.warekiYearMonth(Era.SHOWA, 35, 1),
                RegisterDate.wareki(Era.SHOWA, 35, 1, 1),
                RegisterDate.wareki(Era.SHOWA, 35, 1, 1).approximate(),
                RegisterDate.wareki(Era.SHOWA, 35, 12, 31),
                RegisterDate.seirekiYear(1989),
                RegisterDate.warekiYear(Era.SHOWA, 64),
                RegisterDate.warekiYear(Era.HEISEI, 1),
                RegisterDate.parse("昭和64年1月7日"),
                RegisterDate.parse("平成元年1月8日"),
                RegisterDate.wareki(Era.REIWA, 129, 12, 31));
        List<RegisterDate> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new java.util.Random(42));
        Collections.sort(shuffled);
        assertThat(shuffled).containsExactlyElementsOf(expected);
        List<RegisterDate> byKey = new ArrayList<>(expected);
        Collections.shuffle(byKey, new java.util.Random(7));
        byKey.sort(java.util.Comparator.comparingInt(RegisterDate::sortKey));
        assertThat(byKey).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"平成32年", "平成32年1月1日", "昭和64年2月", "昭和64年1月8日", "平成31年5月", "令和元年4月",
        "令和元年4月30日", "平成元年1月7日", "昭和35年13月", "昭和35年1月32日", "昭和0年", "令和130年", "大正16年",
        "明治46年", "昭和35年5月月日不詳", "昭和35年日不詳", "2148年", "0000年", "1985-13-01", "19850700x",
        "19850007", "3350007", "昭和年月日不詳", "令和○○年頃", "S", "1985", "?", "0000000"})
    void rejects(String text) {
        assertThatThrownBy(() -> RegisterDate.parse(text)).isInstanceOf(KitFormatException.class)
                .satisfies(e -> assertThat(((KitFormatException) e).japaneseMessage()).contains("読めません").contains(text));
    }

    @Test
    void rejectsNullAndOverlongInput() {
        assertThatThrownBy(() -> RegisterDate.parse(null)).isInstanceOf(KitFormatException.class);
        assertThatThrownBy(() -> RegisterDate.parse("   ")).isInstanceOf(KitFormatException.class);
        assertThatThrownBy(() -> RegisterDate.parse("昭".repeat(41))).isInstanceOf(KitFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "u", "30600707", "3600707x", "G1985077", "3000707", "3640108", "3350007",
        "G21480101", "G00000101", "6600707", "0600707", "U~", "3600707~~", "G19851301", "5010431", "3600732",
        "3600707 ", "３６００７０７"})
    void fromCodeRejectsNonCanonicalOrInvalidCodes(String code) {
        assertThatThrownBy(() -> RegisterDate.fromCode(code)).isInstanceOf(KitFormatException.class);
    }

    @Test
    void factoriesValidate() {
        assertThat(RegisterDate.wareki(Era.REIWA, 129, 12, 31).toCode()).isEqualTo("51291231");
        assertThat(RegisterDate.fromCode("51291231").year()).hasValue(129);
        assertThat(RegisterDate.wareki(Era.REIWA, 100, 1, 1).toCode()).isEqualTo("51000101");
        assertThatThrownBy(() -> RegisterDate.wareki(Era.REIWA, 130, 1, 1)).isInstanceOf(KitFormatException.class);
        assertThatThrownBy(() -> RegisterDate.seireki(2148, 1, 1)).isInstanceOf(KitFormatException.class);
        assertThatThrownBy(() -> RegisterDate.of(LocalDate.of(1872, 12, 31))).isInstanceOf(KitFormatException.class);
        assertThatThrownBy(() -> RegisterDate.unknown().approximate()).isInstanceOf(KitFormatException.class);
        assertThatThrownBy(() -> RegisterDate.warekiYearMonth(Era.HEISEI, 31, 5))
                .isInstanceOf(KitFormatException.class).hasMessageContaining("平成31年は4月30日までです");
        assertThat(RegisterDate.seireki(1000, 1, 1).toCode()).isEqualTo("G10000101");
        assertThatThrownBy(() -> RegisterDate.seireki(999, 12, 31)).isInstanceOf(KitFormatException.class);
        assertThat(RegisterDate.seireki(2147, 12, 31).sortKey()).isEqualTo(2147123100);
        assertThat(RegisterDate.parse("昭和35年頃").isApproximate()).isTrue();
    }

    @Test
    void equalityAndDisplayRule() {
        assertThat(RegisterDate.parse("S60.7.7")).isEqualTo(RegisterDate.of(LocalDate.of(1985, 7, 7)))
                .hasSameHashCodeAs(RegisterDate.of(LocalDate.of(1985, 7, 7)));
        assertThat(RegisterDate.parse("1985-07-07")).isNotEqualTo(RegisterDate.parse("S60.7.7"));
        assertThat(DateDisplay.forBirthDate(true)).isEqualTo(DateDisplay.SEIREKI);
        assertThat(DateDisplay.forBirthDate(false)).isEqualTo(DateDisplay.WAREKI);
        assertThat(RegisterDate.parse("S60.7.7").toString()).isEqualTo("昭和60年7月7日");
        assertThat(RegisterDate.parse("1985-07-07").toString()).isEqualTo("1985年7月7日");
    }
}
