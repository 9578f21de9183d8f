package jp.madoguchi.notification;

/** 連絡手段 — how a resident is reached. */
public enum ContactChannel {
    /** 電子メール. */
    EMAIL("メール"),
    /** ショートメッセージ (SMS). */
    SMS("SMS");

    private final String label;

    ContactChannel(String label) {
        this.label = label;
    }

    /** The Japanese name shown on screens. */
    public String label() {
        return label;
    }
}
