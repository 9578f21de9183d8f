package jp.madoguchi.nursery.internal;

import java.util.List;

/**
 * The result of importing a rules CSV ({@link RulesCsv}).
 *
 * @param charset the character set the file was read in
 * @param rows data lines read
 * @param diff what changed (nothing when refused or when the file holds the round's rules already)
 * @param problems every problem with its line and column; any problem refuses the whole file
 * @param committed whether the round's rules were replaced
 */
public record RulesImportReport(String charset, int rows, CriteriaTable.Diff diff, List<ImportProblem> problems,
        boolean committed) {

    public RulesImportReport {
        problems = List.copyOf(problems);
    }

    /** The file held exactly the round's rules: nothing changed. */
    public boolean unchanged() {
        return problems.isEmpty() && !committed;
    }
}
