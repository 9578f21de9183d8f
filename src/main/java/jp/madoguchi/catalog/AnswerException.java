package jp.madoguchi.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** Answers that cannot be accepted: each problem names the question (and item) and says why, in Japanese. */
public class AnswerException extends RuntimeException {

    /** {@code path} is the question id, or "children[2].birthDate" for a field of a group's second item. */
    public record Problem(String path, String message) {
    }

    private final List<Problem> problems;

    public AnswerException(List<Problem> problems) {
        super(problems.stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
