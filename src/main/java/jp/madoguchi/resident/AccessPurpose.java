package jp.madoguchi.resident;

/** 利用目的 — why a staff member reads a person's record. Stated on every read and kept in the audit trail. */
public enum AccessPurpose {
    COUNTER_SERVICE("窓口対応"),
    /** 来庁受付の本人確認 — matching a visitor's identity document (マイナンバーカード) to the register. */
    VISIT_IDENTIFICATION("来庁受付の本人確認"),
    REVIEW("申請の審査"),
    CERTIFICATE("証明書の発行"),
    INQUIRY("照会への回答"),
    RECORD_CORRECTION("記録の確認・修正"),
    AUDIT("監査");

    private final String label;

    AccessPurpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
