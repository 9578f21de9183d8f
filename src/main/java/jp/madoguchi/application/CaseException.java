package jp.madoguchi.application;

/** A case action that cannot be taken, with the reason in Japanese. */
public class CaseException extends RuntimeException {
    public CaseException(String message) {
        super(message);
    }
}
