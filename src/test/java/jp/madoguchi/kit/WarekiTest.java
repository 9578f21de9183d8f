package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WarekiTest {

    @ParameterizedTest
    @CsvSource({
        "1873-01-01, 明治6年1月1日",
        "1912-07-29, 明治45年7月29日",
        "1912-07-30, 大正元年7月30日",
        "1926-12-24, 大正15年12月24日",
        "1926-12-25, 昭和元年12月25日",
        "1989-01-07, 昭和64年1月7日",
        "1989-01-08, 平成元年1月8日",
        "2019-04-30, 平成31年4月30日",
        "2019-05-01, 令和元年5月1日",
        "1985-07-07, 昭和60年7月7日",
        "2020-01-01, 令和2年1月1日",
    })
    void formatsEraBoundariesAndGannen(LocalDate date, String text) {
        assertThat(Wareki.format(date)).isEqualTo(text);
        assertThat(Wareki.parse(text)).isEqualTo(date);
    }

    @Test
    void everyDayFrom1873To2100RoundTripsAndAgreesWithJavaTime() {
        int days = 0;
        for (LocalDate d = LocalDate.of(1873, 1, 1); !d.isAfter(LocalDate.of(2100, 12, 31)); d = d.plusDays(1)) {
            String text = Wareki.format(d);
            JapaneseDate jd = JapaneseDate.from(d);
            JapaneseEra era = jd.getEra();
            int yoe = jd.get(ChronoField.YEAR_OF_ERA);
            String expected = era.getDisplayName(TextStyle.FULL, Locale.JAPAN) + (yoe == 1 ? "元" : yoe) + "年"
                    + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
            if (!text.equals(expected) || !Wareki.parse(text).equals(d)) {
                throw new AssertionError(d + ": " + text + " vs " + expected);
            }
            days++;
        }
        assertThat(days).isEqualTo(83_275);
    }

    @Test
    void readsAbbreviationsFullWidthLigaturesAndTheCompactForm() {
        LocalDate d = LocalDate.of(1985, 7, 7);
        assertThat(Wareki.parse("S60.7.7")).isEqualTo(d);
        assertThat(Wareki.parse("s60/07/07")).isEqualTo(d);
        assertThat(Wareki.parse("Ｓ６０．７．７")).isEqualTo(d);
        assertThat(Wareki.parse("昭和６０年７月７日")).isEqualTo(d);
        assertThat(Wareki.parse(" 昭和 60年 7月 7日 ")).isEqualTo(d);
        assertThat(Wareki.parse("㍼60年7月7日")).isEqualTo(d);
        assertThat(Wareki.parse("3600707")).isEqualTo(d);
        assertThat(Wareki.parse("R元.5.1")).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(Wareki.parse("H1-1-8")).isEqualTo(LocalDate.of(1989, 1, 8));
        assertThat(Wareki.parse("令和元年5月1日")).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(Wareki.formatCompact(d)).isEqualTo("3600707");
        assertThat(Wareki.formatCompact(LocalDate.of(2019, 5, 1))).isEqualTo("5010501");
    }

    @Test
    void readsTheWritingsOfTheDayOfKaigenInTheOldEra() {
        assertThat(Wareki.parse("明治45年7月30日")).isEqualTo(LocalDate.of(1912, 7, 30));
        assertThat(Wareki.parse("大正15年12月25日")).isEqualTo(LocalDate.of(1926, 12, 25));
    }

    @Test
    void rejectsOutOfEraDatesWithAClearBilingualMessage() {
        assertThatThrownBy(() -> Wareki.parse("平成32年13月1日")).isInstanceOf(KitFormatException.class)
                .satisfies(e -> {
                    KitFormatException k = (KitFormatException) e;
                    assertThat(k.japaneseMessage()).isEqualTo("和暦の日付として読めません: \"平成32年13月1日\"（月は1〜12）");
                    assertThat(k.englishMessage()).startsWith("Not a Japanese-era date: \"平成32年13月1日\"");
                    assertThat(k.getMessage()).isEqualTo(k.japaneseMessage() + " / " + k.englishMessage());
                });
        assertThatThrownBy(() -> Wareki.parse("平成32年1月1日")).hasMessageContaining("平成は31年（2019-04-30）までです");
        assertThatThrownBy(() -> Wareki.parse("昭和64年1月8日")).hasMessageContaining("昭和64年は1月7日までです");
        assertThatThrownBy(() -> Wareki.parse("平成元年1月7日")).hasMessageContaining("平成元年は1月8日からです");
        assertThatThrownBy(() -> Wareki.parse("令和元年4月30日")).hasMessageContaining("令和元年は5月1日からです");
        assertThatThrownBy(() -> Wareki.parse("明治45年7月31日")).hasMessageContaining("明治45年は7月30日までです");
    }

    @ParameterizedTest
    @ValueSource(strings = {"昭和30年2月29日", "昭和35年", "昭和35年頃", "1985年7月7日", "1985-07-07", "明治5年1月1日",
        "昭和六十年七月七日", "", "abc", "S60.7.7.7", "昭和0年1月1日", "昭和60年7月32日", "年月日不詳", "X60.7.7"})
    void rejectsWhatIsNotOneExactEraDate(String text) {
        assertThatThrownBy(() -> Wareki.parse(text)).isInstanceOf(KitFormatException.class);
    }

    @Test
    void notOnTheCalendarIsExplained() {
        assertThatThrownBy(() -> Wareki.parse("昭和30年2月29日")).hasMessageContaining("暦に存在しない日付");
    }

    @Test
    void formatRejectsLunisolarDates() {
        assertThatThrownBy(() -> Wareki.format(LocalDate.of(1872, 12, 31))).isInstanceOf(KitFormatException.class)
                .hasMessageContaining("太陰太陽暦");
    }

    @Test
    void eraData() {
        assertThat(Era.ofCode(3)).isEqualTo(Era.SHOWA);
        assertThat(Era.SHOWA.japaneseName()).isEqualTo("昭和");
        assertThat(Era.REIWA.abbreviation()).isEqualTo("R");
        assertThat(Era.HEISEI.start()).isEqualTo(LocalDate.of(1989, 1, 8));
        assertThat(Era.SHOWA.end()).contains(LocalDate.of(1989, 1, 7));
        assertThat(Era.TAISHO.end()).contains(LocalDate.of(1926, 12, 24));
        assertThat(Era.REIWA.end()).isEmpty();
        assertThat(Era.MEIJI.start()).isEqualTo(LocalDate.of(1873, 1, 1));
        assertThat(Era.MEIJI.firstYear()).isEqualTo(1868);
        assertThat(Era.fromName("h")).isEqualTo(Era.HEISEI);
        assertThat(Era.fromName("Ｔ")).isEqualTo(Era.TAISHO);
        assertThat(Era.fromName("㍻")).isEqualTo(Era.HEISEI);
        assertThat(Era.of(LocalDate.of(1912, 7, 30))).isEqualTo(Era.TAISHO);
        assertThat(Era.of(LocalDate.of(1912, 7, 29))).isEqualTo(Era.MEIJI);
        assertThatThrownBy(() -> Era.ofCode(6)).isInstanceOf(KitFormatException.class);
        assertThatThrownBy(() -> Era.fromName("天平")).isInstanceOf(KitFormatException.class);
        for (Era e : Era.values()) {
            assertThat(Era.ofCode(e.code())).isEqualTo(e);
            assertThat(e.code()).isEqualTo(e.ordinal() + 1);
        }
    }
}
