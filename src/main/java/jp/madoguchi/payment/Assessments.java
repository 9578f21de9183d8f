package jp.madoguchi.payment;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.audit.AuditEvent;

/**
 * 調定 — what payers owe, per fund: funds as data, assessments and their installments, created in the office or
 * imported from CSV. Everything runs in the current tenant and appends audit events.
 */
public interface Assessments {

    /** Adds or updates a fund of the current municipality. */
    void defineFund(Fund fund, AuditEvent.Actor actor);

    /** The funds of the current municipality, by 科目番号. */
    List<Fund> funds();

    /**
     * Creates an assessment with its installments, numbering each installment's 納付番号.
     *
     * @return the new assessment's id
     * @throws AssessmentException (Japanese message) when the fund is unknown, the 宛名番号 malformed, the
     *     assessment exists, or an installment is invalid
     */
    long create(NewAssessment assessment, String source, AuditEvent.Actor actor);

    /**
     * Imports assessments from CSV (columns 科目コード, 年度, 調定番号, 宛名番号, 期別, 納期限, 金額; one row per
     * installment; header required). All rows are validated first; any bad row rejects the whole file. Rows already
     * imported with the same content are left as they are, so importing a file twice changes nothing.
     *
     * @param charset the file's character set, or null to detect (BOM or valid UTF-8 → UTF-8, otherwise CP932)
     */
    AssessmentImportReport importCsv(byte[] file, Charset charset, AuditEvent.Actor actor);

    /** Cancels an unpaid installment (調定取消); payments that arrive later are quarantined. */
    void cancelInstallment(long installmentId, String reason, AuditEvent.Actor actor);

    /** The installment with this 納付番号. */
    Optional<Installment> installment(String paymentNumber);

    /** The installments of one payer, newest year first. */
    List<Installment> installmentsOf(String atenaNumber);

    /** The most recent installments (office list), newest first. */
    List<Installment> recentInstallments(int limit);
}
