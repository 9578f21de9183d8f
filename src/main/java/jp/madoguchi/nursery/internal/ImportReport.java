package jp.madoguchi.nursery.internal;

import java.util.List;

/**
 * The result of a CSV import.
 *
 * @param kind 「施設・受入可能数」 or 「申込」
 * @param charset the character set the file was read in
 * @param rows data rows read
 * @param created facilities or families added
 * @param updated facilities or families changed
 * @param unchanged facilities or families already stored with the same content
 * @param problems each bad row with its row, column and reason
 * @param heldBack rows held back with a bad row of their family (GOOD_ROWS)
 * @param committed whether anything was stored (false: refused as a whole)
 * @param alreadyImported the same file had been imported before: nothing changed
 */
public record ImportReport(String kind, String charset, int rows, int created, int updated, int unchanged,
        List<ImportProblem> problems, List<ImportProblem> heldBack, boolean committed, boolean alreadyImported) {

    public ImportReport {
        problems = List.copyOf(problems);
        heldBack = List.copyOf(heldBack);
    }

    /** Rows not imported. */
    public int quarantined() {
        return (int) problems.stream().filter(p -> p.row() > 1).map(ImportProblem::row).distinct().count()
                + heldBack.size();
    }
}
