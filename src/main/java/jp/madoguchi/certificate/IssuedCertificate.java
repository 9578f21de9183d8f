package jp.madoguchi.certificate;

import java.time.Instant;

/**
 * 交付した証明書.
 *
 * @param id record id
 * @param issueNumber 発行番号 (e.g. 2026-000123)
 * @param type the certificate
 * @param verificationCode the code printed on it (shown once; only its hash is stored)
 * @param pdf the signed PDF
 * @param legalBasis 根拠条文
 * @param feeTotal 手数料 (yen, all copies)
 * @param copies 通数
 * @param issuedAt when
 */
public record IssuedCertificate(long id, String issueNumber, CertificateType type, String verificationCode, byte[] pdf,
        String legalBasis, int feeTotal, int copies, Instant issuedAt) {
}
