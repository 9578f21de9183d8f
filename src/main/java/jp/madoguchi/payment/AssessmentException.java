package jp.madoguchi.payment;

/** An assessment that cannot be created or changed, with the reason in Japanese. */
public class AssessmentException extends RuntimeException {

    public AssessmentException(String message) {
        super(message);
    }
}
