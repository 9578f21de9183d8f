package jp.madoguchi.kit;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;

/**
 * 法律上の年齢 — ages as Japanese law counts them.
 *
 * <p>年齢計算ニ関スル法律 (明治35年法律第50号) counts age from the day of birth (初日算入), and 民法第143条 ends each year
 * of age at the end (24:00) of the day before the anniversary of birth. So a person <em>reaches</em> age N on the day
 * before the Nth birthday (N歳に達する日, e.g. 65歳到達日 for 介護保険法第9条, 75歳到達日 for 高齢者の医療の確保に関する法律
 * 第50条), and is N from that instant on, which is also the very start (0:00) of the birthday.
 *
 * <p>For a birthday on 2月29日: 民法第143条第2項 ends the period, when the last year has no corresponding day, on the last
 * day of that month; in every year the day before 2/29 (or the missing 2/29) is 2月28日. Born 2000-02-29, one reaches 18
 * on 2018-02-28.
 */
public final class LegalAge {

    private LegalAge() {
    }

    /**
     * The age at the start (0:00) of a day — the ordinary 満年齢: on the birthday one is already N, on the day before
     * (the 到達日) one is still N−1 until its end. Use {@link #hasReached} for "has reached N on that day".
     *
     * @param birth the date of birth
     * @param on the day, not before birth
     * @return the age in completed years
     * @throws IllegalArgumentException if {@code on} is before {@code birth}
     */
    public static int ageOn(LocalDate birth, LocalDate on) {
        if (on.isBefore(birth)) {
            throw new IllegalArgumentException("基準日が生年月日より前です: " + on + " < " + birth
                    + " / The day is before the date of birth: " + on + " < " + birth);
        }
        // ChronoUnit.YEARS counts whole years, a 2/29 birth completing its year on 3/1 of a common year, that is,
        // at the end of 2/28: exactly 民法第143条第2項.
        return (int) ChronoUnit.YEARS.between(birth, on);
    }

    /**
     * N歳に達する日 — the day on which one reaches an age: the day before the birthday (2月28日 for a 2月29日 birthday,
     * in every year). 65歳到達日, 75歳到達日 and the like.
     *
     * @param birth the date of birth
     * @param age the age, at least 1
     * @return the day of reaching it
     * @throws IllegalArgumentException if {@code age < 1}
     */
    public static LocalDate dateOfReaching(LocalDate birth, int age) {
        if (age < 1) {
            throw new IllegalArgumentException("年齢は1以上を指定してください: " + age + " / The age must be at least 1: " + age);
        }
        if (birth.getMonth() == Month.FEBRUARY && birth.getDayOfMonth() == 29) {
            return LocalDate.of(birth.getYear() + age, 2, 28);
        }
        return birth.plusYears(age).minusDays(1);
    }

    /**
     * Whether one has reached an age on a day, that day included (年齢N歳に達した者; e.g. the right to vote of a person
     * whose 18th birthday is the day after election day, 公職選挙法第9条).
     *
     * @param birth the date of birth
     * @param age the age
     * @param on the day
     * @return {@code true} from {@link #dateOfReaching(LocalDate, int)} on
     */
    public static boolean hasReached(LocalDate birth, int age, LocalDate on) {
        return age <= 0 ? !on.isBefore(birth) : !on.isBefore(dateOfReaching(birth, age));
    }
}
