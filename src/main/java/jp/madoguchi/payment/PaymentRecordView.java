package jp.madoguchi.payment;

import java.time.LocalDate;

/**
 * A stored payment record as the office sees it (quarantine list, an installment's history).
 *
 * @param id record id
 * @param fileId the file it came from
 * @param line its line in that file
 * @param kind 種別
 * @param channel チャネル
 * @param paidOn 収納日
 * @param amount 金額
 * @param reference the 納付番号 it carried ("" if none)
 * @param outcome what reconciliation did ({@code APPLIED}, {@code QUARANTINED} …)
 * @param reason why it was quarantined or not debited, or null
 * @param installmentId the installment it was applied to, or null
 */
public record PaymentRecordView(long id, long fileId, int line, PaymentKind kind, PaymentChannel channel,
        LocalDate paidOn, long amount, String reference, String outcome, String reason, Long installmentId) {
}
