package jp.madoguchi.payment;

import java.time.LocalDate;
import java.util.Optional;

/**
 * 期別 — one installment of an assessment as stored, with its slip numbers and payment state.
 *
 * @param id database id
 * @param assessmentId the assessment (調定)
 * @param fundCode the fund
 * @param fiscalYear 年度
 * @param assessmentNumber 調定番号
 * @param atenaNumber the payer's 宛名番号
 * @param number 期別 (第n期)
 * @param dueDate 納期限 as assessed
 * @param effectiveDueDate the due date moved to the next office day when it falls on a 休日 (kit OfficeCalendar)
 * @param amount 金額 (yen)
 * @param paymentNumber 納付番号 (also the Pay-easy 納付番号)
 * @param payEasyConfirmation Pay-easy 確認番号 (4 digits)
 * @param eLNumber the eL番号 fields when 地方税共同機構 assigned them, else empty
 * @param state payment state
 * @param paidAmount confirmed amount received
 * @param pendingAmount 速報 amount not yet confirmed
 * @param paidOn the day money was last received
 * @param late paid after the due date (延滞金 to assess; flag only)
 */
public record Installment(long id, long assessmentId, String fundCode, int fiscalYear, String assessmentNumber,
        String atenaNumber, int number, LocalDate dueDate, LocalDate effectiveDueDate, long amount,
        PaymentNumber paymentNumber, String payEasyConfirmation, Optional<ELNumber> eLNumber, InstallmentState state,
        long paidAmount, long pendingAmount, Optional<LocalDate> paidOn, boolean late) {

    /**
     * eL番号 — the numbers of the unified eL-QR / eLTAX payment (共通納税機関コード, 案件特定キー, 確認番号,
     * 税目・料金番号). Their values and the QR payload layout come from 地方税共同機構; Madoguchi stores what it is
     * given and invents nothing.
     */
    public record ELNumber(String institutionCode, String caseKey, String confirmationNumber, String itemNumber) {
    }
}
