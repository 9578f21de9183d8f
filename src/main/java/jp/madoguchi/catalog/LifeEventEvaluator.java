package jp.madoguchi.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.madoguchi.catalog.rules.Env;
import jp.madoguchi.kit.OfficeCalendar;

/**
 * The rule engine: walks a life event's questionnaire and decides which procedures apply, with reasons and deadline
 * dates. Pure and thread-safe; needs no database and no resident data.
 */
public final class LifeEventEvaluator {

    private LifeEventEvaluator() {
    }

    /**
     * The questionnaire's state for {@code answers}: each question is asked when its {@code askIf} holds given the
     * answers to the questions asked before it.
     */
    public static Questionnaire questionnaire(LifeEvent event, Answers answers, LocalDate today) {
        List<Question> asked = new ArrayList<>();
        Map<String, Object> kept = new LinkedHashMap<>();
        Question next = null;
        for (Question q : event.questions()) {
            AnswersEnv env = new AnswersEnv(kept, eventDate(event, kept), today, null);
            if (q.askIf() != null && !q.askIf().test(env)) {
                continue;
            }
            asked.add(q);
            if (answers.has(q.id())) {
                kept.put(q.id(), answers.get(q.id()));
            } else if (next == null) {
                next = q;
            }
        }
        Answers effective = answers.only(kept.keySet());
        List<AnswerException.Problem> problems = check(event, asked, effective, today);
        return new Questionnaire(event, List.copyOf(asked), effective, Optional.ofNullable(next), problems);
    }

    private static List<AnswerException.Problem> check(LifeEvent event, List<Question> asked, Answers answers,
            LocalDate today) {
        List<AnswerException.Problem> problems = new ArrayList<>();
        Env env = new AnswersEnv(answers.values(), eventDate(event, answers.values()), today, null);
        for (Question q : asked) {
            Object value = answers.get(q.id());
            if (value == null) {
                continue;
            }
            for (Question.Check c : q.checks()) {
                if (c.when().test(env)) {
                    problems.add(new AnswerException.Problem(q.id(), c.message()));
                }
            }
            if (q.type() == QuestionType.GROUP) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> items = (List<Map<String, Object>>) value;
                for (int i = 0; i < items.size(); i++) {
                    Env itemEnv = env.withItem(items.get(i));
                    for (Question field : q.fields()) {
                        for (Question.Check c : field.checks()) {
                            if (c.when().test(itemEnv)) {
                                problems.add(new AnswerException.Problem(q.id() + "[" + (i + 1) + "]." + field.id(),
                                        Answers.itemName(q, i) + ": " + c.message()));
                            }
                        }
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Decides the procedures that apply to complete answers.
     *
     * @throws AnswerException when a question is unanswered or an answer fails a check
     */
    public static Determination determine(Catalog catalog, LifeEvent event, Answers answers, LocalDate today,
            OfficeCalendar calendar) {
        Questionnaire state = questionnaire(event, answers, today);
        List<AnswerException.Problem> problems = new ArrayList<>(state.problems());
        state.next().ifPresent(q -> problems.add(new AnswerException.Problem(q.id(), "「" + q.text() + "」に答えてください")));
        if (!problems.isEmpty()) {
            throw new AnswerException(problems);
        }
        return decide(catalog, event, state.answers(), today, calendar);
    }

    /** Applies the rules to answers already known to be complete and consistent. */
    static Determination decide(Catalog catalog, LifeEvent event, Answers answers, LocalDate today,
            OfficeCalendar calendar) {
        LocalDate eventDate = eventDate(event, answers.values());
        LocalDate inForceOn = eventDate != null ? eventDate : today;
        RuleRun run = new RuleRun(event, answers.values(), eventDate, today);
        Map<String, List<Rule>> fired = run.all();
        Set<String> topLevel = new HashSet<>();
        event.questions().forEach(q -> topLevel.add(q.id()));
        List<ApplicableProcedure> result = new ArrayList<>();
        for (Map.Entry<String, List<Rule>> e : fired.entrySet()) {
            Procedure p = catalog.procedures().get(e.getKey());
            if (p == null || !p.inEffectOn(inForceOn)) {
                continue;
            }
            Set<String> questions = new LinkedHashSet<>();
            for (Rule r : e.getValue()) {
                for (Question q : event.questions()) {
                    if (r.when().names().contains(q.id())) {
                        questions.add(q.id());
                    }
                }
            }
            Optional<LocalDate> deadline = Optional.empty();
            if (p.deadline() != null) {
                Object start = DeadlineRule.FROM_EVENT.equals(p.deadline().from()) ? eventDate
                        : answers.get(p.deadline().from());
                deadline = p.deadline().dateFrom(start instanceof LocalDate d ? d : null, calendar);
            }
            result.add(new ApplicableProcedure(p, List.copyOf(e.getValue()), List.copyOf(questions), deadline));
        }
        return new Determination(event, Optional.ofNullable(eventDate), answers, List.copyOf(result));
    }

    private static LocalDate eventDate(LifeEvent event, Map<String, Object> answers) {
        return answers.get(event.eventDate()) instanceof LocalDate d ? d : null;
    }

    /** One evaluation of an event's rules, memoising {@code applies('…')}. */
    private static final class RuleRun {
        private final AnswersEnv env;
        private final Map<String, List<Rule>> rulesByProcedure = new LinkedHashMap<>();
        private final Map<String, List<Rule>> firedByProcedure = new HashMap<>();
        private final Set<String> inProgress = new HashSet<>();

        RuleRun(LifeEvent event, Map<String, Object> answers, LocalDate eventDate, LocalDate today) {
            this.env = new AnswersEnv(answers, eventDate, today, this::applies);
            for (Rule r : event.rules()) {
                rulesByProcedure.computeIfAbsent(r.procedure(), k -> new ArrayList<>()).add(r);
            }
        }

        Map<String, List<Rule>> all() {
            Map<String, List<Rule>> out = new LinkedHashMap<>();
            for (String code : rulesByProcedure.keySet()) {
                List<Rule> fired = fired(code);
                if (!fired.isEmpty()) {
                    out.put(code, fired);
                }
            }
            return out;
        }

        boolean applies(String code) {
            return !fired(code).isEmpty();
        }

        private List<Rule> fired(String code) {
            List<Rule> known = firedByProcedure.get(code);
            if (known != null) {
                return known;
            }
            if (!inProgress.add(code)) {
                return List.of(); // a cycle; the validator rejects catalogs that have one
            }
            List<Rule> fired = new ArrayList<>();
            for (Rule r : rulesByProcedure.getOrDefault(code, List.of())) {
                if (r.when().test(env)) {
                    fired.add(r);
                }
            }
            inProgress.remove(code);
            firedByProcedure.put(code, fired);
            return fired;
        }
    }

    /** The answers as the rule language sees them. */
    private record AnswersEnv(Map<String, Object> answers, LocalDate event, LocalDate today,
            java.util.function.Predicate<String> appliesTest) implements Env {
        @Override
        public Object value(String name) {
            return answers.get(name);
        }

        @Override
        public boolean applies(String code) {
            return appliesTest != null && appliesTest.test(code);
        }
    }
}
