package jp.madoguchi.catalog.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import jp.madoguchi.catalog.Answers;
import jp.madoguchi.catalog.Catalog;
import jp.madoguchi.catalog.CatalogProblem;
import jp.madoguchi.catalog.DeadlineRule;
import jp.madoguchi.catalog.Determination;
import jp.madoguchi.catalog.LifeEvent;
import jp.madoguchi.catalog.LifeEventEvaluator;
import jp.madoguchi.catalog.Persona;
import jp.madoguchi.catalog.Procedure;
import jp.madoguchi.catalog.Question;
import jp.madoguchi.catalog.QuestionType;
import jp.madoguchi.catalog.Questionnaire;
import jp.madoguchi.catalog.Rule;
import jp.madoguchi.kit.OfficeCalendar;

/**
 * Checks a catalog as a whole (docs/catalog.md, "Validation"): references between departments, procedures, events,
 * questions and personas; {@code applies} cycles; questions no rule uses; and, by a seeded search over generated
 * answers plus the personas, questions never asked and rules that never fire.
 */
public final class CatalogValidator {

    /** Answer sets generated per life event in the search. */
    public static final int SAMPLES_PER_EVENT = 4000;

    private final Catalog catalog;
    private final LocalDate today;
    private final List<CatalogProblem> problems = new ArrayList<>();

    private CatalogValidator(Catalog catalog, LocalDate today) {
        this.catalog = catalog;
        this.today = today;
    }

    /** Every problem of {@code catalog}; empty when it is sound. {@code today} anchors the generated dates. */
    public static List<CatalogProblem> validate(Catalog catalog, LocalDate today) {
        CatalogValidator v = new CatalogValidator(catalog, today);
        v.run();
        return List.copyOf(v.problems);
    }

    private void run() {
        for (Procedure p : catalog.procedures().values()) {
            if (!catalog.departments().containsKey(p.department())) {
                problems.add(new CatalogProblem(p.location(), "手続「" + p.code() + "」の担当課「" + p.department()
                        + "」が catalog.yaml の departments にありません"));
            }
        }
        checkForms();
        Set<String> usedProcedures = new HashSet<>();
        for (LifeEvent e : catalog.events().values()) {
            checkEvent(e, usedProcedures);
        }
        for (Procedure p : catalog.procedures().values()) {
            if (!usedProcedures.contains(p.code())) {
                problems.add(new CatalogProblem(p.location(), "手続「" + p.code() + "」（" + p.name()
                        + "）はどのライフイベントのルールにも使われていません"));
            }
        }
        for (Persona persona : catalog.personas()) {
            for (String code : persona.expect().keySet()) {
                if (!catalog.procedures().containsKey(code)) {
                    problems.add(new CatalogProblem(persona.location(), "ペルソナ「" + persona.name() + "」の expect にある手続「"
                            + code + "」がありません"));
                }
            }
        }
        if (problems.isEmpty()) {
            for (LifeEvent e : catalog.events().values()) {
                search(e);
            }
        }
    }

    /**
     * Every form belongs to a procedure that is either applied for online here (its online channel is this platform's
     * form, {@code /apply/<code>}) or done at the municipality's counter (a {@code counter} channel: a counter form,
     * prepared by staff at the one-stop counter and never offered online); every procedure whose online channel points
     * here has a form; a prefilled field has a type that can hold the fact. (Online channels elsewhere — e-Tax,
     * マイナポータル — need no form here.)
     */
    private void checkForms() {
        for (jp.madoguchi.catalog.Form form : catalog.forms().values()) {
            Procedure p = catalog.procedures().get(form.procedure());
            if (p == null) {
                problems.add(new CatalogProblem(form.location(), "申請フォームの手続「" + form.procedure() + "」がありません"));
            } else if (!p.onlineHere() && !p.atCounter()) {
                problems.add(new CatalogProblem(form.location(), "手続「" + p.code() + "」に申請フォームがあるのに、オンラインの受付方法（channels の online）の url が "
                        + p.formUrl() + " になっておらず、窓口（channels の counter）でも受け付けていません"));
            }
            form.allFields().forEach(f -> {
                if (f.prefill() != null && !prefillFits(f)) {
                    problems.add(new CatalogProblem(f.location(), "申請フォーム「" + form.procedure() + "」の項目「" + f.id()
                            + "」（" + f.type().key() + "）には prefill: " + f.prefill().key() + " を使えません"));
                }
            });
        }
        for (Procedure p : catalog.procedures().values()) {
            if (p.onlineHere() && !catalog.forms().containsKey(p.code())) {
                problems.add(new CatalogProblem(p.location(), "手続「" + p.code() + "」（" + p.name()
                        + "）はオンラインで受け付けるのに申請フォーム（forms/" + p.code() + ".yaml）がありません"));
            }
        }
    }

