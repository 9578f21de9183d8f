package jp.madoguchi.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Where a resident is in a life event's questionnaire: the questions asked given the answers so far (in order), the
 * answers that still count (answers to questions no longer asked are dropped), the next question, and the answers
 * that cannot be right (a check failed).
 */
public record Questionnaire(LifeEvent event, List<Question> asked, Answers answers, Optional<Question> next,
        List<AnswerException.Problem> problems) {

    public boolean complete() {
        return next.isEmpty() && problems.isEmpty();
    }

    /** How many of the questions asked so far are answered. */
    public int answeredCount() {
        return (int) asked.stream().filter(q -> answers.has(q.id())).count();
    }
}
