package jp.madoguchi.kit;

/**
 * 日付の表示方法 — how a {@link RegisterDate} is shown on screens and certificates.
 *
 * <p>住民記録システム標準仕様書: dates of Japanese residents are shown in 和暦; birth dates of foreign residents
 * (外国人住民, 住民基本台帳法第30条の45) in 西暦. {@link #forBirthDate(boolean)} applies that rule.
 */
public enum DateDisplay {
    /** 和暦 — 「昭和60年7月7日」, 「令和元年5月1日」. */
    WAREKI,
    /** 西暦 — 「1985年7月7日」. */
    SEIREKI;

    /**
     * The display the standard prescribes for a birth date.
     *
     * @param foreignResident whether the resident is a foreign resident (外国人住民)
     * @return {@link #SEIREKI} for foreign residents, {@link #WAREKI} otherwise
     */
    public static DateDisplay forBirthDate(boolean foreignResident) {
        return foreignResident ? SEIREKI : WAREKI;
    }
}
