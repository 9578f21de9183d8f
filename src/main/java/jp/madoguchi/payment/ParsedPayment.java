package jp.madoguchi.payment;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One payment record read from a file by a {@link PaymentFileFormat}, before reconciliation.
 *
 * @param line the line (record) number in the file, 1-based
 * @param kind what the record says
 * @param channel where the money was paid
 * @param paidOn 収納日 / 引落日
 * @param paidTime 収納時刻, or null
 * @param amount 金額 (yen, positive)
 * @param reference the 納付番号 read from the record ("" when it carries none readable)
 * @param fundNumber the 科目番号 the record carries, or null
 * @param barcode the 44 barcode digits, or null
 * @param agentCode コンビニ本部コード / 引落銀行番号 / agent id, or null
 * @param storeCode 店舗コード / 引落支店番号, or null
 * @param transferDate 振込日, or null
 * @param resultCode 振替結果コード (direct debit), or null
 * @param recordKey the record's identity: the same key again is a duplicate (re-sent record), not a new payment
 * @param paymentKey the payment's identity: links the 速報, 確報 and 取消 (or 郵便振替 and 訂正) of one payment
 */
public record ParsedPayment(int line, PaymentKind kind, PaymentChannel channel, LocalDate paidOn, LocalTime paidTime,
        long amount, String reference, String fundNumber, String barcode, String agentCode, String storeCode,
        LocalDate transferDate, String resultCode, String recordKey, String paymentKey) {

    public ParsedPayment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(paidOn, "paidOn");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(paymentKey, "paymentKey");
    }
}
