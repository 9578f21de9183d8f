package jp.madoguchi.identity;

/** The outcome of verifying a signature, with the reason in Japanese. */
public record SignatureVerification(Outcome outcome, String reason, SignerCertificate signer) {

    public boolean valid() {
        return outcome == Outcome.VALID;
    }

    public enum Outcome {
        VALID, MALFORMED, CONTENT_MISMATCH, UNTRUSTED_ISSUER, EXPIRED, NOT_YET_VALID, REVOKED, WRONG_KEY_USAGE,
        REVOCATION_UNKNOWN
    }
}
