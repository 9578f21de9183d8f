package jp.madoguchi.catalog;

import java.util.List;
import java.util.Optional;
import jp.madoguchi.catalog.rules.Expression;

/**
 * A question of a life event, or a field of a group question.
 *
 * @param askIf asked only when this holds (given the answers before it); {@code null} = always
 * @param checks conditions that make an answer impossible, with the message to show
 * @param options for choice and multi questions
 * @param min for number: the smallest value; for group: the fewest items
 * @param max for number: the largest value; for group: the most items
 * @param itemLabel for group: how one item is called (「お子さん」)
 * @param fields for group: the fields of each item
 */
public record Question(String id, QuestionType type, String text, String help, Expression askIf,
        List<Check> checks, List<Option> options, Integer min, Integer max, String itemLabel, List<Question> fields,
        SourceLocation location) {

    /** A choice. */
    public record Option(String value, String label) {
    }

    /** A condition over the answer that makes it impossible, and the message saying so. */
    public record Check(Expression when, String message, SourceLocation location) {
    }

    /** The {@code askIf} condition as written, or {@code null}. */
    public String askIfSource() {
        return askIf == null ? null : askIf.source();
    }

    public Optional<Option> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }

    public Optional<Question> field(String fieldId) {
        return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
    }
}
