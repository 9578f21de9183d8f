package jp.madoguchi.audit;

import java.util.Map;
import java.util.Objects;

/**
 * One event to append to the audit trail. Personal data does not go into {@code details}: subjects are named by
 * their identifiers (e.g. 宛名番号), never by name.
 *
 * @param type what happened, dotted lower case, e.g. {@code resident.read}
 * @param actor who did it
 * @param channel through which channel
 * @param subjectType the kind of record concerned (e.g. {@code resident}), or null
 * @param subjectId its identifier, or null
 * @param purpose the stated purpose (利用目的), for reads of personal data
 * @param via the screen or API that did it
 * @param details further facts, no personal data
 */
public record AuditEvent(String type, Actor actor, Channel channel, String subjectType, String subjectId,
        String purpose, String via, Map<String, Object> details) {

    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(channel, "channel");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /**
     * Who did something.
     *
     * @param kind staff, resident or system
     * @param id the staff account id, or null
     * @param name the staff member's display name (staff names are not resident data), or null
     */
    public record Actor(Kind kind, String id, String name) {
        public enum Kind { STAFF, RESIDENT, SYSTEM }

        public static Actor staff(long id, String name) {
            return new Actor(Kind.STAFF, Long.toString(id), name);
        }

        public static Actor system(String name) {
            return new Actor(Kind.SYSTEM, null, name);
        }

        /** The channel of a back-office action (an import, a batch) by this actor: 職員画面 for staff, else システム. */
        public Channel backOfficeChannel() {
            return kind == Kind.STAFF ? Channel.OFFICE : Channel.SYSTEM;
        }
    }
}
