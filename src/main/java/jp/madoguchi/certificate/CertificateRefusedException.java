package jp.madoguchi.certificate;

/** A request that must not be granted, with a Japanese reason for staff. Nothing was printed or issued. */
public final class CertificateRefusedException extends RuntimeException {

    private final RefusalReason reason;

    public CertificateRefusedException(RefusalReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RefusalReason reason() {
        return reason;
    }
}
