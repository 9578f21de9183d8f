package jp.madoguchi.counter.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.madoguchi.catalog.FieldType;
import jp.madoguchi.catalog.Form;
import jp.madoguchi.catalog.FormField;
import jp.madoguchi.catalog.FormInput;

/**
 * 事前記入 — fills a form from what the municipality already knows: the visitor's register record (fields declaring
 * {@code prefill:}), the deceased's record for the おくやみ fields ({@code deceasedName}, {@code deceasedKana},
 * {@code deceasedBirthDate}, {@code deceasedAddress}, {@code deathDate}), the questionnaire's answers (a field whose
 * id is a question's id) and the household's children (a group field {@code children}). Returns the raw values (as a
 * draft keeps them) and the paths it filled.
 */
final class CounterPrefill {

    /** The paths of the declaration the visitor makes with the attested tick on the tablet. */
    static final String DECLARATION = "declaration";

    record Result(Map<String, Object> raw, Set<String> prefilled) {
    }

    private CounterPrefill() {
    }

    static Result fill(Form form, PersonFacts visitor, PersonFacts deceased, Map<String, Object> answers,
            List<PersonFacts> children) {
        Map<String, Object> raw = new LinkedHashMap<>();
        Set<String> filled = new LinkedHashSet<>();
        for (FormField f : form.fields()) {
            if (f.isGroup()) {
                if (f.id().equals("children") && !children.isEmpty()) {
                    List<Map<String, Object>> items = new ArrayList<>();
                    for (int i = 0; i < children.size(); i++) {
                        PersonFacts c = children.get(i);
                        Map<String, Object> item = new LinkedHashMap<>();
                        for (FormField sub : f.fields()) {
                            Object v = switch (sub.id()) {
                                case "name" -> c.name();
                                case "kana" -> c.nameKana();
                                case "birthDate" -> c.birthDate() == null ? null : FormInput.rawDate(c.birthDate());
                                case "relationship" -> "子".equals(c.relationship()) && sub.option("child").isPresent()
                                        ? "child" : null;
                                case "livingTogether" -> sub.type() == FieldType.BOOLEAN ? "true" : null;
                                default -> null;
                            };
                            if (v != null) {
                                item.put(sub.id(), v);
                                filled.add(f.id() + "[" + (i + 1) + "]." + sub.id());
                            }
                        }
                        items.add(item);
                    }
                    raw.put(f.id(), items);
                }
                continue;
            }
            Object v = value(f, visitor, deceased, answers);
            if (v != null) {
                raw.put(f.id(), v);
                filled.add(f.id());
            }
        }
        return new Result(raw, filled);
    }

    private static Object value(FormField f, PersonFacts visitor, PersonFacts deceased, Map<String, Object> answers) {
        if (f.prefill() != null) {
            return switch (f.prefill()) {
                case NAME -> visitor.name();
                case KANA -> visitor.nameKana();
                case BIRTHDATE -> date(visitor.birthDate());
                case ADDRESS -> visitor.address();
                case SEX -> f.option(visitor.sex()).isPresent() ? visitor.sex() : null;
                case EMAIL -> null;
            };
        }
        if (deceased != null) {
            switch (f.id()) {
                case "deceasedName" -> {
                    return deceased.name();
                }
                case "deceasedKana" -> {
                    return deceased.nameKana();
                }
                case "deceasedBirthDate" -> {
                    return date(deceased.birthDate());
                }
                case "deceasedAddress" -> {
                    return deceased.address();
                }
                default -> {
                }
            }
        }
        Object answer = answers.get(f.id());
        if (answer == null) {
            return null;
        }
        return switch (f.type()) {
            case DATE -> answer instanceof LocalDate d ? date(d) : null;
            case BOOLEAN -> Boolean.TRUE.equals(answer) ? "true" : null;
            case CHOICE -> f.option(String.valueOf(answer)).isPresent() ? String.valueOf(answer) : null;
            case TEXT, NUMBER -> String.valueOf(answer);
            default -> null;
        };
    }

    private static String date(LocalDate d) {
        return d == null ? null : FormInput.rawDate(d);
    }
}
