package jp.madoguchi.resident;

/** A search that cannot run, with a Japanese message naming the field. */
public final class ResidentQueryException extends RuntimeException {

    private final String field;

    public ResidentQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field at fault: {@code kana}, {@code birthDate} or {@code atenaNumber}. */
    public String field() {
        return field;
    }
}
