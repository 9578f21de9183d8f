package jp.madoguchi.demo.population;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A synthetic resident. All names are random combinations drawn from frequency lists; they describe no real person.
 *
 * @param sequence unique across the population, 1..N in household order (the loader derives the 宛名番号)
 * @param familyName 氏 as stored, byte-exact (may contain variant characters, surrogate pairs and IVS sequences);
 *     for foreign residents the registered name (upper-case alphabet, or 漢字 for Chinese and Korean nationals)
 * @param givenName 名, as {@code familyName}; alphabetic multi-part names are separated by an ASCII space
 * @param familyNameKana reading of the 氏 in full-width katakana
 * @param givenNameKana reading of the 名 in full-width katakana; parts separated by a full-width space (U+3000)
 * @param sex 性別
 * @param birthDate the birth date if {@code precision} is {@link BirthDatePrecision#EXACT}, else a representative
 *     date within the known part (see {@link BirthDatePrecision})
 * @param precision how much of the birth date is known
 * @param relationship 続柄 as the register writes it (世帯主, 妻, 夫, 子, 父, 母, …)
 * @param foreign whether the person is a 外国人住民
 * @param nationality 国籍・地域 in Japanese (ベトナム, 中国, …); {@code null} for Japanese residents
 * @param alias 通称 (氏 and 名 separated by a full-width space), only for some foreign residents; else {@code null}
 * @param aliasKana reading of the 通称 in full-width katakana, {@code null} when there is no 通称
 * @param movedInDate 住民となった日: the birth date for those born in the municipality, else the move-in date
 */
public record SyntheticPerson(
        int sequence,
        String familyName,
        String givenName,
        String familyNameKana,
        String givenNameKana,
        Sex sex,
        LocalDate birthDate,
        BirthDatePrecision precision,
        String relationship,
        boolean foreign,
        String nationality,
        String alias,
        String aliasKana,
        LocalDate movedInDate) {

    public SyntheticPerson {
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyNameKana, "familyNameKana");
        Objects.requireNonNull(givenNameKana, "givenNameKana");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(movedInDate, "movedInDate");
        if (foreign != (nationality != null)) {
            throw new IllegalArgumentException("nationality is set exactly for foreign residents");
        }
        if ((alias == null) != (aliasKana == null) || (alias != null && !foreign)) {
            throw new IllegalArgumentException("an alias (通称) with its kana, only for foreign residents");
        }
    }

    /** Age in completed years on {@code date}. */
    public int ageOn(LocalDate date) {
        return birthDate.until(date).getYears();
    }
}
