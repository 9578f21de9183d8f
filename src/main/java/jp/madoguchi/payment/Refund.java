package jp.madoguchi.payment;

import java.time.LocalDate;

/**
 * 過誤納・一部納付 — an entry of the refund list.
 *
 * @param id entry id
 * @param kind over-, double or partial payment
 * @param amount the excess to refund (over/double), or the shortfall still owed (partial)
 * @param paymentNumber the installment's 納付番号
 * @param atenaNumber the payer's 宛名番号
 * @param recordId the payment record that caused it
 * @param paidOn 収納日
 * @param open not settled yet
 */
public record Refund(long id, Kind kind, long amount, String paymentNumber, String atenaNumber, long recordId,
        LocalDate paidOn, boolean open) {

    /** Why the entry is on the list. */
    public enum Kind {
        /** 過納 — more than the amount was paid. */
        OVERPAYMENT("過納"),
        /** 二重納付 — paid again after it was fully paid. */
        DOUBLE_PAYMENT("二重納付"),
        /** 一部納付 — less than the amount; the rest is still owed. */
        PARTIAL_PAYMENT("一部納付");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
