package jp.madoguchi.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * 調定 to create: an amount assessed on a payer for a fund and fiscal year, split into installments.
 *
 * @param fundCode the fund (収納科目)
 * @param fiscalYear 年度
 * @param assessmentNumber 調定番号, unique per fund and year (1–20 of 0-9 A-Z a-z -)
 * @param atenaNumber the payer's 宛名番号 (with check digit)
 * @param installments 期別, numbered 1.. without gaps in any order
 */
public record NewAssessment(String fundCode, int fiscalYear, String assessmentNumber, String atenaNumber,
        List<NewInstallment> installments) {

    public NewAssessment {
        Objects.requireNonNull(fundCode, "fundCode");
        Objects.requireNonNull(assessmentNumber, "assessmentNumber");
        Objects.requireNonNull(atenaNumber, "atenaNumber");
        installments = List.copyOf(installments);
    }

    /**
     * 期別 to create.
     *
     * @param number 期別 (1–99)
     * @param dueDate 納期限
     * @param amount 金額 (yen, 1–999,999 so that a barcode can carry it)
     */
    public record NewInstallment(int number, LocalDate dueDate, long amount) {
    }
}
