package jp.madoguchi.demo.population;

/**
 * How much of a synthetic resident's birth date is known.
 *
 * <p>For anything but {@link #EXACT}, {@link SyntheticPerson#birthDate()} is a representative date: the first
 * day of the known month ({@link #YEAR_MONTH}), 1 January of the known year ({@link #YEAR}), or 1 January of
 * the estimated birth year ({@link #UNKNOWN}, 「年月日不詳」).
 */
public enum BirthDatePrecision {
    EXACT,
    YEAR_MONTH,
    YEAR,
    UNKNOWN
}
