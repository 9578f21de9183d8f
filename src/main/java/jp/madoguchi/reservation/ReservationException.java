package jp.madoguchi.reservation;

/**
 * A request about a reservation or ticket that cannot be done, with a Japanese message for the person (what and
 * where) and the form field concerned, if any. The transaction rolls back.
 */
public class ReservationException extends RuntimeException {

    private final String field;

    public ReservationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field concerned, or null. */
    public String field() {
        return field;
    }
}
