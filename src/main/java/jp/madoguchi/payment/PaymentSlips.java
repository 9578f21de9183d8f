package jp.madoguchi.payment;

import java.util.Optional;
import jp.madoguchi.audit.AuditEvent;

/**
 * 納付書 — payment slips as PDF (A4, one page per installment, Japanese font embedded): title, municipality, payer's
 * 宛名番号, fund, 年度 and 期別, amount, due date in 和暦, the convenience-store GS1-128 barcode with its digits, the
 * Pay-easy numbers and the eL番号 fields when stored. Runs in the current tenant.
 */
public interface PaymentSlips {

    /**
     * The slip of one installment of the current municipality.
     *
     * @return the PDF, or empty when the municipality has no such installment
     * @throws SlipException (Japanese message) when the installment cannot be printed (paid, cancelled, a
     *     character the font lacks)
     */
    Optional<byte[]> slip(long installmentId, AuditEvent.Actor actor);

    /**
     * One PDF with a page for every open (未納 or 一部納付) installment of a fund, 年度 and 期別, ordered by 納付番号.
     *
     * @throws SlipException (Japanese message) when the fund is unknown, nothing is open, or a page cannot be printed
     */
    SlipBatch batch(String fundCode, int fiscalYear, int installmentNumber, AuditEvent.Actor actor);

    /**
     * A generated batch.
     *
     * @param pdf the document
     * @param pages the number of slips (pages)
     * @param millis the time taken to render, in milliseconds
     */
    record SlipBatch(byte[] pdf, int pages, long millis) {
    }

    /** A slip that cannot be printed, with the reason in Japanese. */
    class SlipException extends RuntimeException {

        public SlipException(String message) {
            super(message);
        }
    }
}