    private static boolean prefillFits(jp.madoguchi.catalog.FormField f) {
        return switch (f.prefill()) {
            case NAME, ADDRESS -> f.type() == jp.madoguchi.catalog.FieldType.TEXT
                    || f.type() == jp.madoguchi.catalog.FieldType.ADDRESS;
            case KANA -> f.type() == jp.madoguchi.catalog.FieldType.KANA;
            case BIRTHDATE -> f.type() == jp.madoguchi.catalog.FieldType.DATE;
            case SEX -> f.type() == jp.madoguchi.catalog.FieldType.CHOICE && f.option("male").isPresent()
                    && f.option("female").isPresent();
            case EMAIL -> f.type() == jp.madoguchi.catalog.FieldType.EMAIL;
        };
    }

    private void checkEvent(LifeEvent e, Set<String> usedProcedures) {
        Set<String> ruleProcedures = new LinkedHashSet<>();
        for (Rule r : e.rules()) {
            ruleProcedures.add(r.procedure());
            Procedure p = catalog.procedures().get(r.procedure());
            if (p == null) {
                problems.add(new CatalogProblem(r.location(), "ルールの手続「" + r.procedure() + "」がありません"));
                continue;
            }
            usedProcedures.add(p.code());
            DeadlineRule d = p.deadline();
            if (d != null && d.hasDate() && !DeadlineRule.FROM_EVENT.equals(d.from())) {
                Question from = e.question(d.from()).orElse(null);
                if (from == null || from.type() != QuestionType.DATE) {
                    problems.add(new CatalogProblem(r.location(), "手続「" + p.code() + "」の期限は質問「" + d.from()
                            + "」の日付から数えますが、ライフイベント「" + e.code() + "」にその日付の質問がありません"));
                }
            }
            if (r.when().isAlwaysFalse()) {
                problems.add(new CatalogProblem(r.location(), "このルールの条件は常に false で、適用されることがありません"));
            }
        }
        // applies('…') must name a procedure of this event; no cycles.
        Map<String, Set<String>> graph = new HashMap<>();
        for (Rule r : e.rules()) {
            for (String target : r.when().appliesReferences()) {
                if (!ruleProcedures.contains(target)) {
                    problems.add(new CatalogProblem(r.location(), "applies('" + target + "') の手続はこのライフイベントのルールにありません"));
                }
                graph.computeIfAbsent(r.procedure(), k -> new LinkedHashSet<>()).add(target);
            }
        }
        for (String start : graph.keySet()) {
            List<String> cycle = findCycle(start, graph, new ArrayList<>(), new HashSet<>());
            if (cycle != null) {
                Rule first = e.rules().stream().filter(r -> r.procedure().equals(start)).findFirst().orElseThrow();
                problems.add(new CatalogProblem(first.location(), "applies が循環しています: " + String.join(" → ", cycle)));
                break;
            }
        }
        // Every question must be used by a rule, another question's askIf or check, a deadline, or be the event date.
        Set<String> used = new HashSet<>();
        used.add(e.eventDate());
        for (Rule r : e.rules()) {
            used.addAll(r.when().names());
            Procedure p = catalog.procedures().get(r.procedure());
            if (p != null && p.deadline() != null) {
                used.add(p.deadline().from());
            }
        }
        for (Question q : e.questions()) {
            if (q.askIf() != null) {
                used.addAll(q.askIf().names());
            }
            // A question another question's check reads (出産予定日 for a birth date's check) is used.
            for (Question.Check c : q.checks()) {
                c.when().names().stream().filter(n -> !n.equals(q.id())).forEach(used::add);
            }
            for (Question f : q.fields()) {
                for (Question.Check c : f.checks()) {
                    c.when().names().stream().filter(n -> !n.equals(f.id())).forEach(used::add);
                }
            }
        }
        for (Question q : e.questions()) {
            if (!used.contains(q.id())) {
                problems.add(new CatalogProblem(q.location(), "質問「" + q.id() + "」の回答はどのルールにも askIf にも使われていません（聞く意味がありません）"));
            }
            for (Question f : q.fields()) {
                if (!used.contains(f.id())) {
                    problems.add(new CatalogProblem(f.location(), "質問「" + q.id() + "」の項目「" + f.id() + "」はどのルールにも使われていません"));
                }
            }
        }
    }

