package jp.madoguchi.certificate;

import java.util.Map;
import java.util.Set;

/** The state of an issued certificate, with its allowed transitions (the one place they are defined). */
public enum CertificateState {
    /** 有効 — issued and valid. */
    ISSUED("有効"),
    /** 取消 — revoked by staff (e.g. issued in error). */
    REVOKED("取り消し"),
    /** 差替 — replaced by a newly issued certificate. */
    SUPERSEDED("差し替え");

    private static final Map<CertificateState, Set<CertificateState>> ALLOWED = Map.of(
            ISSUED, Set.of(REVOKED, SUPERSEDED),
            REVOKED, Set.of(),
            SUPERSEDED, Set.of());

    private final String label;

    CertificateState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canBecome(CertificateState next) {
        return ALLOWED.get(this).contains(next);
    }
}
