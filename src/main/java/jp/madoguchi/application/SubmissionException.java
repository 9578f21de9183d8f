package jp.madoguchi.application;

import jp.madoguchi.catalog.FormInput;
import java.util.List;

/** A submission that is refused: invalid fields, or a missing, wrong or tampered signature. Nothing is saved. */
public class SubmissionException extends RuntimeException {

    private final transient List<FormInput.FieldError> fieldErrors;

    public SubmissionException(String message, List<FormInput.FieldError> fieldErrors) {
        super(message);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public List<FormInput.FieldError> fieldErrors() {
        return fieldErrors;
    }
}
