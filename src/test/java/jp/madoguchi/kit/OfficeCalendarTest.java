package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfficeCalendarTest {

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    private final OfficeCalendar standard = OfficeCalendar.standard();

    @Test
    void closesOnWeekendsHolidaysAndYearEnd() {
        assertThat(standard.isOfficeDay(d(2026, 12, 28))).isTrue(); // Monday
        for (LocalDate day = d(2026, 12, 29); !day.isAfter(d(2027, 1, 3)); day = day.plusDays(1)) {
            assertThat(standard.isOfficeDay(day)).as(day.toString()).isFalse();
            assertThat(OfficeCalendar.isYearEndHoliday(day)).isTrue();
        }
        assertThat(standard.isOfficeDay(d(2027, 1, 4))).isTrue();
        assertThat(standard.nextOfficeDay(d(2026, 12, 28))).isEqualTo(d(2027, 1, 4));
        assertThat(standard.previousOfficeDay(d(2027, 1, 4))).isEqualTo(d(2026, 12, 28));
        assertThat(standard.isOfficeDay(d(2026, 5, 9))).isFalse(); // Saturday
        assertThat(OfficeCalendar.isYearEndHoliday(d(2026, 12, 28))).isFalse();
        assertThat(OfficeCalendar.isYearEndHoliday(d(2027, 1, 4))).isFalse();
    }

    @Test
    void goldenWeek2026() {
        // 4/29 Wed 昭和の日; 4/30, 5/1 open; 5/2 Sat to 5/6 Wed (振替休日) closed; 5/7 Thu open
        assertThat(standard.isOfficeDay(d(2026, 4, 29))).isFalse();
        assertThat(standard.nextOfficeDay(d(2026, 4, 28))).isEqualTo(d(2026, 4, 30));
        assertThat(standard.nextOfficeDay(d(2026, 5, 1))).isEqualTo(d(2026, 5, 7));
        assertThat(standard.officeDayOnOrAfter(d(2026, 5, 1))).isEqualTo(d(2026, 5, 1));
        assertThat(standard.officeDayOnOrAfter(d(2026, 5, 2))).isEqualTo(d(2026, 5, 7));
        assertThat(standard.addOfficeDays(d(2026, 4, 28), 3)).isEqualTo(d(2026, 5, 7));
        assertThat(standard.addOfficeDays(d(2026, 5, 7), -3)).isEqualTo(d(2026, 4, 28));
        assertThat(standard.addOfficeDays(d(2026, 5, 3), 0)).isEqualTo(d(2026, 5, 3));
        assertThat(standard.officeDaysBetween(d(2026, 4, 28), d(2026, 5, 7))).isEqualTo(3);
        assertThat(standard.officeDaysBetween(d(2026, 5, 7), d(2026, 4, 28))).isEqualTo(-3);
        assertThat(standard.officeDaysBetween(d(2026, 5, 2), d(2026, 5, 6))).isZero();
        // counting `to` but not `from`, in both directions: from a closed day back to 5/1 is one office day
        assertThat(standard.addOfficeDays(d(2026, 5, 6), -1)).isEqualTo(d(2026, 5, 1));
        assertThat(standard.officeDaysBetween(d(2026, 5, 6), d(2026, 5, 1))).isEqualTo(-1);
        assertThat(standard.officeDaysBetween(d(2026, 5, 1), d(2026, 5, 6))).isZero();
    }

    @Test
    void specialOpeningSaturdayOpensTheCounterButStaysALegalHoliday() {
        LocalDate saturday = d(2026, 3, 28);
        OfficeCalendar calendar = standard.withSpecialOpenings(Set.of(saturday));
        assertThat(standard.isOfficeDay(saturday)).isFalse();
        assertThat(calendar.isOfficeDay(saturday)).isTrue();
        assertThat(calendar.isHoliday(saturday)).isTrue();
        assertThat(calendar.nextOfficeDay(d(2026, 3, 27))).isEqualTo(saturday);
        assertThat(calendar.addOfficeDays(d(2026, 3, 27), 2)).isEqualTo(d(2026, 3, 30));
        // event on Saturday 3/14, 14 days: the last day 3/28 is a 休日 in law although open → Monday 3/30
        assertThat(calendar.deadline(d(2026, 3, 14), 14, true)).isEqualTo(d(2026, 3, 30));
        assertThat(calendar.specialOpenings()).containsExactly(saturday);
    }

    @Test
    void municipalClosure() {
        LocalDate ireiNoHi = d(2026, 6, 23); // Tuesday, 慰霊の日 in Okinawa municipalities
        OfficeCalendar okinawa = standard.withClosures(Set.of(ireiNoHi));
        assertThat(standard.isOfficeDay(ireiNoHi)).isTrue();
        assertThat(okinawa.isOfficeDay(ireiNoHi)).isFalse();
        assertThat(okinawa.nextOfficeDay(d(2026, 6, 22))).isEqualTo(d(2026, 6, 24));
        assertThat(okinawa.deadline(d(2026, 6, 9), 14, true)).isEqualTo(d(2026, 6, 24));
        assertThat(okinawa.closures()).containsExactly(ireiNoHi);
        assertThat(standard.closures()).isEmpty(); // immutable: the original is unchanged
        assertThatThrownBy(() -> okinawa.closures().add(d(2026, 6, 24)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void closureAndSpecialOpeningOnTheSameDayIsRejected() {
        LocalDate day = d(2026, 3, 28);
        OfficeCalendar open = standard.withSpecialOpenings(Set.of(day));
        assertThatThrownBy(() -> open.withClosures(Set.of(day)))
                .isInstanceOf(KitFormatException.class)
                .hasMessageContaining("2026-03-28");
    }

    @Test
    void deadlineCountsFromTheDayAfterTheEvent() {
        // Friday 2026-01-09 before 成人の日 (Mon 1/12): a holiday inside the period changes nothing
        assertThat(standard.deadline(d(2026, 1, 9), 14, true)).isEqualTo(d(2026, 1, 23));
        // Friday 2026-12-18: the 14th day is 2027-01-01 (元日), then Sat and Sun → Monday 2027-01-04
        assertThat(standard.deadline(d(2026, 12, 18), 14, false)).isEqualTo(d(2027, 1, 1));
        assertThat(standard.deadline(d(2026, 12, 18), 14, true)).isEqualTo(d(2027, 1, 4));
        // Wednesday 2026-04-22: 14th day is 5/6 (振替休日) → 5/7
        assertThat(standard.deadline(d(2026, 4, 22), 14, true)).isEqualTo(d(2026, 5, 7));
        // 戸籍法第43条: a birth on 2026-04-01 must be notified by 2026-04-14 (Tuesday)
        assertThat(standard.deadlineCountingEventDay(d(2026, 4, 1), 14, true)).isEqualTo(d(2026, 4, 14));
        assertThat(standard.deadlineCountingEventDay(d(2026, 4, 1), 1, false)).isEqualTo(d(2026, 4, 1));
        assertThatThrownBy(() -> standard.deadline(d(2026, 4, 1), 0, true))
                .isInstanceOf(KitFormatException.class)
                .hasMessageContaining("at least 1 day");
    }

    @Test
    void refusesToGuessOutsideTheHolidayData() {
        assertThatThrownBy(() -> standard.isOfficeDay(d(2051, 1, 5)))
                .isInstanceOf(CalendarRangeException.class)
                .hasMessageContaining("2051-01-05");
        assertThatThrownBy(() -> standard.isOfficeDay(d(1969, 12, 31)))
                .isInstanceOf(CalendarRangeException.class);
        // 2050-12-30 is inside, but the next office day would be in 2051
        assertThatThrownBy(() -> standard.nextOfficeDay(d(2050, 12, 30)))
                .isInstanceOf(CalendarRangeException.class)
                .hasMessageContaining("2051-01-01");
        assertThatThrownBy(() -> standard.deadline(d(2050, 12, 20), 14, false))
                .isInstanceOf(CalendarRangeException.class);
        assertThatThrownBy(() -> standard.addOfficeDays(d(1970, 1, 5), -10))
                .isInstanceOf(CalendarRangeException.class);
        assertThatThrownBy(() -> standard.withClosures(Set.of(d(2051, 6, 1))))
                .isInstanceOf(CalendarRangeException.class);
        assertThat(standard.lastCoveredDate()).isEqualTo(d(2050, 12, 31));
        assertThat(standard.previousOfficeDay(d(2050, 12, 31))).isEqualTo(d(2050, 12, 28));
    }
}
