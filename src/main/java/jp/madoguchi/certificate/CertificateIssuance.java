package jp.madoguchi.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.Channel;

/**
 * 証明書の交付 — the one service entry point for every channel: the counter ({@code /office/certificates}), postal
 * requests entered by staff, and a kiosk page (to come: it calls {@link #issue} with {@link IssuanceRequest#kiosk}).
 * Runs in the current tenant.
 */
public interface CertificateIssuance {

    /**
     * Checks who may get what, reads the register (audited), renders, signs and records the certificate; sends the
     * 本人通知 where due.
     *
     * @throws CertificateRefusedException with a Japanese reason when the request must not be granted; the refusal
     *     is recorded (table {@code certificate_refusal} and the audit trail) and nothing is issued
     */
    IssuedCertificate issue(IssuanceRequest request);

    /** The fee of one copy for a type and channel (from configuration). */
    int feePerCopy(CertificateType type, Channel channel, RequestType requestType);

    /** The issued PDF, if the certificate exists in the current municipality. */
    Optional<byte[]> pdf(long id);

    /** Issued certificates of one day, newest first. */
    List<IssuanceSummary> issuedOn(LocalDate day);

    /** Refused requests of one day, newest first. */
    List<Refusal> refusedOn(LocalDate day);

    /** 取消 — revokes a certificate (reason required); the verification page then says it was revoked. */
    void revoke(long id, String reason, AuditEvent.Actor actor);

    /** 差替 — marks {@code oldId} as replaced by the already issued {@code newId}. */
    void supersede(long oldId, long newId, String reason, AuditEvent.Actor actor);

    /** 日計表 — totals per day, channel and payment method. */
    List<DailyCashTotal> dailyReport(LocalDate from, LocalDate to);

    /** 日計表 as CSV (UTF-8 with BOM, CRLF). */
    String dailyReportCsv(LocalDate from, LocalDate to);

    /** One issued certificate as staff see it (no personal data beyond the 宛名番号). */
    record IssuanceSummary(long id, String issueNumber, CertificateType type, String subjectAtena,
            RequestType requestType, Channel channel, int copies, int feeTotal, PaymentMethod paymentMethod,
            String legalBasis, CertificateState state, String stateReason, Instant issuedAt, String issuedBy) {
    }

    /** One refused request. */
    record Refusal(long id, CertificateType type, String subjectAtena, RequestType requestType, Channel channel,
            RefusalReason reason, String message, Instant refusedAt, String refusedBy) {
    }

    /** One row of the 日計表. */
    record DailyCashTotal(LocalDate day, Channel channel, PaymentMethod paymentMethod, int certificates, int copies,
            long amount) {
    }
}
