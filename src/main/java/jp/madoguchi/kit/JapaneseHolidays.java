package jp.madoguchi.kit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The national holidays of Japan (国民の祝日・休日) from shipped data: 国民の祝日に関する法律 (昭和23年法律第178号)
 * — the 祝日 of its 第2条, the 振替休日 of 第3条第2項 and the 国民の休日 of 第3条第3項 — plus days made holidays
 * by special laws (for example 2019-04-30 to 05-02 under 天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律).
 *
 * <p>The data is {@code holidays.yml} of holiday_jp (github.com/holiday-jp/holiday_jp, MIT licence, see
 * {@code holidays.NOTICE} beside it), 1970–2050, with names as holiday_jp spells them (for example
 * 「こどもの日 振替休日」, and 「休日（祝日扱い）」 for 2019-05-01). <strong>Years after the next calendar year are
 * predictions</strong>: 春分の日 and 秋分の日 are fixed only by the 国立天文台's 暦要項 published each February for the
 * following year, and the law itself may change. The data must be updated from holiday_jp once a year.
 *
 * <p>The covered range is whole calendar years, from 1 January of the first year in the data to 31 December of
 * the last. Every lookup outside it throws {@link CalendarRangeException} instead of guessing. Instances are
 * immutable and thread-safe.
 */
public final class JapaneseHolidays {

    /** Name of the shipped resource, relative to this class. */
    static final String RESOURCE = "holidays.yml";

