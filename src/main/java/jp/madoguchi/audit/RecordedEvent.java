package jp.madoguchi.audit;

import java.time.Instant;

/** An event as it was recorded. */
public record RecordedEvent(long id, Instant occurredAt, String type, AuditEvent.Actor actor, Channel channel,
        String subjectType, String subjectId, String purpose, String via) {
}
