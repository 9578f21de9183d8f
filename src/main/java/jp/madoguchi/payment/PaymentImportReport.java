package jp.madoguchi.payment;

import java.util.List;

/**
 * What importing one payment file did.
 *
 * @param outcome committed, rejected, or already imported (the same bytes were imported before: nothing changed)
 * @param fileId the stored file's id (the earlier one when already imported; 0 when rejected)
 * @param format the format id
 * @param records good records read
 * @param applied records that changed an installment (or were direct-debit failures, listed)
 * @param quarantined records kept aside unmatched, with their reason
 * @param duplicates records already imported from another file (skipped)
 * @param totalAmount the sum of the good records' amounts
 * @param problems bad lines and file problems, each with line number and reason; for GOOD_LINES they are kept
 *     with the file, for a rejected file nothing was committed
 */
public record PaymentImportReport(Outcome outcome, long fileId, String format, int records, int applied,
        int quarantined, int duplicates, long totalAmount, List<LineProblem> problems) {

    public PaymentImportReport {
        problems = List.copyOf(problems);
    }

    /** How the import ended. */
    public enum Outcome {
        COMMITTED("取り込みました"),
        REJECTED("取り込みませんでした（誤りがあります）"),
        ALREADY_IMPORTED("同じファイルは取込済みです（何も変更していません）");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
