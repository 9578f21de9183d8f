package jp.madoguchi.kit;

import java.time.LocalDate;

/**
 * 和暦 — Japanese era calendar dates for exact calendar days.
 *
 * <p>Follows 元号法 (昭和54年法律第43号) and the 元号を改める政令 (see {@link Era}); year 1 of an era is written 元年
 * (「令和元年5月1日」, where {@code java.time} would print 「令和1年」 and cannot read 「元年」). On the day of 改元 the new era
 * is used. For dates of the resident register that are irregular or partly unknown, use {@link RegisterDate}.
 */
public final class Wareki {

    private Wareki() {
    }

    /**
     * Formats an exact date: 2019-05-01 → 「令和元年5月1日」, 1989-01-07 → 「昭和64年1月7日」.
     *
     * @param date a date from 1873-01-01 (明治6年1月1日) to 2147-12-31
     * @return the 和暦 text
     * @throws KitFormatException outside that range
     */
    public static String format(LocalDate date) {
        return RegisterDate.of(date).format(DateDisplay.WAREKI);
    }

    /**
     * Formats an exact date in the vendors' compact form, era code + YYMMDD: 1985-07-07 → {@code 3600707}.
     *
     * @param date a date from 1873-01-01 up to 令和99年12月31日 (2117-12-31)
     * @return the seven digits
     * @throws KitFormatException outside that range
     */
    public static String formatCompact(LocalDate date) {
        String code = RegisterDate.of(date).toCode();
        if (code.length() != 7) {
            throw new KitFormatException("令和100年以降は7桁の和暦コードで表せません: " + date,
                    "Reiwa 100 and later do not fit the 7-digit compact form: " + date);
        }
        return code;
    }

    /**
     * Parses an exact 和暦 date, strictly: 「昭和60年7月7日」, 「令和元年5月1日」, 「S60.7.7」, 「Ｈ１．１．８」, 「3600707」
     * (the forms of {@link RegisterDate#parse(String)} that carry an era and a full date). The two writings of the day of
     * 改元 in the old era (明治45年7月30日, 大正15年12月25日) are read as that day.
     *
     * @param text the text
     * @return the date
     * @throws KitFormatException for 西暦 text, partial or approximate dates, days not on the calendar (昭和30年2月29日),
     *     years beyond the era (平成32年) and dates before 1873 (lunisolar)
     */
    public static LocalDate parse(String text) {
        RegisterDate d = RegisterDate.parse(text);
        if (d.era().isEmpty()) {
            throw RegisterDate.parseError(text, RegisterDate.Calendar.WAREKI, "元号がありません", "no era");
        }
        return d.toLocalDate().orElseThrow(() -> {
            RegisterDate.Inexactness why = d.whyNotExact().orElseThrow();
            return RegisterDate.parseError(text, RegisterDate.Calendar.WAREKI, why.japanese(), why.english());
        });
    }
}
