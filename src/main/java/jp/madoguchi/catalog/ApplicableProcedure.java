package jp.madoguchi.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A procedure that applies to the resident: why (the rules that fired, and the questions whose answers made them
 * fire), and by when.
 *
 * @param deadline the deadline's date; empty when the rule has only a note or its start date is unknown
 */
public record ApplicableProcedure(Procedure procedure, List<Rule> rules, List<String> triggeringQuestions,
        Optional<LocalDate> deadline) {

    /** The distinct reasons, in rule order. */
    public List<String> reasons() {
        return rules.stream().map(Rule::reason).distinct().toList();
    }
}
