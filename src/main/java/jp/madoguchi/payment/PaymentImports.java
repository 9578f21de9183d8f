package jp.madoguchi.payment;

import java.util.List;
import jp.madoguchi.audit.AuditEvent;

/**
 * 収納データ取込 — imports a payment file through one of the registered {@link PaymentFileFormat formats} and
 * reconciles it (消込) in the same transaction: set-based (COPY into a staging table, SQL joins), idempotent (the
 * file's SHA-256 and each record's key), all-or-nothing or good-lines-only as the caller chooses.
 */
public interface PaymentImports {

    /** The formats on offer. */
    List<PaymentFileFormat> formats();

    /**
     * Imports and reconciles one file in the current tenant.
     *
     * @throws IllegalArgumentException when the format id is unknown
     */
    PaymentImportReport importFile(String formatId, String fileName, byte[] content, ImportPolicy policy,
            AuditEvent.Actor actor);

    /** The problems kept with a file imported under {@link ImportPolicy#GOOD_LINES}. */
    List<LineProblem> problemsOf(long fileId);
}
