package jp.madoguchi.payment;

import java.util.List;

/**
 * The result of importing assessments from CSV. Nothing was committed when {@link #problems()} is not empty.
 *
 * @param charset the character set the file was read in (UTF-8 or windows-31j)
 * @param rows data rows read
 * @param created installments created
 * @param unchanged installments already present with the same content (a re-import)
 * @param problems each bad row with its number and reason
 */
public record AssessmentImportReport(String charset, int rows, int created, int unchanged, List<LineProblem> problems) {

    public AssessmentImportReport {
        problems = List.copyOf(problems);
    }

    public boolean committed() {
        return problems.isEmpty();
    }
}
