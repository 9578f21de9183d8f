package jp.madoguchi.kit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A municipality's office calendar (開庁日・閉庁日) and the deadline rules of Japanese administrative law.
 *
 * <p><b>休日 (days the office is closed by law).</b> 地方自治法第4条の2 lets each municipality fix its 休日 by
 * ordinance (休日条例); the standard ones, which this class applies, are Saturdays and Sundays, the holidays of
 * 国民の祝日に関する法律 (from {@link JapaneseHolidays}), and the year-end days 12月29日 to 1月3日 (年末年始; the same
 * days as 行政機関の休日に関する法律第1条 for national agencies). A municipality's further closures — 休日 its own
 * ordinance adds under 地方自治法第4条の2第3項 (for example 慰霊の日 6月23日 in Okinawa municipalities) or temporary
 * closures (臨時閉庁) — are given as data with {@link #withClosures(Set)}; all of them count as 休日.
 *
 * <p><b>Special openings (休日開庁).</b> Days on which the office opens although they are 休日, such as chosen
 * Saturdays in the moving season, are given with {@link #withSpecialOpenings(Set)}. They make the counter open
 * ({@link #isOfficeDay(LocalDate)} is {@code true}) but they remain 休日 in law: the ordinance does not change,
 * so {@link #isHoliday(LocalDate)} stays {@code true} and a deadline falling on them is still extended
 * (地方自治法第4条の2第4項).
 *
 * <p><b>Range.</b> Every date handled must lie within the holiday data ({@link #firstCoveredDate()} ..
 * {@link #lastCoveredDate()}, 1970–2050 for the shipped data, later years being predictions); otherwise
 * {@link CalendarRangeException} is thrown rather than a guess. Instances are immutable and thread-safe; the
 * {@code with…} methods return new calendars.
 */
public final class OfficeCalendar {

    private final JapaneseHolidays holidays;
    private final Set<LocalDate> closures;
    private final Set<LocalDate> specialOpenings;
    private final LocalDate first;
    private final LocalDate last;
    /** Bit i: first.plusDays(i) is a 休日 (weekend, national holiday, 年末年始 or municipal closure). */
    private final BitSet holiday;
    /** Bit i: first.plusDays(i) is an office day (not a 休日, or a special opening). */
    private final BitSet open;

    private OfficeCalendar(JapaneseHolidays holidays, Set<LocalDate> closures, Set<LocalDate> specialOpenings) {
        this.holidays = holidays;
        this.closures = closures;
        this.specialOpenings = specialOpenings;
        this.first = holidays.firstCoveredDate();
        this.last = holidays.lastCoveredDate();
        int days = index(last) + 1;
        this.holiday = new BitSet(days);
        this.open = new BitSet(days);
        LocalDate d = first;
        for (int i = 0; i < days; i++, d = d.plusDays(1)) {
            boolean closed = isWeekend(d) || holidays.isHoliday(d) || isYearEndHoliday(d) || closures.contains(d);
            holiday.set(i, closed);
            open.set(i, !closed || specialOpenings.contains(d));
        }
    }

    /**
     * The standard calendar (地方自治法第4条の2): weekends, the shipped national holidays
     * ({@link JapaneseHolidays#shipped()}) and 12月29日–1月3日, with no municipal closures or special openings.
     *
     * @return the standard calendar
     */
    public static OfficeCalendar standard() {
        return of(JapaneseHolidays.shipped());
    }

    /**
     * A standard calendar (地方自治法第4条の2) over the given national-holiday data.
     *
     * @param holidays national holidays (国民の祝日に関する法律)
     * @return the calendar, without municipal closures or special openings
     */
    public static OfficeCalendar of(JapaneseHolidays holidays) {
        return new OfficeCalendar(Objects.requireNonNull(holidays, "holidays"), Set.of(), Set.of());
    }

    /**
     * This calendar with the municipality's own closures (休日条例で定める休日 beyond the standard ones, 臨時閉庁)
     * replacing any given before (地方自治法第4条の2). Listing a day that is already a 休日 is harmless.
     *
     * @param closures the closure dates
     * @return a new calendar
     * @throws CalendarRangeException if a date is outside the holiday data
     * @throws KitFormatException if a date is also a special opening
     */
    public OfficeCalendar withClosures(Set<LocalDate> closures) {
        Set<LocalDate> copy = checkedCopy(closures);
        rejectOverlap(copy, specialOpenings);
        return new OfficeCalendar(holidays, copy, specialOpenings);
    }

    /**
     * This calendar with the municipality's special opening days (休日開庁) replacing any given before. They open
     * the office but stay 休日 in law (地方自治法第4条の2第4項 still extends deadlines that fall on them). Listing a
     * day that is already an office day is harmless.
     *
     * @param specialOpenings the special opening dates
     * @return a new calendar
     * @throws CalendarRangeException if a date is outside the holiday data
     * @throws KitFormatException if a date is also a municipal closure
     */
    public OfficeCalendar withSpecialOpenings(Set<LocalDate> specialOpenings) {
        Set<LocalDate> copy = checkedCopy(specialOpenings);
        rejectOverlap(closures, copy);
        return new OfficeCalendar(holidays, closures, copy);
    }

    /**
     * The municipality's own closures (休日条例・臨時閉庁), as given to {@link #withClosures(Set)}.
     *
     * @return an unmodifiable, date-ordered set
     */
    public Set<LocalDate> closures() {
        return closures;
    }

    /**
     * The special opening days (休日開庁), as given to {@link #withSpecialOpenings(Set)}.
     *
     * @return an unmodifiable, date-ordered set
     */
    public Set<LocalDate> specialOpenings() {
        return specialOpenings;
    }

    /**
     * The national-holiday data in use (国民の祝日に関する法律).
     *
     * @return the holidays
     */
    public JapaneseHolidays holidays() {
        return holidays;
    }

    /**
     * Whether the office's counters are open on the date: it is not a 休日 (地方自治法第4条の2), or it is a special
     * opening (休日開庁).
     *
     * @param date a date within the covered range
     * @return whether it is an office day
     * @throws CalendarRangeException if the date is outside the holiday data
     */
    public boolean isOfficeDay(LocalDate date) {
        return open.get(index(date));
    }

    /**
     * Whether the date is a 休日 in law (地方自治法第4条の2第1項・休日条例): a Saturday or Sunday, a national
     * holiday (国民の祝日に関する法律), 12月29日–1月3日, or a municipal closure. Special openings do not change it.
     *
     * @param date a date within the covered range
     * @return whether it is a 休日
     * @throws CalendarRangeException if the date is outside the holiday data
     */
    public boolean isHoliday(LocalDate date) {
        return holiday.get(index(date));
    }

    /**
     * Whether the date falls in the year-end holidays 12月29日–1月3日 (年末年始; 地方自治法第4条の2第2項第3号 and the
     * standard 休日条例, like 行政機関の休日に関する法律第1条第1項第3号). Needs no holiday data.
     *
     * @param date any date
     * @return whether it is 12/29, 12/30, 12/31, 1/1, 1/2 or 1/3
     */
    public static boolean isYearEndHoliday(LocalDate date) {
        int month = date.getMonthValue();
        int day = date.getDayOfMonth();
        return (month == 12 && day >= 29) || (month == 1 && day <= 3);
    }

    /**
     * The first office day strictly after the date (地方自治法第4条の2).
     *
     * @param date a date within the covered range
     * @return the next office day
     * @throws CalendarRangeException if the date, or the search, leaves the holiday data
     */
    public LocalDate nextOfficeDay(LocalDate date) {
        return officeDayOnOrAfter(plusOneDay(date));
    }

    /**
     * The date itself if it is an office day, otherwise the next office day (地方自治法第4条の2).
     *
     * @param date a date within the covered range
     * @return the office day on or after the date
     * @throws CalendarRangeException if the date, or the search, leaves the holiday data
     */
    public LocalDate officeDayOnOrAfter(LocalDate date) {
        int i = open.nextSetBit(index(date));
        if (i < 0) {
            throw outOfRange(last.plusDays(1));
        }
        return first.plusDays(i);
    }

    /**
     * The last office day strictly before the date (地方自治法第4条の2).
     *
     * @param date a date within the covered range
     * @return the previous office day
     * @throws CalendarRangeException if the date, or the search, leaves the holiday data
     */
    public LocalDate previousOfficeDay(LocalDate date) {
        int from = index(date) - 1;
        int i = from < 0 ? -1 : open.previousSetBit(from);
        if (i < 0) {
            throw outOfRange(first.minusDays(1));
        }
        return first.plusDays(i);
    }

    /**
     * Moves by {@code n} office days (地方自治法第4条の2): for {@code n > 0} the n-th office day after the date,
     * for {@code n < 0} the |n|-th office day before it; the date itself is never counted and need not be an
     * office day. {@code n == 0} returns the date unchanged. Inverse of {@link #officeDaysBetween}:
     * {@code officeDaysBetween(d, addOfficeDays(d, n)) == n}.
     *
     * @param date a date within the covered range
     * @param n the number of office days, positive, zero or negative
     * @return the resulting date
     * @throws CalendarRangeException if the date, or the result, is outside the holiday data
     */
    public LocalDate addOfficeDays(LocalDate date, int n) {
        int i = index(date);
        if (n > 0) {
            for (int k = 0; k < n; k++) {
                i = open.nextSetBit(i + 1);
                if (i < 0) {
                    throw outOfRange(last.plusDays(1));
                }
            }
        } else {
            for (int k = 0; k > n; k--) {
                i = i == 0 ? -1 : open.previousSetBit(i - 1);
                if (i < 0) {
                    throw outOfRange(first.minusDays(1));
                }
            }
        }
        return first.plusDays(i);
    }

    /**
     * The signed number of office days passed when moving from {@code from} to {@code to}, counting {@code to} but
     * not {@code from} (地方自治法第4条の2): the office days in ({@code from}, {@code to}] when {@code to} is later,
     * minus those in [{@code to}, {@code from}) when it is earlier, zero when they are equal. This is exactly the
     * count used by {@link #addOfficeDays}, in both directions.
     *
     * @param from start date (not counted), within the covered range
     * @param to end date (counted), within the covered range
     * @return the signed number of office days
     * @throws CalendarRangeException if either date is outside the holiday data
     */
    public int officeDaysBetween(LocalDate from, LocalDate to) {
        int a = index(from);
        int b = index(to);
        if (a <= b) {
            return open.get(a + 1, b + 1).cardinality();
        }
        return -open.get(b, a).cardinality();
    }

    /**
     * The last day of a period of {@code days} days after an event (「…の日から14日以内」), counted as the Civil
     * Code does: 民法第140条 (初日不算入: the day of the event is not counted, unless the period starts at midnight)
     * and 民法第141条 (the period ends at the end of its last day), so the result is {@code event + days}.
     *
     * <p>With {@code extendToOfficeDay}, a last day that is a 休日 moves to the next day that is not a 休日
     * (地方自治法第4条の2第4項 for acts towards a municipality; 行政機関の休日に関する法律第2条 for national agencies;
     * 民法第142条 in private law). Special openings (休日開庁) do not stop the extension: they remain 休日 in law.
     * Only periods in days are handled (periods in weeks, months or years follow 民法第143条 and are not here).
     *
     * <p>Note: 届出 under 戸籍法 count the day of the event itself (戸籍法第43条第1項); use
     * {@link #deadlineCountingEventDay}.
     *
     * @param event the day of the event (for example the day of moving in, 住民基本台帳法第22条)
     * @param days the period in days, at least 1
     * @param extendToOfficeDay whether to apply the 休日 extension
     * @return the last day of the period
     * @throws KitFormatException if {@code days} is less than 1
     * @throws CalendarRangeException if a date involved is outside the holiday data
     */
    public LocalDate deadline(LocalDate event, int days, boolean extendToOfficeDay) {
        requirePositive(days);
        index(event);
        LocalDate lastDay = plusDaysInRange(event, days);
        return extendToOfficeDay ? firstNonHolidayOnOrAfter(lastDay) : lastDay;
    }

    /**
     * Like {@link #deadline} but counting the day of the event as the first day, as 戸籍法第43条第1項 requires for
     * 戸籍の届出 (for example 出生届 within 14 days, 戸籍法第49条: a birth on 1 April must be notified by 14 April).
     * The 休日 extension follows 地方自治法第4条の2第4項.
     *
     * @param event the day of the event, counted as day 1
     * @param days the period in days, at least 1
     * @param extendToOfficeDay whether to apply the 休日 extension
     * @return the last day of the period
     * @throws KitFormatException if {@code days} is less than 1
     * @throws CalendarRangeException if a date involved is outside the holiday data
     */
    public LocalDate deadlineCountingEventDay(LocalDate event, int days, boolean extendToOfficeDay) {
        requirePositive(days);
        index(event);
        LocalDate lastDay = plusDaysInRange(event, days - 1);
        return extendToOfficeDay ? firstNonHolidayOnOrAfter(lastDay) : lastDay;
    }

    /**
     * First date this calendar can answer for (1 January of the first year of the holiday data).
     *
     * @return the first covered date
     */
    public LocalDate firstCoveredDate() {
        return first;
    }

    /**
     * Last date this calendar can answer for (31 December of the last year of the holiday data; 2050 for the
     * shipped data, where years after the next one are predictions).
     *
     * @return the last covered date
     */
    public LocalDate lastCoveredDate() {
        return last;
    }

    private LocalDate firstNonHolidayOnOrAfter(LocalDate date) {
        int i = holiday.nextClearBit(index(date));
        if (i > index(last)) {
            throw outOfRange(last.plusDays(1));
        }
        return first.plusDays(i);
    }

    private LocalDate plusDaysInRange(LocalDate date, long days) {
        LocalDate result = date.plusDays(days);
        index(result);
        return result;
    }

    private LocalDate plusOneDay(LocalDate date) {
        index(date);
        return plusDaysInRange(date, 1);
    }

    private int index(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (date.isBefore(first) || date.isAfter(last)) {
            throw outOfRange(date);
        }
        return (int) (date.toEpochDay() - first.toEpochDay());
    }

    private CalendarRangeException outOfRange(LocalDate date) {
        return new CalendarRangeException(date, first, last);
    }

    private Set<LocalDate> checkedCopy(Set<LocalDate> dates) {
        Objects.requireNonNull(dates, "dates");
        TreeSet<LocalDate> copy = new TreeSet<>();
        for (LocalDate d : dates) {
            index(d);
            copy.add(d);
        }
        return Collections.unmodifiableSortedSet(copy);
    }

    private static void rejectOverlap(Set<LocalDate> closures, Set<LocalDate> openings) {
        TreeSet<LocalDate> both = new TreeSet<>(closures);
        both.retainAll(openings);
        if (!both.isEmpty()) {
            throw new KitFormatException("閉庁日と休日開庁日の両方に指定された日があります: " + both,
                    "dates given both as closures and as special openings: " + both);
        }
    }

    private static void requirePositive(int days) {
        if (days < 1) {
            throw new KitFormatException("期間の日数は1以上が必要です（指定値: " + days + "）",
                    "the period must be at least 1 day (was " + days + ")");
        }
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    @Override
    public String toString() {
        return "OfficeCalendar[" + first + ".." + last + ", closures=" + closures + ", specialOpenings="
                + specialOpenings + "]";
    }
}
