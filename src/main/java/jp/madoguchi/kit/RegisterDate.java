package jp.madoguchi.kit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 住民記録の日付 — a date as the resident register (住民基本台帳) records it, which {@link LocalDate} cannot hold.
 *
 * <p>Follows 住民記録システム標準仕様書 (デジタル庁/総務省) on dates: a Japanese resident's date is recorded in 和暦, a
 * foreign resident's (住民基本台帳法第30条の45) in 西暦; the register must keep, exactly as recorded,
 * <ul>
 *   <li>dates that are not on the calendar, recorded long ago (昭和30年2月29日 — 1955 is not a leap year — or 2月30日):
 *       any month 1–12 with any day 1–31 is kept;</li>
 *   <li>the last day of an era written in the old era on the day of 改元: 明治45年7月30日 (= 大正元年7月30日) and
 *       大正15年12月25日 (= 昭和元年12月25日); 昭和64年1月7日 and 平成31年4月30日 are ordinary last days;</li>
 *   <li>partly unknown dates: 年月日不詳, year only (「昭和35年月日不詳」), year and month (「昭和35年5月日不詳」), and
 *       approximate ones (「昭和35年頃」, 「昭和35年5月頃」, even 「昭和35年5月1日頃」).</li>
 * </ul>
 *
 * <p><b>What is rejected</b> ({@link KitFormatException}): month outside 1–12, day outside 1–31, a day without a month,
 * and any 和暦 value beyond its era: a year past the era's last year (平成32年), a month or day before the era began
 * (平成元年1月7日, 令和元年4月) or after it ended (昭和64年1月8日, 平成31年5月), except the two 改元-day writings above.
 * Irregular <em>day</em> values are history; out-of-era <em>years</em> are errors. 西暦 years are 1000–2147 (four digits), 和暦 years up
 * to 令和129年 (= 2147), so that {@link #sortKey()} fits an {@code int}. 明治元年–5年 (1868–1872) are kept as written but,
 * being lunisolar dates, never convert to {@link LocalDate} (明治5年太政官布告第337号).
 *
 * <p><b>Order.</b> {@link #compareTo} orders by the Gregorian year, then month, then day, where an unknown part sorts
 * <em>before</em> every known value (as if it were 0: 「昭和35年月日不詳」 precedes 昭和35年1月1日; 年月日不詳 precedes
 * everything), then exact before approximate (頃), then 西暦 before 和暦, older era before newer era (明治45年7月30日
 * before 大正元年7月30日). It is a total order consistent with {@code equals}. {@link #sortKey()} is the same order as
 * one {@code int}: {@code YYYYMMDD × 100 + A × 10 + E}, with unknown month/day = 00, A = 1 for 頃, E = era code (0 for
 * 西暦); 年月日不詳 is 0. E.g. 昭和60年7月7日 → 1985070703, 1989年 (西暦) → 1989000000, 昭和35年頃 → 1960000013.
 *
 * <p><b>Storage code</b> ({@link #toCode()}, {@link #fromCode(String)}), ASCII, 1–9 characters, lossless:
 * <pre>
 *   code    = "U"                               ; 年月日不詳
 *           | era year month day [ "~" ]        ; 和暦
 *           | "G" year4 month day [ "~" ]       ; 西暦
 *   era     = "1" | "2" | "3" | "4" | "5"       ; era code: 明治 大正 昭和 平成 令和
 *   year    = 2DIGIT | 3DIGIT                   ; era year 01–99; 3 digits only from 100 (令和100年 on), no leading 0
 *   year4   = 4DIGIT                            ; 1000–2147
 *   month   = 2DIGIT                            ; 01–12, or 00 = unknown
 *   day     = 2DIGIT                            ; 01–31, or 00 = unknown (must be 00 when month is 00)
 *   "~"     = approximate (頃)
 * </pre>
 * Examples: 「昭和60年7月7日」 = {@code 3600707} (the vendors' compact form: era digit + YYMMDD), 「令和元年5月1日」 =
 * {@code 5010501}, 「昭和35年頃」 = {@code 3350000~}, 「1989年」 (西暦) = {@code G19890000}, 「年月日不詳」 = {@code U}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RegisterDate implements Comparable<RegisterDate> {

    /** The last Gregorian year a register date may have (令和129年), so that {@link #sortKey()} fits an int. */
    public static final int MAX_YEAR = 2147;

    /** The first Gregorian year a 西暦 register date may have: 西暦 years are written with four digits. */
    public static final int MIN_SEIREKI_YEAR = 1000;

    /** 暦 — the calendar a date is recorded in. */
    public enum Calendar {
        /** 和暦 (元号), for Japanese residents. */
        WAREKI,
        /** 西暦 (Gregorian), for foreign residents. */
        SEIREKI
    }

    /** 精度 — how much of the date is known. */
    public enum Precision {
        /** 年月日不詳. */
        UNKNOWN,
        /** Year only (月日不詳). */
        YEAR,
        /** Year and month (日不詳). */
        YEAR_MONTH,
        /** Year, month and day. */
        DAY
    }

    /** 日付に換算できない理由 — why a register date has no {@link LocalDate}. */
    public enum Inexactness {
        /** 年月日不詳. */
        UNKNOWN("年月日が不詳です", "the date is unknown"),
        /** Year only. */
        MONTH_AND_DAY_UNKNOWN("月日が不詳です", "month and day are unknown"),
        /** Year and month only. */
        DAY_UNKNOWN("日が不詳です", "the day is unknown"),
        /** 頃. */
        APPROXIMATE("「頃」の付いたおおよその日付です", "the date is approximate (頃)"),
        /** 明治元年–5年: lunisolar calendar. */
        BEFORE_SOLAR_CALENDAR("明治5年以前の太陰太陽暦の日付です", "it is a lunisolar date before 1873"),
        /** E.g. 2月30日, or 2月29日 of a common year. */
        NOT_ON_CALENDAR("暦に存在しない日付です", "the day does not exist in the calendar");

        private final String japanese;
        private final String english;

        Inexactness(String japanese, String english) {
            this.japanese = japanese;
            this.english = english;
        }

        /** @return the reason in Japanese */
        public String japanese() {
            return japanese;
        }

        /** @return the reason in English */
        public String english() {
            return english;
        }
    }

    private static final RegisterDate UNKNOWN = new RegisterDate(null, null, 0, 0, 0, false);

    private final Calendar calendar;
    private final Era era;
    private final int gregorianYear;
    private final int month;
    private final int day;
    private final boolean approximate;

    private RegisterDate(Calendar calendar, Era era, int gregorianYear, int month, int day, boolean approximate) {
        this.calendar = calendar;
        this.era = era;
        this.gregorianYear = gregorianYear;
        this.month = month;
        this.day = day;
        this.approximate = approximate;
    }

    // ---------------------------------------------------------------- factories

    /**
     * A Japanese resident's exact date, in the era of that date (the new era on the day of 改元: 2019-05-01 is
     * 令和元年5月1日).
     *
     * @param date a date from 1873-01-01 to 2147-12-31
     * @return the 和暦 register date
     * @throws KitFormatException for dates outside that range
     */
    public static RegisterDate of(LocalDate date) {
        Era e = Era.of(date);
        return wareki(e, date.getYear() - e.firstYear() + 1, date.getMonthValue(), date.getDayOfMonth());
    }

    /**
     * A foreign resident's exact date, in 西暦.
     *
     * @param date a date in years 1000–2147
     * @return the 西暦 register date
     */
    public static RegisterDate ofSeireki(LocalDate date) {
        return seireki(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** @return 年月日不詳 */
    public static RegisterDate unknown() {
        return UNKNOWN;
    }

    /**
     * A 和暦 date as recorded, possibly not on the calendar (2月30日) or a 改元-day writing (明治45年7月30日).
     *
     * @param era the era
     * @param year the era year (1 = 元年)
     * @param month 1–12
     * @param day 1–31
     * @return the date
     * @throws KitFormatException if out of range or outside the era (see the type's documentation)
     */
    public static RegisterDate wareki(Era era, int year, int month, int day) {
        return create(Calendar.WAREKI, era, year, month, day);
    }

    /**
     * A 和暦 year with unknown month and day (「昭和35年月日不詳」).
     *
     * @param era the era
     * @param year the era year (1 = 元年)
     * @return the date
     */
    public static RegisterDate warekiYear(Era era, int year) {
        return create(Calendar.WAREKI, era, year, 0, 0);
    }

    /**
     * A 和暦 year and month with unknown day (「昭和35年5月日不詳」).
     *
     * @param era the era
     * @param year the era year (1 = 元年)
     * @param month 1–12
     * @return the date
     */
    public static RegisterDate warekiYearMonth(Era era, int year, int month) {
        return create(Calendar.WAREKI, era, year, month, 0);
    }

    /**
     * A 西暦 date as recorded, possibly not on the calendar.
     *
     * @param year 1000–2147
     * @param month 1–12
     * @param day 1–31
     * @return the date
     */
    public static RegisterDate seireki(int year, int month, int day) {
        return create(Calendar.SEIREKI, null, year, month, day);
    }

    /**
     * A 西暦 year with unknown month and day; never forced into an era (1989 is both 昭和64年 and 平成元年).
     *
     * @param year 1000–2147
     * @return the date
     */
    public static RegisterDate seirekiYear(int year) {
        return create(Calendar.SEIREKI, null, year, 0, 0);
    }

    /**
     * A 西暦 year and month with unknown day.
     *
     * @param year 1000–2147
     * @param month 1–12
     * @return the date
     */
    public static RegisterDate seirekiYearMonth(int year, int month) {
        return create(Calendar.SEIREKI, null, year, month, 0);
    }

    /**
     * The same date marked approximate (頃): {@code RegisterDate.warekiYear(Era.SHOWA, 35).approximate()} is
     * 「昭和35年頃」.
     *
     * @return the approximate date
     * @throws KitFormatException for 年月日不詳, which cannot be approximate
     */
    public RegisterDate approximate() {
        if (calendar == null) {
            throw new KitFormatException("年月日不詳に「頃」は付けられません", "An unknown date cannot be approximate");
        }
        return new RegisterDate(calendar, era, gregorianYear, month, day, true);
    }

    // ---------------------------------------------------------------- validation

    private static RegisterDate create(Calendar calendar, Era era, int year, int month, int day) {
        String[] problem = problem(calendar, era, year, month, day);
        if (problem != null) {
            throw new KitFormatException("住民記録の日付として正しくありません（" + problem[0] + "）",
                    "Not a valid register date (" + problem[1] + ")");
        }
        int g = era == null ? year : era.firstYear() + year - 1;
        return new RegisterDate(calendar, era, g, month, day, false);
    }

    /** @return {japanese, english} describing why the value is not allowed, or null if it is */
    private static String[] problem(Calendar calendar, Era era, int year, int month, int day) {
        if (month < 0 || month > 12 || (month == 0 && day != 0)) {
            return new String[] {"月は1〜12", "month must be 1–12"};
        }
        if (day < 0 || day > 31) {
            return new String[] {"日は1〜31", "day must be 1–31"};
        }
        if (calendar == Calendar.SEIREKI) {
            if (year < MIN_SEIREKI_YEAR || year > MAX_YEAR) {
                return new String[] {"西暦年は" + MIN_SEIREKI_YEAR + "〜" + MAX_YEAR + "の4桁",
                    "the Gregorian year must be " + MIN_SEIREKI_YEAR + "–" + MAX_YEAR};
            }
            return null;
        }
        Objects.requireNonNull(era, "era");
        String name = era.japaneseName();
        String roman = romaji(era);
        if (year < 1) {
            return new String[] {"年は1以上（最初の年は「元年」）", "the era year must be at least 1 (元年)"};
        }
        if (year > era.lastYear()) {
            if (era.next() == null) {
                return new String[] {name + "は" + era.lastYear() + "年（" + MAX_YEAR + "年）までしか扱えません",
                        roman + " years beyond " + era.lastYear() + " (" + MAX_YEAR + ") are not supported"};
            }
            LocalDate end = era.end().orElseThrow();
            return new String[] {name + "は" + era.lastYear() + "年（" + end + "）までです",
                    roman + " ended in year " + era.lastYear() + " (" + end + ")"};
        }
        int md = month * 100 + day;
        int first = era.firstMonthDay();
        if (year == 1 && month != 0 && (month < first / 100 || (day != 0 && md < first))) {
            return new String[] {name + "元年は" + first / 100 + "月" + first % 100 + "日からです",
                    roman + " began on " + era.start()};
        }
        int last = era.lastMonthDay();
        if (era.next() != null && year == era.lastYear() && month != 0
                && (month > last / 100 || (day != 0 && md > last))) {
            return new String[] {
                name + era.lastYear() + "年は" + last / 100 + "月" + last % 100 + "日までです（以降は"
                        + era.next().japaneseName() + "）",
                roman + " " + era.lastYear() + " ended on " + last / 100 + "/" + last % 100 + " (then "
                        + romaji(era.next()) + ")"};
        }
        return null;
    }

    private static String romaji(Era era) {
        return era.name().charAt(0) + era.name().substring(1).toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- parsing

    private static final String ERA = "(明治|大正|昭和|平成|令和|[MTSHRmtshr\u337B-\u337E\u32FF])";
    private static final String APPROX = "(頃|ころ|ごろ)";
    private static final Pattern UNKNOWN_TEXT = Pattern.compile("(?:年月日)?不詳");
    private static final Pattern WAREKI_KANJI = Pattern.compile(ERA
            + "\\s*(\\d{1,3}|元)\\s*年\\s*(?:(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*日)?)?\\s*(頃|ころ|ごろ|月日不詳|日不詳)?");
    private static final Pattern WAREKI_DOTTED = Pattern.compile(ERA
            + "\\s*(\\d{1,3}|元)(?:\\s*[./-]\\s*(\\d{1,2})(?:\\s*[./-]\\s*(\\d{1,2}))?)?\\s*" + APPROX + "?");
    private static final Pattern WAREKI_COMPACT = Pattern.compile("([1-5])(\\d{2})(\\d{2})(\\d{2})");
    private static final Pattern SEIREKI_KANJI = Pattern.compile(
            "(?:西暦\\s*)?(\\d{4})\\s*年\\s*(?:(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*日)?)?\\s*(頃|ころ|ごろ|月日不詳|日不詳)?");
    private static final Pattern SEIREKI_DASHED = Pattern.compile(
            "(\\d{4})\\s*[./-]\\s*(\\d{1,2})(?:\\s*[./-]\\s*(\\d{1,2}))?\\s*" + APPROX + "?");
    private static final Pattern SEIREKI_COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern LOOKS_WAREKI = Pattern.compile("^\\s*" + ERA + ".*|^[1-5]\\d{6}$");

    /**
     * Reads a date as people and vendor systems write it. Accepted (digits half- or full-width; spaces between parts
     * allowed; 元 for year 1):
     * <ul>
     *   <li>和暦 in kanji: 「昭和60年7月7日」, 「令和元年5月1日」, 「昭和35年」, 「昭和35年月日不詳」, 「昭和35年5月」,
     *       「昭和35年5月日不詳」, 「昭和35年頃」, 「昭和35年5月頃」 (also ころ/ごろ); the era as name, letter (M T S H R,
     *       either case, half- or full-width) or ligature (㍾㍽㍼㍻㋿);</li>
     *   <li>和暦 abbreviated: 「S60.7.7」, 「H1/1/8」, 「R元-5-1」, 「S35.5」, 「S35」, optionally followed by 頃;</li>
     *   <li>the vendors' compact form, era code + YYMMDD: 「3600707」 (昭和60年7月7日); 00 for an unknown month/day;</li>
     *   <li>西暦: 「1985年7月7日」, 「西暦1985年7月7日」, 「１９８５年７月７日」, 「1989年」, 「1960年頃」, 「1985-07-07」,
     *       「1985/7/7」, 「1985.7」, 「19850707」 (00 for an unknown month/day);</li>
     *   <li>「年月日不詳」 or 「不詳」.</li>
     * </ul>
     * Kanji numerals (昭和六十年) are not accepted. The rules of the type's documentation apply.
     *
     * @param text the text
     * @return the date, as written (never corrected)
     * @throws KitFormatException saying what was expected
     */
    public static RegisterDate parse(String text) {
        if (text == null || text.isBlank()) {
            throw new KitFormatException("日付が入力されていません", "No date given");
        }
        if (text.length() > 40) {
            throw new KitFormatException("日付として長すぎます（40文字まで）", "Too long for a date (max 40 characters)");
        }
        String s = fold(text).strip();
        Matcher m;
        if (UNKNOWN_TEXT.matcher(s).matches()) {
            return UNKNOWN;
        }
        if ((m = WAREKI_KANJI.matcher(s)).matches() || (m = WAREKI_DOTTED.matcher(s)).matches()) {
            Era era = Era.fromName(m.group(1));
            return build(text, Calendar.WAREKI, era, year(m.group(2)), num(m.group(3)), num(m.group(4)), m.group(5));
        }
        if ((m = WAREKI_COMPACT.matcher(s)).matches()) {
            return build(text, Calendar.WAREKI, Era.ofCode(m.group(1).charAt(0) - '0'), num(m.group(2)),
                    num(m.group(3)), num(m.group(4)), null);
        }
        if ((m = SEIREKI_KANJI.matcher(s)).matches() || (m = SEIREKI_DASHED.matcher(s)).matches()) {
            return build(text, Calendar.SEIREKI, null, num(m.group(1)), num(m.group(2)), num(m.group(3)), m.group(4));
        }
        if ((m = SEIREKI_COMPACT.matcher(s)).matches()) {
            return build(text, Calendar.SEIREKI, null, num(m.group(1)), num(m.group(2)), num(m.group(3)), null);
        }
        if (LOOKS_WAREKI.matcher(s).matches()) {
            throw parseError(text, Calendar.WAREKI, "元号・年・月・日の形で入力してください（例: 昭和60年7月7日、S60.7.7、令和元年5月1日）",
                    "write era, year, month, day, e.g. 昭和60年7月7日, S60.7.7, 令和元年5月1日");
        }
        throw new KitFormatException("日付として読めません: \"" + text
                + "\"（例: 昭和60年7月7日、S60.7.7、令和元年5月1日、1985年7月7日、1985-07-07、昭和35年頃、年月日不詳）",
                "Not a date: \"" + text
                        + "\" (examples: 昭和60年7月7日, S60.7.7, 令和元年5月1日, 1985年7月7日, 1985-07-07, 昭和35年頃, 年月日不詳)");
    }

    private static RegisterDate build(String text, Calendar cal, Era era, int year, int month, int day,
            String suffix) {
        boolean approx = false;
        if (suffix != null) {
            switch (suffix) {
                case "月日不詳" -> {
                    if (month != 0) {
                        throw parseError(text, cal, "「月日不詳」は年だけの日付に付けます", "月日不詳 follows a year only");
                    }
                }
                case "日不詳" -> {
                    if (month == 0 || day != 0) {
                        throw parseError(text, cal, "「日不詳」は年月だけの日付に付けます", "日不詳 follows a year and month only");
                    }
                }
                default -> approx = true;
            }
        }
        if (month == 0 && day != 0) {
            throw parseError(text, cal, "月が不詳で日だけがあります", "a day without a month");
        }
        String[] problem = problem(cal, era, year, month, day);
        if (problem != null) {
            throw parseError(text, cal, problem[0], problem[1]);
        }
        RegisterDate d = new RegisterDate(cal, era, era == null ? year : era.firstYear() + year - 1, month, day, false);
        return approx ? d.approximate() : d;
    }

    static KitFormatException parseError(String text, Calendar cal, String ja, String en) {
        return cal == Calendar.WAREKI
                ? new KitFormatException("和暦の日付として読めません: \"" + text + "\"（" + ja + "）",
                        "Not a Japanese-era date: \"" + text + "\" (" + en + ")")
                : new KitFormatException("西暦の日付として読めません: \"" + text + "\"（" + ja + "）",
                        "Not a Gregorian date: \"" + text + "\" (" + en + ")");
    }

    private static int year(String s) {
        return "元".equals(s) ? 1 : Integer.parseInt(s);
    }

    private static int num(String s) {
        return s == null ? 0 : Integer.parseInt(s);
    }

    /** Full-width digits, Latin letters, ．／－ and the ideographic space to ASCII, for parsing only. */
    private static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '\uFF10' && c <= '\uFF19') || (c >= '\uFF21' && c <= '\uFF3A') || (c >= '\uFF41' && c <= '\uFF5A')
                    || c == '\uFF0E' || c == '\uFF0F' || c == '\uFF0D') {
                b.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- storage code

    private static final Pattern CODE = Pattern.compile(
            "U|([1-5])(\\d{2}|[1-9]\\d{2})(\\d{2})(\\d{2})(~)?|G(\\d{4})(\\d{2})(\\d{2})(~)?");

    /**
     * The lossless storage code (grammar in the type's documentation), e.g. {@code 3600707}, {@code G19890000},
     * {@code 3350000~}, {@code U}.
     *
     * @return the code
     */
    public String toCode() {
        if (calendar == null) {
            return "U";
        }
        StringBuilder b = new StringBuilder(10);
        if (era != null) {
            int y = gregorianYear - era.firstYear() + 1;
            b.append(era.code()).append(y < 10 ? "0" : "").append(y);
        } else {
            b.append('G').append(String.format("%04d", gregorianYear));
        }
        b.append(month < 10 ? "0" : "").append(month).append(day < 10 ? "0" : "").append(day);
        return approximate ? b.append('~').toString() : b.toString();
    }

    /**
     * Reads a storage code written by {@link #toCode()}; only canonical codes are accepted.
     *
     * @param code the code
     * @return the date
     * @throws KitFormatException if the code does not follow the grammar or the value is not allowed
     */
    public static RegisterDate fromCode(String code) {
        Matcher m = code == null ? null : CODE.matcher(code);
        if (m == null || !m.matches()) {
            throw new KitFormatException("日付コードとして読めません: \"" + code + "\"（例: 3600707、G19850707、3350000~、U）",
                    "Not a register date code: \"" + code + "\" (e.g. 3600707, G19850707, 3350000~, U)");
        }
        if ("U".equals(code)) {
            return UNKNOWN;
        }
        boolean wareki = m.group(1) != null;
        int base = wareki ? 2 : 6;
        int year = Integer.parseInt(m.group(base));
        int month = Integer.parseInt(m.group(base + 1));
        int day = Integer.parseInt(m.group(base + 2));
        boolean approx = m.group(base + 3) != null;
        String[] problem = wareki
                ? problem(Calendar.WAREKI, Era.ofCode(m.group(1).charAt(0) - '0'), year, month, day)
                : problem(Calendar.SEIREKI, null, year, month, day);
        if (problem != null) {
            throw new KitFormatException("日付コードの値が正しくありません: \"" + code + "\"（" + problem[0] + "）",
                    "Invalid register date code: \"" + code + "\" (" + problem[1] + ")");
        }
        Era era = wareki ? Era.ofCode(m.group(1).charAt(0) - '0') : null;
        return new RegisterDate(wareki ? Calendar.WAREKI : Calendar.SEIREKI, era,
                era == null ? year : era.firstYear() + year - 1, month, day, approx);
    }

    // ---------------------------------------------------------------- accessors

    /** @return the calendar the date is recorded in; empty for 年月日不詳 */
    public Optional<Calendar> calendar() {
        return Optional.ofNullable(calendar);
    }

    /** @return the era of a 和暦 date; empty for 西暦 and 年月日不詳 */
    public Optional<Era> era() {
        return Optional.ofNullable(era);
    }

    /** @return the year as recorded: the era year for 和暦 (1 = 元年), the Gregorian year for 西暦 */
    public OptionalInt year() {
        if (calendar == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(era == null ? gregorianYear : gregorianYear - era.firstYear() + 1);
    }

    /** @return the Gregorian year (for 明治元年–5年 the nominal year 1868–1872) */
    public OptionalInt gregorianYear() {
        return calendar == null ? OptionalInt.empty() : OptionalInt.of(gregorianYear);
    }

    /** @return the month, if known */
    public OptionalInt month() {
        return month == 0 ? OptionalInt.empty() : OptionalInt.of(month);
    }

    /** @return the day, if known (may be one not on the calendar) */
    public OptionalInt day() {
        return day == 0 ? OptionalInt.empty() : OptionalInt.of(day);
    }

    /** @return how much of the date is known */
    public Precision precision() {
        return calendar == null ? Precision.UNKNOWN
                : month == 0 ? Precision.YEAR : day == 0 ? Precision.YEAR_MONTH : Precision.DAY;
    }

    /** @return whether the date is marked 頃 */
    public boolean isApproximate() {
        return approximate;
    }

    /**
     * Why the date has no {@link LocalDate}: the first of unknown, month and day unknown, day unknown, approximate,
     * lunisolar (明治5年以前), not on the calendar.
     *
     * @return the reason, or empty if the date is exact
     */
    public Optional<Inexactness> whyNotExact() {
        if (calendar == null) {
            return Optional.of(Inexactness.UNKNOWN);
        }
        if (month == 0) {
            return Optional.of(Inexactness.MONTH_AND_DAY_UNKNOWN);
        }
        if (day == 0) {
            return Optional.of(Inexactness.DAY_UNKNOWN);
        }
        if (approximate) {
            return Optional.of(Inexactness.APPROXIMATE);
        }
        if (era == Era.MEIJI && gregorianYear < 1873) {
            return Optional.of(Inexactness.BEFORE_SOLAR_CALENDAR);
        }
        if (day > YearMonth.of(gregorianYear, month).lengthOfMonth()) {
            return Optional.of(Inexactness.NOT_ON_CALENDAR);
        }
        return Optional.empty();
    }

    /** @return whether the date is one exact calendar day, i.e. {@link #toLocalDate()} is present */
    public boolean isExact() {
        return whyNotExact().isEmpty();
    }

    /**
     * The calendar day, when there is exactly one ({@link #whyNotExact()} says why not otherwise).
     * 明治45年7月30日 and 大正元年7月30日 are both 1912-07-30.
     *
     * @return the day, or empty
     */
    public Optional<LocalDate> toLocalDate() {
        return isExact() ? Optional.of(LocalDate.of(gregorianYear, month, day)) : Optional.empty();
    }

    /**
     * A sort key ordering dates as {@link #compareTo} does (formula in the type's documentation), for a database
     * index. Distinct dates have distinct keys.
     *
     * @return the key, 0 for 年月日不詳
     */
    public int sortKey() {
        if (calendar == null) {
            return 0;
        }
        return gregorianYear * 1_000_000 + month * 10_000 + day * 100 + (approximate ? 10 : 0)
                + (era == null ? 0 : era.code());
    }

    // ---------------------------------------------------------------- display

    /**
     * The date for screens and certificates (住民記録システム標準仕様書: 和暦 for Japanese residents, 西暦 for foreign
     * residents' birth dates — see {@link DateDisplay#forBirthDate(boolean)}). Year 1 of an era is 元年. Examples:
     * 「昭和60年7月7日」, 「令和元年5月1日」, 「昭和35年月日不詳」, 「昭和35年5月日不詳」, 「昭和35年頃」, 「年月日不詳」;
     * 「1985年7月7日」, 「1960年頃」.
     *
     * <p>A value is converted to the other calendar only when that is unambiguous: a 西暦 value whose (partial) date
     * falls within one era is shown in that era (1955年2月29日 → 昭和30年2月29日), but one spanning two eras (1989年,
     * 1989年1月) stays in 西暦; a 明治元年–5年 value stays in 和暦 (lunisolar). Nothing is dropped or corrected.
     * {@link #parse(String)} reads every output back to an equal value when no conversion took place.
     *
     * @param display the display
     * @return the text
     */
    public String format(DateDisplay display) {
        if (calendar == null) {
            return "年月日不詳";
        }
        Era shownEra = null;
        if (display == DateDisplay.WAREKI) {
            shownEra = era != null ? era : eraContaining().orElse(null);
        } else if (era == Era.MEIJI && gregorianYear < 1873) {
            shownEra = era;
        }
        StringBuilder b = new StringBuilder(16);
        if (shownEra != null) {
            int y = gregorianYear - shownEra.firstYear() + 1;
            b.append(shownEra.japaneseName()).append(y == 1 ? "元" : Integer.toString(y)).append('年');
        } else {
            b.append(gregorianYear).append('年');
        }
        if (month != 0) {
            b.append(month).append('月');
            if (day != 0) {
                b.append(day).append('日');
            }
        }
        if (approximate) {
            b.append('頃');
        } else if (month == 0) {
            b.append("月日不詳");
        } else if (day == 0) {
            b.append("日不詳");
        }
        return b.toString();
    }

    /** The one era whose official range intersects this (partial) Gregorian date, if exactly one does. */
    private Optional<Era> eraContaining() {
        int lo = gregorianYear * 10_000 + (month == 0 ? 101 : month * 100 + (day == 0 ? 1 : day));
        int hi = gregorianYear * 10_000 + (month == 0 ? 1231 : month * 100 + (day == 0 ? 31 : day));
        Era found = null;
        for (Era e : Era.values()) {
            int start = tuple(e.start());
            int end = e.end().map(RegisterDate::tuple).orElse(Integer.MAX_VALUE);
            if (lo <= end && hi >= start) {
                if (found != null) {
                    return Optional.empty();
                }
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    private static int tuple(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    // ---------------------------------------------------------------- identity

    /** Orders as documented on the type; consistent with {@link #sortKey()} and {@code equals}. */
    @Override
    public int compareTo(RegisterDate other) {
        return Integer.compare(sortKey(), other.sortKey());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegisterDate r && r.sortKey() == sortKey();
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(sortKey());
    }

    /** @return the date in its own calendar, as {@link #format(DateDisplay)} shows it */
    @Override
    public String toString() {
        return format(era != null || calendar == null ? DateDisplay.WAREKI : DateDisplay.SEIREKI);
    }
}
