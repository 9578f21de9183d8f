package jp.madoguchi.certificate;

import java.time.Instant;
import java.util.Optional;

/**
 * 証明書の真正性の確認 — what the public verification page ({@code /verify}) answers: by the printed verification
 * code, and for an uploaded PDF by its signature.
 */
public interface CertificateVerification {

    /** The certificate with this verification code in municipality {@code municipalityCode}, if any. */
    Optional<Verified> byCode(String municipalityCode, String code);

    /** Page 1 of the certificate with this code rendered as PNG (to compare with a paper copy). */
    Optional<byte[]> page1Png(String municipalityCode, String code);

    /** Checks an uploaded PDF: its signature, the signer, whether anything was changed, and its issuance record. */
    PdfCheck check(byte[] pdf);

    /**
     * What the page shows for a code.
     *
     * @param type the certificate
     * @param issueNumber 発行番号
     * @param issuedAt when
     * @param municipalityName 発行自治体
     * @param state valid, revoked or superseded
     * @param text the certificate's text (as extracted from the PDF) to compare
     */
    record Verified(CertificateType type, String issueNumber, Instant issuedAt, String municipalityName,
            CertificateState state, String text) {
    }

    /**
     * The result of checking a PDF.
     *
     * @param outcome the verdict
     * @param message a Japanese explanation
     * @param signer the signer certificate's subject, or null
     * @param issuance the matching issuance, if the file is one we issued, unchanged
     */
    record PdfCheck(Outcome outcome, String message, String signer, Optional<Verified> issuance) {
    }

    /** Verdicts of a PDF check. */
    enum Outcome {
        /** 署名が有効で、発行した証明書と一致する. */
        GENUINE,
        /** 署名は有効だが、取り消された／差し替えられた証明書. */
        GENUINE_BUT_INVALIDATED,
        /** 署名が有効だが、この自治体の鍵ではない、または発行記録がない. */
        UNKNOWN_SIGNER,
        /** 署名の後に内容が変更された、または署名が一致しない. */
        TAMPERED,
        /** 署名がない、または PDF として読めない. */
        NOT_SIGNED
    }
}
