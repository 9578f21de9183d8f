package jp.madoguchi.payment;

/** 収納データの種別 — what a payment record says. */
public enum PaymentKind {
    /** 速報 (種別 01) — paid at the store today, not yet confirmed. */
    PRELIMINARY("速報"),
    /** 確報 (種別 02) — confirmed payment; settles the 速報 of the same payment if there was one. */
    CONFIRMED("確報"),
    /** 速報取消 (種別 03) — the 速報 of the same payment is withdrawn. */
    CANCEL_PRELIMINARY("速報取消"),
    /** 郵便振替 (種別 12) — paid at a post office. */
    POSTAL("郵便振替"),
    /** 郵便振替訂正 (種別 22) — reverses the 郵便振替 of the same slip and day. */
    POSTAL_CORRECTION("郵便振替訂正"),
    /** 口座振替結果 — a direct-debit result (振替結果コード 0 = debited; others = not debited). */
    DEBIT_RESULT("口座振替結果"),
    /** 収納 — a confirmed payment reported by another agent. */
    PAYMENT("収納");

    private final String label;

    PaymentKind(String label) {
        this.label = label;
    }

    /** The Japanese name shown on screens and reports. */
    public String label() {
        return label;
    }
}
