package jp.madoguchi.counter.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.madoguchi.counter.VisitState;

/**
 * 来庁受付 — one visit at the counter.
 *
 * @param staffId the staff member who opened the visit
 * @param answers the questionnaire's answers as typed (raw strings and lists)
 * @param sheets per picked procedure: its prepared values and where each came from
 * @param version counts the changes; the tablet confirms the version it showed
 */
record Visit(UUID id, String visitorAtena, String identifiedBy, List<String> mismatches, String subjectAtena,
        long staffId, String staffName, VisitState state, Instant openedAt, Instant confirmedAt, Instant closedAt,
        String token, String checkCode, String lifeEvent, Map<String, Object> answers, List<String> procedures,
        Map<String, Sheet> sheets, Long applicationId, String receiptNumber, int version) {

    /**
     * A procedure's form as prepared: raw values, the paths prefilled (from the register, the card and the answers),
     * typed by staff, attachments whose original staff saw, and the paths filled from a value staff typed on another
     * sheet of the visit (typed once, reused: counted as prefilled here).
     */
    record Sheet(Map<String, Object> raw, List<String> prefilled, List<String> typed, List<String> seen,
            List<String> reused) {

        Sheet {
            prefilled = prefilled == null ? List.of() : prefilled;
            typed = typed == null ? List.of() : typed;
            seen = seen == null ? List.of() : seen;
            reused = reused == null ? List.of() : reused;
        }

        Sheet(Map<String, Object> raw, List<String> prefilled) {
            this(raw, prefilled, List.of(), List.of(), List.of());
        }

        /** Filled without typing on this sheet: prefilled or reused. */
        boolean filled(String path) {
            return prefilled.contains(path) || reused.contains(path);
        }
    }

    /** Fields filled without staff typing them: prefilled, plus values typed once and reused on another sheet. */
    public int prefilledCount() {
        return sheets.values().stream().mapToInt(s -> s.prefilled().size() + s.reused().size()).sum();
    }

    /** Values typed once and reused on other sheets (included in {@link #prefilledCount()}). */
    public int reusedCount() {
        return sheets.values().stream().mapToInt(s -> s.reused().size()).sum();
    }

    public int typedCount() {
        return sheets.values().stream().mapToInt(s -> s.typed().size()).sum();
    }

    public int seenCount() {
        return sheets.values().stream().mapToInt(s -> s.seen().size()).sum();
    }

    /** From opening to closing (or to now while open). */
    public Duration duration(Instant now) {
        return Duration.between(openedAt, closedAt != null ? closedAt : now);
    }
}
