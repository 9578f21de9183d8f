package jp.madoguchi.nursery;

import java.time.LocalDate;
import jp.madoguchi.kit.SchoolYear;

/**
 * 年齢クラス — a nursery age class, 0歳児 … 5歳児: the child's age on April 1 of the fiscal year (年度の初日の前日における
 * 満年齢, the same number; see {@link SchoolYear#ageOnApril1}). A child keeps its class for the whole fiscal year, so a
 * 途中入所 in January still uses the age on the April 1 before it.
 */
public enum AgeClass {
    AGE_0, AGE_1, AGE_2, AGE_3, AGE_4, AGE_5;

    /** The age (0–5). */
    public int age() {
        return ordinal();
    }

    /** 「1歳児」. */
    public String label() {
        return ordinal() + "歳児";
    }

    /** The class of an age 0–5. */
    public static AgeClass ofAge(int age) {
        if (age < 0 || age > 5) {
            throw new IllegalArgumentException("年齢クラスは0〜5歳児です: " + age);
        }
        return values()[age];
    }

    /**
     * The class of a child in a fiscal year, or empty when the child is of school age (6 or more on April 1).
     *
     * @throws IllegalArgumentException if the child is born after the fiscal year ends
     */
    public static java.util.Optional<AgeClass> of(LocalDate birth, int fiscalYear) {
        int age = SchoolYear.ageOnApril1(birth, fiscalYear);
        return age <= 5 ? java.util.Optional.of(values()[age]) : java.util.Optional.empty();
    }
}
