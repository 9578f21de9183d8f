package jp.madoguchi.certificate;

import java.util.Map;
import java.util.Set;

/** The state of an issued certificate, with its allowed transitions (the one place they are defined). */
public enum CertificateState {
    /** 有効 — issued and valid. */
    ISSUED("有効", "有効な証明書です"),
    /** 取消 — revoked by staff (e.g. issued in error). */
    REVOKED("取り消し", "この証明書は取り消されています"),
    /** 差替 — replaced by a newly issued certificate. */
    SUPERSEDED("差し替え", "新しい証明書に差し替えられています");

    private static final Map<CertificateState, Set<CertificateState>> ALLOWED = Map.of(
            ISSUED, Set.of(REVOKED, SUPERSEDED),
            REVOKED, Set.of(),
            SUPERSEDED, Set.of());

    private final String label;
    private final String verificationMessage;

    CertificateState(String label, String verificationMessage) {
        this.label = label;
        this.verificationMessage = verificationMessage;
    }

    public String label() {
        return label;
    }

    /** What the public verification page says about a certificate in this state. */
    public String verificationMessage() {
        return verificationMessage;
    }

    public boolean canBecome(CertificateState next) {
        return ALLOWED.get(this).contains(next);
    }
}
