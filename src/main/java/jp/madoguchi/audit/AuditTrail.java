package jp.madoguchi.audit;

import java.util.List;

/**
 * 監査証跡 — appends events for the current tenant and reads them back. Appending joins the caller's transaction, so
 * an event is recorded exactly when the work it describes commits; the application's database role may insert and
 * select events but never update or delete them.
 */
public interface AuditTrail {

    /** Appends {@code event} for the current tenant. */
    default void record(AuditEvent event) {
        recordAll(List.of(event));
    }

    /** Appends {@code events} for the current tenant in one batch (e.g. one per person a search showed). */
    void recordAll(List<AuditEvent> events);

    /** Events about one subject (e.g. accesses to one resident's record), newest first. */
    List<RecordedEvent> about(String subjectType, String subjectId, int limit);
}
