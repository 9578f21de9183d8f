package jp.madoguchi.payment;

/** 収納チャネル — where the money was paid. */
public enum PaymentChannel {
    /** コンビニ収納 — at a convenience store, with the slip's barcode. */
    CONVENIENCE_STORE("コンビニ"),
    /** 郵便振替 — at a post office, reported in the convenience-store agent's file (種別 12/22). */
    POSTAL_TRANSFER("郵便振替"),
    /** 口座振替 — direct debit from a bank account (全銀 result file). */
    DIRECT_DEBIT("口座振替"),
    /** その他の収納代行 — another collection agent (generic CSV). */
    AGENT("収納代行");

    private final String label;

    PaymentChannel(String label) {
        this.label = label;
    }

    /** The Japanese name shown on screens and reports. */
    public String label() {
        return label;
    }
}