    private static final Pattern ENTRY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2}):[ \\t]+(\\S.*)");
    private static final MonthDay GANJITSU = MonthDay.of(1, 1);
    private static final MonthDay KINRO_KANSHA = MonthDay.of(11, 23);

    private static volatile JapaneseHolidays shipped;

    private final NavigableMap<LocalDate, String> holidays;
    private final LocalDate firstCoveredDate;
    private final LocalDate lastCoveredDate;

    private JapaneseHolidays(NavigableMap<LocalDate, String> holidays) {
        this.holidays = Collections.unmodifiableNavigableMap(holidays);
        this.firstCoveredDate = LocalDate.of(holidays.firstKey().getYear(), 1, 1);
        this.lastCoveredDate = LocalDate.of(holidays.lastKey().getYear(), 12, 31);
    }

    /**
     * The national holidays shipped with the kit (国民の祝日に関する法律, holiday_jp data 1970–2050), loaded once on
     * first use.
     *
     * @return the shipped holidays
     * @throws IllegalStateException if the resource is missing from the classpath (a packaging error)
     * @throws KitFormatException if the shipped file is malformed (names the file, line and reason)
     */
    public static JapaneseHolidays shipped() {
        JapaneseHolidays result = shipped;
        if (result == null) {
            synchronized (JapaneseHolidays.class) {
                result = shipped;
                if (result == null) {
                    result = parse(RESOURCE, KitResources.readUtf8(RESOURCE));
                    shipped = result;
                }
            }
        }
        return result;
    }

    /**
     * Parses holiday data in holiday_jp's {@code holidays.yml} format: one {@code YYYY-MM-DD: 名称} per line, an
     * optional {@code ---} document start, blank lines and {@code #} comment lines. This is deliberately not a
     * YAML parser: any other construct is rejected. As a guard against truncated data every year from the first
     * to the last must contain 1 January (元日) and 23 November (勤労感謝の日), the two dates that have been national
     * holidays every year since 国民の祝日に関する法律 took effect in 1948.
     *
     * @param sourceName name of the source, used in error messages (for example {@code holidays.yml})
     * @param text the file's content
     * @return the parsed holidays
     * @throws KitFormatException naming the source, the line and the reason, on the first malformed line, a
     *     duplicate date, an empty file, or a year lacking 1 January or 23 November
     */
    public static JapaneseHolidays parse(String sourceName, String text) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(text, "text");
        NavigableMap<LocalDate, String> map = new TreeMap<>();
        String[] lines = text.split("\r?\n", -1);
        boolean seenContent = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.equals("---")) {
                if (seenContent) {
                    throw malformed(sourceName, lineNo, "「---」はファイル先頭にのみ書けます（複数文書は非対応）",
                            "'---' is allowed only at the start (multiple documents are not supported)", line);
                }
                seenContent = true;
                continue;
            }
            seenContent = true;
            Matcher m = ENTRY.matcher(line);
            if (!m.matches()) {
                throw malformed(sourceName, lineNo, "「YYYY-MM-DD: 名称」の形式ではありません",
                        "expected 'YYYY-MM-DD: name'", line);
            }
            String name = m.group(4).strip();
            if (name.startsWith("\"") || name.startsWith("'") || name.contains("#") || name.contains(": ")) {
                throw malformed(sourceName, lineNo, "名称に対応していないYAML記法（引用符・#・「: 」）があります",
                        "unsupported YAML syntax in the name (quotes, '#' or ': ')", line);
            }
            LocalDate date;
            try {
                date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                throw malformed(sourceName, lineNo, "存在しない日付です", "no such date", line);
            }
            String previous = map.putIfAbsent(date, name);
            if (previous != null) {
                throw malformed(sourceName, lineNo, "日付 " + date + " が重複しています",
                        "duplicate date " + date, line);
            }
        }
        if (map.isEmpty()) {
            throw new KitFormatException(sourceName + ": 祝日が1件もありません",
                    sourceName + ": no holidays in the data");
        }
        for (int year = map.firstKey().getYear(); year <= map.lastKey().getYear(); year++) {
            for (MonthDay required : new MonthDay[] {GANJITSU, KINRO_KANSHA}) {
                if (!map.containsKey(required.atYear(year))) {
                    throw new KitFormatException(
                            sourceName + ": " + year + "年の " + required.atYear(year)
                                    + " がありません（データが欠けています）",
                            sourceName + ": " + required.atYear(year) + " is missing (the data for " + year
                                    + " is incomplete)");
                }
            }
        }
        return new JapaneseHolidays(map);
    }

    /**
     * Whether the date is a national holiday, 振替休日 or 国民の休日 (国民の祝日に関する法律第3条 and special laws).
     * Weekends that are not holidays return {@code false}: see {@link OfficeCalendar} for office days.
     *
     * @param date a date within {@link #firstCoveredDate()}..{@link #lastCoveredDate()}
     * @return whether it is a holiday
     * @throws CalendarRangeException if the date is outside the data
     */
    public boolean isHoliday(LocalDate date) {
        requireCovered(date);
        return holidays.containsKey(date);
    }

    /**
     * The holiday's name as in the data (国民の祝日に関する法律第2条 names, 「… 振替休日」, 「休日」).
     *
     * @param date a date within the covered range
     * @return the name, or empty if the date is not a holiday
     * @throws CalendarRangeException if the date is outside the data
     */
    public Optional<String> name(LocalDate date) {
        requireCovered(date);
        return Optional.ofNullable(holidays.get(date));
    }

    /**
     * The holidays from {@code from} to {@code to}, both inclusive (国民の祝日に関する法律).
     *
     * @param from first date, within the covered range
     * @param to last date, within the covered range and not before {@code from}
     * @return an unmodifiable, date-ordered view: date to name
     * @throws CalendarRangeException if either date is outside the data
     * @throws KitFormatException if {@code to} is before {@code from}
     */
    public NavigableMap<LocalDate, String> between(LocalDate from, LocalDate to) {
        requireCovered(from);
        requireCovered(to);
        if (to.isBefore(from)) {
            throw new KitFormatException("終了日 " + to + " が開始日 " + from + " より前です",
                    "end date " + to + " is before start date " + from);
        }
        return holidays.subMap(from, true, to, true);
    }

    /**
     * Whether the data covers the date (国民の祝日に関する法律 data range, whole years).
     *
     * @param date any date
     * @return whether lookups for it are answered
     */
    public boolean covers(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(firstCoveredDate) && !date.isAfter(lastCoveredDate);
    }

    /**
     * First date covered by the data: 1 January of its first year (1970 for the shipped data).
     *
     * @return the first covered date
     */
    public LocalDate firstCoveredDate() {
        return firstCoveredDate;
    }

    /**
     * Last date covered by the data: 31 December of its last year (2050 for the shipped data; years after the next
     * one are predictions, see the class documentation).
     *
     * @return the last covered date
     */
    public LocalDate lastCoveredDate() {
        return lastCoveredDate;
    }

    void requireCovered(LocalDate date) {
        if (!covers(date)) {
            throw new CalendarRangeException(date, firstCoveredDate, lastCoveredDate);
        }
    }

    private static KitFormatException malformed(String source, int lineNo, String ja, String en, String line) {
        return new KitFormatException(source + " " + lineNo + "行目: " + ja + ": 「" + line + "」",
                source + " line " + lineNo + ": " + en + ": '" + line + "'");
    }

    @Override
    public String toString() {
        return "JapaneseHolidays[" + holidays.size() + " holidays, " + firstCoveredDate + ".." + lastCoveredDate
                + "]";
    }
}
