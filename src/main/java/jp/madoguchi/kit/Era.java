package jp.madoguchi.kit;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * 元号 — the Japanese eras from 明治 on, with the era codes of the standard.
 *
 * <p>Codes follow 住民記録システム標準仕様書 and データ要件・連携要件標準仕様書 (デジタル庁): 1 明治, 2 大正, 3 昭和, 4 平成,
 * 5 令和. Start dates follow the 元号を改める政令 of each era (大正 1912-07-30, 昭和 1926-12-25, 平成 1989-01-08 — 元号法
 * 昭和54年法律第43号 and 平成元年政令第1号, 令和 2019-05-01 — 平成31年政令第143号).
 *
 * <p>明治 began in 1868, but until 明治5年12月2日 Japan used the lunisolar calendar; the Gregorian calendar was adopted
 * by 明治5年太政官布告第337号, so that 明治5年12月3日 became 明治6年1月1日 = 1873-01-01. This kit therefore converts 明治
 * dates to and from {@link LocalDate} only from 1873-01-01 on: {@link #start()} of {@link #MEIJI} is 1873-01-01, while
 * {@link #firstYear()} (the Gregorian year of 元年) is 1868.
 */
public enum Era {
    /** 明治 (code 1, M). Solar dates from 1873-01-01 (明治6年1月1日). */
    MEIJI(1, "明治", "M", 1868, LocalDate.of(1873, 1, 1), '\u337E'),
    /** 大正 (code 2, T), from 1912-07-30. */
    TAISHO(2, "大正", "T", 1912, LocalDate.of(1912, 7, 30), '\u337D'),
    /** 昭和 (code 3, S), from 1926-12-25. */
    SHOWA(3, "昭和", "S", 1926, LocalDate.of(1926, 12, 25), '\u337C'),
    /** 平成 (code 4, H), from 1989-01-08. */
    HEISEI(4, "平成", "H", 1989, LocalDate.of(1989, 1, 8), '\u337B'),
    /** 令和 (code 5, R), from 2019-05-01. */
    REIWA(5, "令和", "R", 2019, LocalDate.of(2019, 5, 1), '\u32FF');

    private final int code;
    private final String japaneseName;
    private final String abbreviation;
    private final int firstYear;
    private final LocalDate start;
    private final char ligature;

    Era(int code, String japaneseName, String abbreviation, int firstYear, LocalDate start, char ligature) {
        this.code = code;
        this.japaneseName = japaneseName;
        this.abbreviation = abbreviation;
        this.firstYear = firstYear;
        this.start = start;
        this.ligature = ligature;
    }

    /** @return the era code of the standard (元号コード): 1 明治 … 5 令和 */
    public int code() {
        return code;
    }

    /** @return the era name in kanji (元号名), e.g. 「令和」 */
    public String japaneseName() {
        return japaneseName;
    }

    /** @return the one-letter Latin abbreviation (略号), e.g. "R" */
    public String abbreviation() {
        return abbreviation;
    }

    /** @return the Gregorian year of the era's first year (元年), e.g. 2019 for 令和 */
    public int firstYear() {
        return firstYear;
    }

    /**
     * The first day of the era as a Gregorian date: the day of 改元, except for 明治, whose first solar date is
     * 1873-01-01 (see the type's documentation).
     *
     * @return the first convertible day of the era
     */
    public LocalDate start() {
        return start;
    }

    /**
     * The last day of the era, as officially in force (the day before the next era's start).
     *
     * <p>On the day of 改元 of 大正 and 昭和 (1912-07-30, 1926-12-25) the old era's writing (明治45年7月30日, 大正15年12月25日)
     * is also found in records; {@link RegisterDate} accepts those two writings, while the official date is in the new era.
     *
     * @return the last day, or empty for the current era 令和
     */
    public Optional<LocalDate> end() {
        Era next = next();
        return next == null ? Optional.empty() : Optional.of(next.start.minusDays(1));
    }

    /** @return the following era, or {@code null} for 令和 */
    Era next() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    /**
     * The era of a Gregorian date (the new era on the day of 改元).
     *
     * @param date a date on or after 1873-01-01
     * @return the era
     * @throws KitFormatException for dates before 1873-01-01 (lunisolar calendar; not convertible)
     */
    public static Era of(LocalDate date) {
        if (date.isBefore(MEIJI.start)) {
            throw new KitFormatException(
                    "明治6年（1873年）1月1日より前の日付は太陰太陽暦のため和暦に換算できません: " + date,
                    "Dates before 1873-01-01 (lunisolar calendar) cannot be converted to a Japanese era: " + date);
        }
        Era result = MEIJI;
        for (Era era : values()) {
            if (!date.isBefore(era.start)) {
                result = era;
            }
        }
        return result;
    }

    /**
     * The era with the given code of the standard.
     *
     * @param code 1 to 5
     * @return the era
     * @throws KitFormatException for any other code
     */
    public static Era ofCode(int code) {
        for (Era era : values()) {
            if (era.code == code) {
                return era;
            }
        }
        throw new KitFormatException("元号コードは1（明治）〜5（令和）です（入力: " + code + "）",
                "An era code is 1 (Meiji) to 5 (Reiwa); got " + code);
    }

    /**
     * The era named by its kanji name (「昭和」), its Latin abbreviation ("S" or "s", half- or full-width) or its
     * one-character ligature (「㍼」, as in U+337B–U+337E and U+32FF).
     *
     * @param name the name, without surrounding spaces
     * @return the era
     * @throws KitFormatException if the name is none of these
     */
    public static Era fromName(String name) {
        String n = name;
        if (n.length() == 1 && n.charAt(0) >= '\uFF21' && n.charAt(0) <= '\uFF5A') {
            n = String.valueOf((char) (n.charAt(0) - 0xFEE0));
        }
        for (Era era : values()) {
            if (era.japaneseName.equals(n) || era.abbreviation.equals(n.toUpperCase(Locale.ROOT))
                    || (n.length() == 1 && n.charAt(0) == era.ligature)) {
                return era;
            }
        }
        throw new KitFormatException("元号として読めません: \"" + name + "\"（明治・大正・昭和・平成・令和、またはM・T・S・H・R）",
                "Not an era name: \"" + name + "\" (expected 明治, 大正, 昭和, 平成, 令和 or M, T, S, H, R)");
    }

    /** @return the era's last year number as written (明治45, 大正15, 昭和64, 平成31); 令和: up to 2147 */
    int lastYear() {
        Era next = next();
        return (next == null ? RegisterDate.MAX_YEAR : next.firstYear) - firstYear + 1;
    }

    /** @return the (month, day) of 元年's first day as written: 明治 1/1 (lunisolar), 大正 7/30, … */
    int firstMonthDay() {
        return this == MEIJI ? 101 : start.getMonthValue() * 100 + start.getDayOfMonth();
    }

    /**
     * The last (month, day) of the last year as it may be written in this era: for 明治 and 大正 the day of 改元 itself
     * (明治45年7月30日, 大正15年12月25日), for 昭和 and 平成 the day before (昭和64年1月7日, 平成31年4月30日).
     */
    int lastMonthDay() {
        Era next = next();
        if (next == null) {
            return 1231;
        }
        LocalDate last = (this == MEIJI || this == TAISHO) ? next.start : next.start.minusDays(1);
        return last.getMonthValue() * 100 + last.getDayOfMonth();
    }
}
