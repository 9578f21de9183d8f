package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JapaneseHolidaysTest {

    private final JapaneseHolidays holidays = JapaneseHolidays.shipped();

    @Test
    void coversWholeYears1970To2050() {
        assertThat(holidays.firstCoveredDate()).isEqualTo(LocalDate.of(1970, 1, 1));
        assertThat(holidays.lastCoveredDate()).isEqualTo(LocalDate.of(2050, 12, 31));
        assertThat(holidays.covers(LocalDate.of(1969, 12, 31))).isFalse();
        assertThat(holidays.covers(LocalDate.of(2051, 1, 1))).isFalse();
    }

    @Test
    void namesHolidaysAsTheDataSpellsThem() {
        assertThat(holidays.name(LocalDate.of(2026, 1, 1))).contains("元日");
        assertThat(holidays.name(LocalDate.of(2026, 5, 6))).contains("こどもの日 振替休日");
        assertThat(holidays.name(LocalDate.of(2026, 9, 22))).contains("休日"); // 国民の休日 (第3条第3項)
        assertThat(holidays.name(LocalDate.of(2026, 5, 7))).isEmpty();
        assertThat(holidays.isHoliday(LocalDate.of(2026, 1, 12))).isTrue(); // 成人の日, second Monday
        assertThat(holidays.isHoliday(LocalDate.of(2026, 1, 3))).isFalse(); // 年末年始 is not a national holiday
    }

    @Test
    void knowsTheSpecialHolidaysOf2019And2020() {
        // 天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律: holiday_jp names 2019-05-01 「休日（祝日扱い）」
        assertThat(holidays.name(LocalDate.of(2019, 5, 1))).contains("休日（祝日扱い）");
        assertThat(holidays.name(LocalDate.of(2019, 4, 30))).contains("休日");
        assertThat(holidays.name(LocalDate.of(2019, 5, 2))).contains("休日");
        assertThat(holidays.name(LocalDate.of(2019, 10, 22))).contains("休日（祝日扱い）");
        // 2020 Olympic moves (平成30年法律第57号)
        assertThat(holidays.name(LocalDate.of(2020, 7, 24))).contains("スポーツの日");
        assertThat(holidays.isHoliday(LocalDate.of(2020, 10, 12))).isFalse();
    }

    @Test
    void listsHolidaysBetweenTwoDates() {
        assertThat(holidays.between(LocalDate.of(2026, 4, 29), LocalDate.of(2026, 5, 6)).keySet())
                .containsExactly(LocalDate.of(2026, 4, 29), LocalDate.of(2026, 5, 3), LocalDate.of(2026, 5, 4),
                        LocalDate.of(2026, 5, 5), LocalDate.of(2026, 5, 6));
        assertThatThrownBy(() -> holidays.between(LocalDate.of(2026, 5, 6), LocalDate.of(2026, 4, 29)))
                .isInstanceOf(KitFormatException.class);
    }

    @Test
    void refusesDatesOutsideTheData() {
        assertThatThrownBy(() -> holidays.isHoliday(LocalDate.of(2051, 1, 1)))
                .isInstanceOfSatisfying(CalendarRangeException.class, e -> {
                    assertThat(e.japaneseMessage()).contains("2051-01-01", "範囲外", "2050-12-31");
                    assertThat(e.englishMessage()).contains("2051-01-01", "outside", "1970-01-01");
                    assertThat(e.date()).isEqualTo(LocalDate.of(2051, 1, 1));
                    assertThat(e).isInstanceOf(IllegalArgumentException.class);
                });
        assertThatThrownBy(() -> holidays.name(LocalDate.of(1969, 12, 31)))
                .isInstanceOf(CalendarRangeException.class);
    }

    @Test
    void parsesTheFormatWithBomCommentsAndCrLf() {
        JapaneseHolidays h = JapaneseHolidays.parse("t.yml",
                "\uFEFF---\r\n# comment\r\n\r\n2030-01-01: 元日\r\n2030-11-23: 勤労感謝の日\r\n");
        assertThat(h.name(LocalDate.of(2030, 1, 1))).contains("元日");
        assertThat(h.lastCoveredDate()).isEqualTo(LocalDate.of(2030, 12, 31));
    }

    @Test
    void rejectsMalformedLinesWithFileLineAndReason() {
        assertMalformed("---\n2030-01-01: 元日\n2030-1-02: x\n", "t.yml 3行目", "t.yml line 3", "YYYY-MM-DD");
        assertMalformed("2030-01-01: 元日\n2030-02-30: x\n", "t.yml 2行目", "no such date", "存在しない日付");
        assertMalformed("2030-01-01: 元日\n2030-01-01: 元日\n", "t.yml 2行目", "duplicate", "重複");
        assertMalformed("2030-01-01:\n", "t.yml 1行目", "expected 'YYYY-MM-DD: name'", "形式");
        assertMalformed("2030-01-01: \"元日\"\n", "t.yml 1行目", "unsupported YAML", "YAML");
        assertMalformed("2030-01-01: 元日\n---\n", "t.yml 2行目", "'---'", "---");
        assertMalformed("", "t.yml", "no holidays", "1件も");
        assertMalformed("2030-01-01: 元日\n", "2030-11-23", "incomplete", "欠けて");
        assertMalformed("2030-01-01: 元日\n2030-11-23: 勤労感謝の日\n2032-01-01: 元日\n2032-11-23: 勤労感謝の日\n",
                "2031-01-01", "2031", "欠けて");
    }

    private static void assertMalformed(String text, String... fragments) {
        assertThatThrownBy(() -> JapaneseHolidays.parse("t.yml", text))
                .isInstanceOf(KitFormatException.class)
                .hasMessageContainingAll(fragments);
    }
}
