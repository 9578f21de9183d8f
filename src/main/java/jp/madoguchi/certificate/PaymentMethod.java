package jp.madoguchi.certificate;

/** 手数料の収納方法 — how the fee was paid. */
public enum PaymentMethod {
    /** 現金. */
    CASH("現金"),
    /** キャッシュレス (card, QR payment). */
    CASHLESS("キャッシュレス"),
    /** 定額小為替 (postal requests). */
    POSTAL_ORDER("定額小為替"),
    /** 免除 (public bodies, fee 0). */
    EXEMPT("免除");

    private final String label;

    PaymentMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
