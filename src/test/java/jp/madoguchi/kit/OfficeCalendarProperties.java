package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.localDates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class OfficeCalendarProperties {

    /** Fixed so that runs are reproducible; QuickTheories reports it with any falsifying (shrunk) value. */
    private static final long SEED = 20_250_401L;

    private static final OfficeCalendar CALENDAR = OfficeCalendar.standard();
    private static final JapaneseHolidays HOLIDAYS = JapaneseHolidays.shipped();

    static Gen<LocalDate> dates() {
        // far enough inside 1970–2050 that ±400 office days stay within the holiday data
        return localDates().withDaysBetween(LocalDate.of(1972, 1, 1).toEpochDay(), LocalDate.of(2048, 12, 31)
                .toEpochDay());
    }

    @Test
    void officeDayMatchesTheDefinition() {
        qt().withFixedSeed(SEED).withExamples(1000).forAll(dates()).checkAssert(date -> {
            boolean closed = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
                    || HOLIDAYS.isHoliday(date) || (date.getMonthValue() == 12 && date.getDayOfMonth() >= 29)
                    || (date.getMonthValue() == 1 && date.getDayOfMonth() <= 3);
            assertThat(CALENDAR.isOfficeDay(date)).isEqualTo(!closed);
        });
    }

    @Test
    void officeDaysBetweenInvertsAddOfficeDays() {
        qt().withFixedSeed(SEED).withExamples(1000).forAll(dates(), integers().between(-400, 400)).checkAssert((date, n) -> {
            LocalDate moved = CALENDAR.addOfficeDays(date, n);
            assertThat(CALENDAR.officeDaysBetween(date, moved)).isEqualTo(n);
            if (n != 0) {
                assertThat(CALENDAR.isOfficeDay(moved)).isTrue();
            }
        });
    }

    @Test
    void nextOfficeDaySkipsOnlyClosedDays() {
        qt().withFixedSeed(SEED).withExamples(1000).forAll(dates()).checkAssert(date -> {
            LocalDate next = CALENDAR.nextOfficeDay(date);
            assertThat(next).isAfter(date);
            assertThat(CALENDAR.isOfficeDay(next)).isTrue();
            for (LocalDate d = date.plusDays(1); d.isBefore(next); d = d.plusDays(1)) {
                assertThat(CALENDAR.isOfficeDay(d)).isFalse();
            }
            assertThat(CALENDAR.officeDayOnOrAfter(date))
                    .isEqualTo(CALENDAR.isOfficeDay(date) ? date : next);
            assertThat(CALENDAR.addOfficeDays(date, 1)).isEqualTo(next);
        });
    }

    @Test
    void extendedDeadlineIsTheFirstNonHolidayOnOrAfterThePlainOne() {
        qt().withFixedSeed(SEED).withExamples(1000).forAll(dates(), integers().between(1, 60)).checkAssert((event, days) -> {
            LocalDate plain = CALENDAR.deadline(event, days, false);
            LocalDate extended = CALENDAR.deadline(event, days, true);
            assertThat(plain).isEqualTo(event.plusDays(days));
            assertThat(extended).isAfterOrEqualTo(plain);
            assertThat(CALENDAR.isHoliday(extended)).isFalse();
            for (LocalDate d = plain; d.isBefore(extended); d = d.plusDays(1)) {
                assertThat(CALENDAR.isHoliday(d)).isTrue();
            }
        });
    }
}
