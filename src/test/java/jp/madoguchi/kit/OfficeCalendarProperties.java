package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class OfficeCalendarProperties {

    private static final OfficeCalendar CALENDAR = OfficeCalendar.standard();
    private static final JapaneseHolidays HOLIDAYS = JapaneseHolidays.shipped();

    @Provide
    Arbitrary<LocalDate> dates() {
        // far enough inside 1970–2050 that ±400 office days stay within the holiday data
        return Arbitraries.longs().between(LocalDate.of(1972, 1, 1).toEpochDay(), LocalDate.of(2048, 12, 31)
                .toEpochDay()).map(LocalDate::ofEpochDay);
    }

    @Property
    void officeDayMatchesTheDefinition(@ForAll("dates") LocalDate date) {
        boolean closed = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
                || HOLIDAYS.isHoliday(date) || (date.getMonthValue() == 12 && date.getDayOfMonth() >= 29)
                || (date.getMonthValue() == 1 && date.getDayOfMonth() <= 3);
        assertThat(CALENDAR.isOfficeDay(date)).isEqualTo(!closed);
    }

    @Property
    void officeDaysBetweenInvertsAddOfficeDays(@ForAll("dates") LocalDate date,
            @ForAll @IntRange(min = -400, max = 400) int n) {
        LocalDate moved = CALENDAR.addOfficeDays(date, n);
        assertThat(CALENDAR.officeDaysBetween(date, moved)).isEqualTo(n);
        if (n != 0) {
            assertThat(CALENDAR.isOfficeDay(moved)).isTrue();
        }
    }

    @Property
    void nextOfficeDaySkipsOnlyClosedDays(@ForAll("dates") LocalDate date) {
        LocalDate next = CALENDAR.nextOfficeDay(date);
        assertThat(next).isAfter(date);
        assertThat(CALENDAR.isOfficeDay(next)).isTrue();
        for (LocalDate d = date.plusDays(1); d.isBefore(next); d = d.plusDays(1)) {
            assertThat(CALENDAR.isOfficeDay(d)).isFalse();
        }
        assertThat(CALENDAR.officeDayOnOrAfter(date))
                .isEqualTo(CALENDAR.isOfficeDay(date) ? date : next);
        assertThat(CALENDAR.addOfficeDays(date, 1)).isEqualTo(next);
    }

    @Property
    void extendedDeadlineIsTheFirstNonHolidayOnOrAfterThePlainOne(@ForAll("dates") LocalDate event,
            @ForAll @IntRange(min = 1, max = 60) int days) {
        LocalDate plain = CALENDAR.deadline(event, days, false);
        LocalDate extended = CALENDAR.deadline(event, days, true);
        assertThat(plain).isEqualTo(event.plusDays(days));
        assertThat(extended).isAfterOrEqualTo(plain);
        assertThat(CALENDAR.isHoliday(extended)).isFalse();
        for (LocalDate d = plain; d.isBefore(extended); d = d.plusDays(1)) {
            assertThat(CALENDAR.isHoliday(d)).isTrue();
        }
    }
}
