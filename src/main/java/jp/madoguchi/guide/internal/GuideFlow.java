package jp.madoguchi.guide.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.catalog.AnswerException;
import jp.madoguchi.catalog.Answers;
import jp.madoguchi.catalog.Determination;
import jp.madoguchi.catalog.LifeEvent;
import jp.madoguchi.catalog.LifeEventEvaluator;
import jp.madoguchi.catalog.Question;
import jp.madoguchi.catalog.QuestionType;
import jp.madoguchi.catalog.Questionnaire;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The guide's pages, shared by the portal and the office: one question per page, answers carried in hidden fields
 * (nothing kept on the server), the next question chosen by the engine, then the result.
 */
@Component
class GuideFlow {

    private final GuideService guide;

    GuideFlow(GuideService guide) {
        this.guide = guide;
    }

    /** The first page of a life event. */
    String start(GuideService.InForce inForce, LifeEvent event, Model model) {
        Questionnaire q = LifeEventEvaluator.questionnaire(event, Answers.NONE, guide.today());
        return question(event, q, q.next().orElseThrow(), Map.of(), List.of(), model);
    }

    /** Handles a submitted page: validates the current answer, then shows the next question or the result. */
    String submit(GuideService.InForce inForce, LifeEvent event, MultiValueMap<String, String> params, Model model) {
        String action = params.getFirst("action") == null ? "next" : params.getFirst("action");
        String current = params.getFirst("current");
        Map<String, Object> raw = FormAnswers.raw(event, params);
        Question currentQuestion = current == null ? null : event.question(current).orElse(null);

        if (currentQuestion != null && currentQuestion.type() == QuestionType.GROUP
                && (action.equals("add") || action.startsWith("remove:"))) {
            List<Object> items = new ArrayList<>(raw.get(current) instanceof List<?> l ? l : List.of());
            if (action.equals("add")) {
                items.add(new LinkedHashMap<String, Object>());
            } else {
                int index = Integer.parseInt(action.substring("remove:".length()));
                if (index >= 0 && index < items.size()) {
                    items.remove(index);
                }
            }
            Answers others = readQuietly(event, raw, current);
            Questionnaire q = LifeEventEvaluator.questionnaire(event, others, guide.today());
            return question(event, q, currentQuestion, Map.of(current, items), List.of(), model);
        }

        Answers answers;
        try {
            answers = Answers.read(event, raw);
        } catch (AnswerException e) {
            if (action.equals("back") || action.startsWith("goto:")) {
                // Leaving the page: the half-typed answer on it is dropped, not an error.
                answers = readQuietly(event, raw, current);
                return leave(event, answers, currentQuestion, action, model);
            }
            Answers others = readQuietly(event, raw, current);
            Questionnaire q = LifeEventEvaluator.questionnaire(event, others, guide.today());
            Question shown = currentQuestion != null ? currentQuestion : q.next().orElse(event.questions().get(0));
            return question(event, q, shown, raw, e.problems(), model);
        }
        if (action.equals("back") || action.startsWith("goto:")) {
            return leave(event, answers, currentQuestion, action, model);
        }
        Questionnaire q = LifeEventEvaluator.questionnaire(event, answers, guide.today());
        if (currentQuestion != null && q.asked().contains(currentQuestion) && !answers.has(current)) {
            return question(event, q, currentQuestion, raw, List.of(new AnswerException.Problem(current,
                    "「" + currentQuestion.text() + "」に答えてください")), model);
        }
        if (!q.problems().isEmpty()) {
            String path = q.problems().get(0).path();
            String id = path.contains("[") ? path.substring(0, path.indexOf('[')) : path;
            Question shown = event.question(id).orElse(currentQuestion);
            List<AnswerException.Problem> own = q.problems().stream().filter(p -> p.path().equals(id)
                    || p.path().startsWith(id + "[")).toList();
            return question(event, q, shown, Map.of(), own, model);
        }
        if (q.next().isPresent()) {
            return question(event, q, q.next().get(), Map.of(), List.of(), model);
        }
        return result(inForce, event, q.answers(), model);
    }

