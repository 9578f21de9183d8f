package jp.madoguchi.nursery.internal;

import java.util.List;

/** A request the nursery screens refuse, with the reason(s) in Japanese for the staff member. */
public class NurseryException extends RuntimeException {

    private final List<String> details;
    private final boolean notFound;

    public NurseryException(String message) {
        this(message, List.of());
    }

    public NurseryException(String message, List<String> details) {
        this(message, details, false);
    }

    private NurseryException(String message, List<String> details, boolean notFound) {
        super(message);
        this.details = List.copyOf(details);
        this.notFound = notFound;
    }

    /** Something asked for does not exist (or belongs to another municipality). */
    public static NurseryException notFound(String message) {
        return new NurseryException(message, List.of(), true);
    }

    public boolean isNotFound() {
        return notFound;
    }

    /** Further reasons (e.g. every validation issue), possibly empty. */
    public List<String> details() {
        return details;
    }
}
