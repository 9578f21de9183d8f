package jp.madoguchi.catalog.rules;

import java.time.LocalDate;

/**
 * What an expression is evaluated against: the answers (typed values: Boolean, Long, LocalDate, String,
 * {@code List<String>} for multi, {@code List<Map<String,Object>>} for groups; {@code null} when unanswered), the
 * event date and today, and whether another procedure applies.
 */
public interface Env {

    /** The value of {@code name}, or {@code null} when it has no answer. */
    Object value(String name);

    LocalDate event();

    LocalDate today();

    /** Whether procedure {@code code} applies by another rule of the event. */
    boolean applies(String code);

    /** This environment with the fields of one group item in front (for checks of a group's fields). */
    default Env withItem(java.util.Map<String, Object> item) {
        return new Node.ItemEnv(this, item);
    }
}
