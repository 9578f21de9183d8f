package jp.madoguchi.kit;

import java.time.LocalDate;

/**
 * A date lies outside the years covered by the shipped national-holiday data (暦データの範囲外), so whether it is
 * a 休日 cannot be known and the kit refuses to guess.
 *
 * <p>National holidays are fixed by 国民の祝日に関する法律 and by special laws (for example the 2019 and 2020
 * changes for the 即位 and the Olympic Games), and 春分の日・秋分の日 are only announced a year ahead by the
 * 国立天文台's 暦要項. Calendars built on {@link JapaneseHolidays} therefore throw this exception, with a message
 * in Japanese and English, for any date outside {@link JapaneseHolidays#firstCoveredDate()} ..
 * {@link JapaneseHolidays#lastCoveredDate()}.
 */
public final class CalendarRangeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The message in Japanese. */
    private final String japaneseMessage;
    /** The message in English. */
    private final String englishMessage;
    /** The date outside the data. */
    private final LocalDate date;
    /** The first covered date. */
    private final LocalDate firstCoveredDate;
    /** The last covered date. */
    private final LocalDate lastCoveredDate;

    /**
     * Creates the exception for a date outside the covered range (国民の祝日に関する法律 data range).
     *
     * @param date the offending date
     * @param firstCoveredDate the first date the holiday data covers
     * @param lastCoveredDate the last date the holiday data covers
     */
    public CalendarRangeException(LocalDate date, LocalDate firstCoveredDate, LocalDate lastCoveredDate) {
        this(date, firstCoveredDate, lastCoveredDate,
                "日付 " + date + " は祝日データの範囲外です（対象期間: " + firstCoveredDate + " ～ " + lastCoveredDate
                        + "）。休日かどうか判定できません。",
                "date " + date + " is outside the national-holiday data (covered: " + firstCoveredDate + " to "
                        + lastCoveredDate + "); cannot tell whether it is a holiday.");
    }

    private CalendarRangeException(LocalDate date, LocalDate first, LocalDate last, String ja, String en) {
        super(ja + " / " + en);
        this.japaneseMessage = ja;
        this.englishMessage = en;
        this.date = date;
        this.firstCoveredDate = first;
        this.lastCoveredDate = last;
    }

    /**
     * The message in Japanese.
     *
     * @return the message in Japanese (暦データの範囲外である旨)
     */
    public String japaneseMessage() {
        return japaneseMessage;
    }

    /**
     * The message in English.
     *
     * @return the message in English
     */
    public String englishMessage() {
        return englishMessage;
    }

    /**
     * The date that was outside the covered range (国民の祝日に関する法律 data).
     *
     * @return the date
     */
    public LocalDate date() {
        return date;
    }

    /**
     * The first date covered by the holiday data.
     *
     * @return the first covered date
     */
    public LocalDate firstCoveredDate() {
        return firstCoveredDate;
    }

    /**
     * The last date covered by the holiday data.
     *
     * @return the last covered date
     */
    public LocalDate lastCoveredDate() {
        return lastCoveredDate;
    }
}
