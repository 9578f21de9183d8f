package jp.madoguchi.notification;

import java.util.List;

/** The outbox (送信待ち): messages written with the caller's transaction and sent after it commits. */
public interface Notifications {

    /**
     * Stores {@code message} in the outbox of the current tenant, joining the caller's transaction: if that
     * transaction rolls back, the message never existed.
     *
     * @return the outbox id
     */
    long enqueue(OutgoingMessage message);

    /** The newest messages of the current tenant. */
    List<OutboxEntry> recent(int limit);

    /** One outbox row as staff see it. */
    record OutboxEntry(long id, ContactChannel channel, String recipient, String subject, String body,
            String subjectType, String subjectId, String status, int attempts, java.time.OffsetDateTime createdAt,
            java.time.OffsetDateTime sentAt, String lastError) {

        /** The status in Japanese. */
        public String statusLabel() {
            return switch (status) {
                case "PENDING" -> "送信待ち";
                case "SENT" -> "送信済み";
                case "HELD" -> "保留（送信手段なし）";
                case "FAILED" -> "送信失敗";
                default -> status;
            };
        }
    }
}
