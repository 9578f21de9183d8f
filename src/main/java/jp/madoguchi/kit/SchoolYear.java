package jp.madoguchi.kit;

import java.time.LocalDate;

/**
 * 学年・年度 — school years (学齢) and fiscal-year age classes.
 *
 * <p>学校教育法第17条第1項: a child enters elementary school at the beginning (April 1, 学校教育法施行規則第59条) of the
 * first school year after the day following the day the child reaches age 6 (満6歳に達した日の翌日以後における最初の学年の
 * 初め). One reaches 6 on the day before the 6th birthday ({@link LegalAge}), so a child born on 4月1日 reaches 6 on
 * 3月31日 and enters that April: children born 4月2日 to the following 4月1日 form one school year. A fiscal year (年度,
 * 財政法第11条) runs April 1 to March 31 and is named by the year it starts in.
 */
public final class SchoolYear {

    private SchoolYear() {
    }

    /**
     * 年度 — the fiscal year containing a day.
     *
     * @param day the day
     * @return the year of the April 1 that starts it (2025-03-31 → 2024)
     */
    public static int fiscalYearOf(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    /**
     * The fiscal year in which the child enters elementary school (学校教育法第17条第1項): born 2018-04-02 … 2019-04-01
     * → 2025.
     *
     * @param birth the date of birth
     * @return the fiscal year of entry
     */
    public static int firstSchoolYear(LocalDate birth) {
        LocalDate dayAfterReaching6 = LegalAge.dateOfReaching(birth, 6).plusDays(1);
        LocalDate april1 = LocalDate.of(dayAfterReaching6.getYear(), 4, 1);
        return april1.isBefore(dayAfterReaching6) ? april1.getYear() + 1 : april1.getYear();
    }

    /**
     * The grade of the child's age group on a day: 未就学 before the first school year, 小学1年 … 中学3年, then その他.
     *
     * @param birth the date of birth
     * @param on the day, not before birth
     * @return the grade
     * @throws IllegalArgumentException if {@code on} is before {@code birth}
     */
    public static SchoolGrade schoolGrade(LocalDate birth, LocalDate on) {
        if (on.isBefore(birth)) {
            throw new IllegalArgumentException("基準日が生年月日より前です: " + on + " < " + birth
                    + " / The day is before the date of birth: " + on + " < " + birth);
        }
        return SchoolGrade.ofYear(fiscalYearOf(on) - firstSchoolYear(birth) + 1);
    }

    /**
     * The age on April 1 of a fiscal year, which names nursery age classes (0歳児 … 5歳児; 子ども・子育て支援法 and its
     * 公定価格 use 「年度の初日の前日における満年齢」, the same number). A child born on or after April 1 within that fiscal
     * year counts as 0 (0歳児クラス). Children of one school year share the same value.
     *
     * @param birth the date of birth
     * @param fiscalYear the fiscal year (年度)
     * @return the age
     * @throws IllegalArgumentException if the child is born after the fiscal year ends
     */
    public static int ageOnApril1(LocalDate birth, int fiscalYear) {
        LocalDate april1 = LocalDate.of(fiscalYear, 4, 1);
        if (birth.isAfter(april1.plusYears(1).minusDays(1))) {
            throw new IllegalArgumentException("生年月日が" + fiscalYear + "年度より後です: " + birth
                    + " / Born after fiscal year " + fiscalYear + ": " + birth);
        }
        return birth.isAfter(april1) ? 0 : LegalAge.ageOn(birth, april1);
    }

    /**
     * The March 31 ending the school year in which a child reaches an age: the first 3月31日 on or after the day of
     * reaching it (児童手当法第3条第1項: 18歳に達する日以後の最初の3月31日までの間にある者). Born 2006-04-01 → 2024-03-31;
     * born 2006-04-02 → 2025-03-31.
     *
     * @param birth the date of birth
     * @param age the age (18 for 児童手当)
     * @return that March 31
     */
    public static LocalDate endOfSchoolYearTurning(LocalDate birth, int age) {
        LocalDate reached = LegalAge.dateOfReaching(birth, age);
        LocalDate march31 = LocalDate.of(reached.getYear(), 3, 31);
        return reached.isAfter(march31) ? march31.plusYears(1) : march31;
    }
}
