package jp.madoguchi.nursery;

import java.util.List;

/** Thrown when a run is asked on an instance with {@link ValidationIssue}s: the run does not start. */
public class InvalidInstanceException extends RuntimeException {

    private final List<ValidationIssue> issues;

    public InvalidInstanceException(List<ValidationIssue> issues) {
        super("入力に誤りがあるため利用調整を実行できません（" + issues.size() + "件）: "
                + issues.stream().limit(5).map(ValidationIssue::toString).reduce((a, b) -> a + " / " + b).orElse(""));
        this.issues = List.copyOf(issues);
    }

    public List<ValidationIssue> issues() {
        return issues;
    }
}
