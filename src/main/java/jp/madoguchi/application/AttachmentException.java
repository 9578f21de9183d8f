package jp.madoguchi.application;

/** An upload that is refused (too large, wrong type by content, malformed), with the reason in Japanese. */
public class AttachmentException extends RuntimeException {
    public AttachmentException(String message) {
        super(message);
    }
}
