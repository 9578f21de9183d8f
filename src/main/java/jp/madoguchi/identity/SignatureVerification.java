package jp.madoguchi.identity;

import java.io.Serializable;
import java.util.Objects;

/**
 * The result of verifying an electronic signature (電子署名の検証結果).
 *
 * @param outcome what was found
 * @param reason a Japanese explanation for the resident and for staff (no personal data)
 * @param signer the signing certificate, or {@code null} when the signature could not be parsed
 */
public record SignatureVerification(Outcome outcome, String reason, SignerCertificate signer)
        implements Serializable {

    public SignatureVerification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the signature is valid: made over exactly the submitted content, with a trusted, current key. */
    public boolean valid() {
        return outcome == Outcome.VALID;
    }

    /** What the verification found; everything but {@link #VALID} refuses the signature. */
    public enum Outcome {
        /** 有効. */
        VALID,
        /** 署名データの形式が正しくない (not a CMS SignedData with exactly one signer and its certificate). */
        MALFORMED,
        /** 署名された内容と送信された内容が一致しない, or the signature value does not verify. */
        CONTENT_MISMATCH,
        /** 信頼できる認証局が発行した証明書ではない. */
        UNTRUSTED_ISSUER,
        /** 証明書の有効期間が切れている. */
        EXPIRED,
        /** 証明書の有効期間がまだ始まっていない. */
        NOT_YET_VALID,
        /** 証明書が失効している (listed in the issuer's CRL). */
        REVOKED,
        /** 電子署名用の証明書ではない (no digitalSignature or nonRepudiation key usage). */
        WRONG_KEY_USAGE,
        /** 失効情報を確認できない (no current CRL of the issuer): refused. */
        REVOCATION_UNKNOWN
    }
}
