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
 * 事前記入 — fills a form from what the municipality already knows (docs/counter.md, "Prefill"):
 * <ul>
 * <li>fields declaring {@code prefill:} from the visitor's register record;</li>
 * <li>the deceased's record: {@code deceasedName}, {@code deceasedKana}, {@code deceasedBirthDate},
 * {@code deceasedAddress}; {@code lossDate} (資格喪失日 = the day after the death) and {@code lossReason}
 * {@code death};</li>
 * <li>the questionnaire's answers (a field whose id is a question's id, e.g. {@code deathDate}, {@code insurance});</li>
 * <li>the register's relations: {@code relationToDeceased} (the visitor's 続柄 to the deceased, when they share a
 * household and one of them is its head), {@code sameHousehold}, {@code relationshipToDeceased} (the children's, when
 * they are the deceased head's 子), the group {@code household} (the deceased's remaining household) and the group
 * {@code children} (the visitor's household's children under 19);</li>
 * <li>{@code accountHolderKana} from the visitor's kana: the forms pay only to the applicant's own account.</li>
 * </ul>
 * Returns the raw values (as a draft keeps them) and the paths it filled.
 */
final class CounterPrefill {

    /** The paths of the declaration the visitor makes with the attested tick on the tablet. */
    static final String DECLARATION = "declaration";

    /** What the counter knows for a visit: the register's records and the answers. */
    record Sources(PersonFacts visitor, PersonFacts deceased, Map<String, Object> answers, List<PersonFacts> children,
            List<PersonFacts> household) {

        Sources {
            answers = answers == null ? Map.of() : answers;
            children = children == null ? List.of() : List.copyOf(children);
            household = household == null ? List.of() : List.copyOf(household);
        }

        boolean sameHousehold() {
            return deceased != null && visitor.householdNumber() != null
                    && visitor.householdNumber().equals(deceased.householdNumber());
        }

        /**
         * The visitor's 続柄 to the deceased as the register shows it: the register's 続柄 is to the 世帯主, so it is
         * known when both share a household and one of them is its head; otherwise {@code null}.
         */
        String relationToDeceased() {
            if (!sameHousehold()) {
                return null;
            }
            if ("世帯主".equals(deceased.relationship())) {
                return visitor.relationship();
            }
            if ("世帯主".equals(visitor.relationship())) {
                String parent = "女".equals(visitor.sex()) ? "母" : "男".equals(visitor.sex()) ? "父" : null;
                return switch (deceased.relationship() == null ? "" : deceased.relationship()) {
                    case "妻" -> "夫";
                    case "夫" -> "妻";
                    case "子" -> parent;
                    case "父", "母" -> "子";
                    default -> null;
                };
            }
            return null;
        }
    }

    record Result(Map<String, Object> raw, Set<String> prefilled) {
    }

    private CounterPrefill() {
    }

    static Result fill(Form form, Sources s) {
        Map<String, Object> raw = new LinkedHashMap<>();
        Set<String> filled = new LinkedHashSet<>();
        for (FormField f : form.fields()) {
            if (f.isGroup()) {
                List<PersonFacts> people = switch (f.id()) {
                    case "children" -> s.children();
                    case "household" -> s.deceased() == null ? List.of() : s.household();
                    default -> List.of();
                };
                if (!people.isEmpty()) {
                    raw.put(f.id(), items(f, people, filled));
                }
                continue;
            }
            Object v = value(f, s);
            if (v != null) {
                raw.put(f.id(), v);
                filled.add(f.id());
            }
        }
        return new Result(raw, filled);
    }

    private static List<Map<String, Object>> items(FormField group, List<PersonFacts> people, Set<String> filled) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            PersonFacts c = people.get(i);
            Map<String, Object> item = new LinkedHashMap<>();
            for (FormField sub : group.fields()) {
                Object v = switch (sub.id()) {
                    case "name" -> c.name();
                    case "kana" -> c.nameKana();
                    case "birthDate" -> c.birthDate() == null ? null : FormInput.rawDate(c.birthDate());
                    case "relationship" -> sub.type() == FieldType.TEXT ? c.relationship()
                            : "子".equals(c.relationship()) && sub.option("child").isPresent() ? "child" : null;
                    case "livingTogether" -> sub.type() == FieldType.BOOLEAN ? "true" : null;
                    default -> null;
                };
                if (v != null) {
                    item.put(sub.id(), v);
                    filled.add(group.id() + "[" + (i + 1) + "]." + sub.id());
                }
            }
            items.add(item);
        }
        return items;
    }

    private static Object value(FormField f, Sources s) {
        PersonFacts visitor = s.visitor();
        PersonFacts deceased = s.deceased();
        if (f.prefill() != null) {
            return switch (f.prefill()) {
                case NAME -> visitor.name();
                case KANA -> visitor.nameKana();
                case BIRTHDATE -> date(visitor.birthDate());
                case ADDRESS -> visitor.address();
                case SEX -> {
                    String sex = "男".equals(visitor.sex()) ? "male" : "女".equals(visitor.sex()) ? "female" : null;
                    yield sex != null && f.option(sex).isPresent() ? sex : null;
                }
                case EMAIL -> null;
            };
        }
        if (f.id().equals("accountHolderKana") && f.type() == FieldType.KANA) {
            return visitor.nameKana();
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
                case "lossReason" -> {
                    return f.type() == FieldType.CHOICE && f.option("death").isPresent() ? "death" : null;
                }
                case "lossDate" -> {
                    return f.type() == FieldType.DATE && s.answers().get("deathDate") instanceof LocalDate d
                            ? date(d.plusDays(1)) : null;
                }
                case "relationToDeceased" -> {
                    return f.type() == FieldType.TEXT ? s.relationToDeceased() : null;
                }
                case "sameHousehold" -> {
                    return f.type() == FieldType.BOOLEAN && s.sameHousehold() ? "true" : null;
                }
                case "relationshipToDeceased" -> {
                    boolean childrenOfTheHead = "世帯主".equals(deceased.relationship()) && s.sameHousehold()
                            && !s.children().isEmpty()
                            && s.children().stream().allMatch(c -> "子".equals(c.relationship()));
                    return f.type() == FieldType.TEXT && childrenOfTheHead ? "子" : null;
                }
                default -> {
                }
            }
        }
        Object answer = s.answers().get(f.id());
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
