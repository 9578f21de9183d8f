package jp.madoguchi.catalog;

import java.util.List;
import java.util.Optional;
import jp.madoguchi.catalog.rules.Expression;

/**
 * A field of an application form, or a field of a group's items.
 *
 * @param when shown and asked only when this holds (over the fields before it); {@code null} = always
 * @param checks conditions that make a value impossible, with the message to show
 * @param min for number and money: the smallest value; for group: the fewest items
 * @param max for number and money: the largest value; for group: the most items
 * @param maxLength for text-like fields: the most characters
 * @param pattern for text-like fields: a regular expression the whole value must match
 * @param patternMessage what to tell the resident when {@code pattern} does not match
 * @param prefill filled from the resident's identity (once-only), or {@code null}
 * @param accept for attachments: the allowed kinds ({@code pdf}, {@code png}, {@code jpeg})
 */
public record FormField(String id, FieldType type, String label, String help, boolean required, Expression when,
        List<Question.Check> checks, List<Question.Option> options, Integer min, Integer max, Integer maxLength,
        String pattern, String patternMessage, Prefill prefill, String itemLabel, List<FormField> fields,
        List<String> accept, SourceLocation location) {

    public Optional<Question.Option> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }

    public Optional<FormField> field(String fieldId) {
        return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
    }

    public boolean isGroup() {
        return type == FieldType.GROUP;
    }
}
