package jp.madoguchi.payment;

import java.time.LocalDate;
import java.util.Set;

/**
 * 収納データ形式 — a plug-in that reads one kind of payment file (a convenience-store agent's result CSV, a bank's
 * 全銀 口座振替 result, another agent's CSV). Every Spring bean implementing it is offered by the import; its
 * {@link #id()} selects it.
 *
 * <p>A format only reads: it checks every line and reports each bad one with its number and a Japanese reason, and
 * reports problems of the file as a whole (cut off, totals that disagree, wrong encoding). It never touches the
 * database: staging, idempotency and reconciliation are the import's job.
 */
public interface PaymentFileFormat {

    /** Stable id used in URLs and stored with each file ({@code convenience-store-csv}). */
    String id();

    /** Japanese name shown when choosing the format. */
    String label();

    /** Reads {@code file}, passing each good record and each problem to {@code sink}, in file order. */
    void read(byte[] file, Context context, Sink sink);

    /**
     * What a format may need to know about the municipality.
     *
     * @param companyCodes the コンビニ収納 企業コード of the municipality's funds (barcodes with another are bad lines)
     * @param today the import day (for files that write dates without the year)
     */
    record Context(Set<String> companyCodes, LocalDate today) {
    }

    /** Receives what a format reads. */
    interface Sink {
        /** A good record. */
        void payment(ParsedPayment payment);

        /** A bad line, with its number and the reason in Japanese. */
        void lineProblem(int line, String reason);

        /** A problem of the file as a whole (cut off, totals disagree, wrong encoding): the file is rejected. */
        void fileProblem(String reason);
    }
}