    private static List<String> findCycle(String node, Map<String, Set<String>> graph, List<String> path,
            Set<String> done) {
        if (path.contains(node)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        if (!done.add(node)) {
            return null;
        }
        path.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            List<String> c = findCycle(next, graph, path, done);
            if (c != null) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    /** Generated answers plus personas: is every question asked and every rule fired at least once? */
    private void search(LifeEvent e) {
        Set<String> asked = new HashSet<>();
        Set<String> firedRules = new HashSet<>();
        OfficeCalendar calendar = OfficeCalendar.standard();
        List<Answers> samples = new ArrayList<>();
        for (Persona p : catalog.personas()) {
            if (p.event().equals(e.code())) {
                samples.add(Answers.read(e, p.answers()));
            }
        }
        Random random = new Random(e.code().hashCode() * 31L + 20261122L);
        for (int i = 0; i < SAMPLES_PER_EVENT; i++) {
            samples.add(generate(e, random));
        }
        for (Answers answers : samples) {
            Questionnaire q = LifeEventEvaluator.questionnaire(e, answers, today);
            q.asked().forEach(question -> asked.add(question.id()));
            if (!q.complete()) {
                continue;
            }
            Determination d = LifeEventEvaluator.determine(catalog, e, q.answers(), today, calendar);
            d.procedures().forEach(p -> p.rules().forEach(r -> firedRules.add(r.id())));
        }
        for (Question q : e.questions()) {
            if (!asked.contains(q.id())) {
                problems.add(new CatalogProblem(q.location(), "質問「" + q.id() + "」は、" + samples.size()
                        + "通りの回答で試してもいちども聞かれませんでした（askIf の条件を確認してください）"));
            }
        }
        for (Rule r : e.rules()) {
            if (!firedRules.contains(r.id())) {
                problems.add(new CatalogProblem(r.location(), "手続「" + r.procedure() + "」のこのルールは、" + samples.size()
                        + "通りの回答で試してもいちども適用されませんでした（条件「" + r.when().source() + "」、または手続の有効期間を確認してください）"));
            }
        }
    }

    /** One random, loosely plausible answer set: event dates around today, other dates from 0 to 105 years back. */
    private Answers generate(LifeEvent e, Random random) {
        Map<String, Object> raw = new LinkedHashMap<>();
        LocalDate event = today.plusDays(random.nextInt(730) - 365);
        for (Question q : e.questions()) {
            raw.put(q.id(), q.id().equals(e.eventDate()) ? event : value(q, event, random));
        }
        return Answers.read(e, raw);
    }

    private Object value(Question q, LocalDate event, Random random) {
        return switch (q.type()) {
            case BOOLEAN -> random.nextBoolean();
            case DATE -> switch (random.nextInt(4)) {
                case 0 -> event.plusDays(random.nextInt(61) - 30);
                case 1 -> event.minusDays(random.nextInt(365 * 19));
                default -> event.minusDays(random.nextInt(365 * 105));
            };
            case CHOICE -> q.options().get(random.nextInt(q.options().size())).value();
            case MULTI -> q.options().stream().filter(o -> random.nextInt(3) == 0).map(Question.Option::value).toList();
            case NUMBER -> {
                int min = q.min() == null ? 0 : q.min();
                int max = q.max() == null ? min + 10 : Math.min(q.max(), min + 10);
                yield (long) (min + random.nextInt(max - min + 1));
            }
            case GROUP -> {
                int min = Math.max(1, q.min() == null ? 1 : q.min());
                int max = q.max() == null ? min + 3 : Math.min(q.max(), min + 3);
                int n = min + random.nextInt(max - min + 1);
                List<Map<String, Object>> items = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    for (Question f : q.fields()) {
                        item.put(f.id(), value(f, event, random));
                    }
                    items.add(item);
                }
                yield items;
            }
        };
    }
}
