package jp.madoguchi.payment;

import java.util.List;
import jp.madoguchi.audit.AuditEvent;

/**
 * 消込の手作業 — the records reconciliation could not match (quarantine), matching them by hand, and the refund list.
 */
public interface Reconciliation {

    /** Quarantined records of the current municipality, oldest first. */
    List<PaymentRecordView> quarantine(int limit);

    /**
     * Applies a quarantined record to the installment with {@code paymentNumber}, exactly as if the file had carried
     * that number (the same reconciliation SQL), appends an audit event with the staff member and note, and marks
     * the quarantined record resolved.
     *
     * @return the record created by the match (its outcome says whether it applied or was quarantined again)
     * @throws AssessmentException (Japanese) when the record is not quarantined or the number is unknown
     */
    PaymentRecordView matchManually(long recordId, String paymentNumber, String note, AuditEvent.Actor actor);

    /** The payment records of one installment, oldest first. */
    List<PaymentRecordView> recordsOf(long installmentId);

    /** Open entries of the refund list, oldest first. */
    List<Refund> openRefunds(int limit);

    /** Marks a refund-list entry settled (返還・充当 done outside), with an audit event. */
    void settleRefund(long refundId, String note, AuditEvent.Actor actor);
}
