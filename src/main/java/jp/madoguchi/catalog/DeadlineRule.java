package jp.madoguchi.catalog;

import java.time.LocalDate;
import java.util.Optional;
import jp.madoguchi.kit.OfficeCalendar;

/**
 * 期限 — a procedure's deadline: within {@code days} days of the event (or of a date answer), counting the event day
 * or not, moved to the next office day when it falls on a closed day where the law says so. A rule with no
 * {@code days} has only a note (「速やかに」).
 *
 * @param days the number of days, or {@code null} for a note-only deadline
 * @param from {@code "event"} or the id of a date question
 * @param countingEventDay {@code true} when the event day counts as day 1 (戸籍法 届出期間: 初日算入); otherwise the
 *     period starts the next day (民法第140条: 初日不算入)
 * @param extendToOfficeDay move a deadline on a closed day (土日祝・年末年始) to the next office day
 * @param note how the deadline reads to a resident (「引っ越した日から14日以内」)
 */
public record DeadlineRule(Integer days, String from, boolean countingEventDay, boolean extendToOfficeDay,
        String note) {

    public static final String FROM_EVENT = "event";

    public boolean hasDate() {
        return days != null;
    }

    /** The deadline's date, given the date it counts from, or empty for a note-only deadline or no start date. */
    public Optional<LocalDate> dateFrom(LocalDate start, OfficeCalendar calendar) {
        if (days == null || start == null) {
            return Optional.empty();
        }
        return Optional.of(countingEventDay ? calendar.deadlineCountingEventDay(start, days, extendToOfficeDay)
                : calendar.deadline(start, days, extendToOfficeDay));
    }
}
