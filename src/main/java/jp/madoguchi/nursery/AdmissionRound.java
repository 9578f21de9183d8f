package jp.madoguchi.nursery;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import jp.madoguchi.kit.SchoolYear;

/**
 * 利用調整の回 — an admission round: 4月一斉 (the April round of a fiscal year) or a monthly 途中入所 round.
 *
 * @param admissionMonth the month the children would start (入所月); its fiscal year names the age classes
 */
public record AdmissionRound(YearMonth admissionMonth) {

    public AdmissionRound {
        Objects.requireNonNull(admissionMonth, "admissionMonth");
    }

    /** 4月一斉 of a fiscal year. */
    public static AdmissionRound april(int fiscalYear) {
        return new AdmissionRound(YearMonth.of(fiscalYear, 4));
    }

    /** 年度. */
    public int fiscalYear() {
        return SchoolYear.fiscalYearOf(admissionMonth.atDay(1));
    }

    /** True for 4月一斉, false for 途中入所. */
    public boolean isAprilRound() {
        return admissionMonth.getMonthValue() == 4;
    }

    /** The first day of the admission month (入所日). */
    public LocalDate admissionDay() {
        return admissionMonth.atDay(1);
    }

    /** 「2026年度 4月一斉」 or 「2026年度 途中入所（2027年1月）」. */
    public String label() {
        return fiscalYear() + "年度 " + (isAprilRound() ? "4月一斉"
                : "途中入所（" + admissionMonth.getYear() + "年" + admissionMonth.getMonthValue() + "月）");
    }
}
