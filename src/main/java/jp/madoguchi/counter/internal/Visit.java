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
     * A procedure's form as prepared: raw values, the paths prefilled, typed by staff, and attachments whose original
     * staff saw.
     */
    record Sheet(Map<String, Object> raw, List<String> prefilled, List<String> typed, List<String> seen) {
    }

    public int prefilledCount() {
        return sheets.values().stream().mapToInt(s -> s.prefilled().size()).sum();
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