    /** "戻る" (the question before the current one) or "回答を修正する" (a chosen question), answers kept. */
    private String leave(LifeEvent event, Answers answers, Question current, String action, Model model) {
        Questionnaire q = LifeEventEvaluator.questionnaire(event, answers, guide.today());
        Question target;
        if (action.equals("back") && current != null) {
            int at = q.asked().indexOf(current);
            target = at > 0 ? q.asked().get(at - 1) : q.asked().get(0);
        } else {
            target = event.question(action.substring("goto:".length())).filter(q.asked()::contains)
                    .orElse(q.asked().get(0));
        }
        return question(event, q, target, Map.of(), List.of(), model);
    }

    /** The result page (also the checklist's data). */
    String result(GuideService.InForce inForce, LifeEvent event, Answers answers, Model model) {
        Determination d = LifeEventEvaluator.determine(inForce.catalog(), event, answers, guide.today(),
                guide.calendar());
        model.addAttribute("event", event);
        model.addAttribute("result", ResultView.of(inForce.catalog(), event, d.eventDate(), answers, d.procedures()));
        model.addAttribute("hidden", FormAnswers.hidden(event, answers, null));
        String token = guide.shareToken(inForce.version().id(), event, d.procedures());
        model.addAttribute("shareUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(model.getAttribute("base") + "/shared/" + token).toUriString());
        model.addAttribute("answerSummary", answerSummary(event, answers));
        return "guide/result";
    }

    /** Answers that are complete; a resubmitted result page (checklist) is checked again. */
    Answers completeAnswers(LifeEvent event, MultiValueMap<String, String> params) {
        Answers answers = Answers.read(event, FormAnswers.raw(event, params));
        Questionnaire q = LifeEventEvaluator.questionnaire(event, answers, guide.today());
        if (!q.complete()) {
            throw new AnswerException(q.problems().isEmpty()
                    ? List.of(new AnswerException.Problem(q.next().map(Question::id).orElse(""), "回答が足りません"))
                    : q.problems());
        }
        return q.answers();
    }

    private static List<Map.Entry<Question, String>> answerSummary(LifeEvent event, Answers answers) {
        List<Map.Entry<Question, String>> out = new ArrayList<>();
        for (Question q : event.questions()) {
            if (answers.has(q.id())) {
                out.add(Map.entry(q, ResultView.display(q, answers.get(q.id()))));
            }
        }
        return out;
    }

    /** The answers other than {@code except} that can be read; used to re-show a page with errors. */
    private static Answers readQuietly(LifeEvent event, Map<String, Object> raw, String except) {
        Map<String, Object> others = new LinkedHashMap<>(raw);
        if (except != null) {
            others.remove(except);
        }
        try {
            return Answers.read(event, others);
        } catch (AnswerException e) {
            return Answers.NONE;
        }
    }

    private String question(LifeEvent event, Questionnaire q, Question question, Map<String, Object> rawOverride,
            List<AnswerException.Problem> problems, Model model) {
        int index = q.asked().indexOf(question);
        model.addAttribute("event", event);
        model.addAttribute("question", question);
        model.addAttribute("position", index < 0 ? q.asked().size() + 1 : index + 1);
        model.addAttribute("askedCount", Math.max(q.asked().size(), index + 1));
        model.addAttribute("first", index <= 0);
        model.addAttribute("hidden", FormAnswers.hidden(event, q.answers(), question.id()));
        model.addAttribute("problems", problems);
        model.addAttribute("value", valueForm(question, rawOverride.containsKey(question.id())
                ? rawOverride.get(question.id()) : q.answers().get(question.id())));
        return "guide/question";
    }

    /**
     * The current answer as the form shows it: a string for simple questions, a list of strings for multi, a list of
     * field→string maps for groups (at least one row, or {@code min} rows).
     */
    @SuppressWarnings("unchecked")
    private static Object valueForm(Question question, Object value) {
        switch (question.type()) {
            case MULTI -> {
                return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
            }
            case GROUP -> {
                List<Map<String, String>> rows = new ArrayList<>();
                if (value instanceof List<?> items) {
                    for (Object item : items) {
                        Map<String, String> row = new LinkedHashMap<>();
                        if (item instanceof Map<?, ?> m) {
                            m.forEach((k, v) -> row.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
                        }
                        rows.add(row);
                    }
                }
                int min = Math.max(1, question.min() == null ? 1 : question.min());
                while (rows.size() < min) {
                    rows.add(new LinkedHashMap<>());
                }
                return rows;
            }
            default -> {
                return value == null ? "" : String.valueOf(value);
            }
        }
    }
}
