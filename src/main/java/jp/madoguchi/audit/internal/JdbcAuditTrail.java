package jp.madoguchi.audit.internal;

import java.util.List;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.audit.RecordedEvent;
import jp.madoguchi.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcAuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEvent event) {
        jdbc.sql("""
                insert into audit_event (municipality_code, event_type, actor_type, actor_id, actor_name, channel,
                    subject_type, subject_id, purpose, via, details)
                values (:tenant, :type, :actorType, :actorId, :actorName, :channel, :subjectType, :subjectId,
                    :purpose, :via, cast(:details as jsonb))
                """)
                .param("tenant", TenantContext.require())
                .param("type", event.type())
                .param("actorType", event.actor().kind().name().toLowerCase())
                .param("actorId", event.actor().id())
                .param("actorName", event.actor().name())
                .param("channel", event.channel().name().toLowerCase())
                .param("subjectType", event.subjectType())
                .param("subjectId", event.subjectId())
                .param("purpose", event.purpose())
                .param("via", event.via())
                .param("details", json.writeValueAsString(event.details()))
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<RecordedEvent> about(String subjectType, String subjectId, int limit) {
        return jdbc.sql("""
                select id, occurred_at, event_type, actor_type, actor_id, actor_name, channel, subject_type,
                       subject_id, purpose, via
                from audit_event
                where subject_type = :subjectType and subject_id = :subjectId
                order by occurred_at desc, id desc
                limit :limit
                """)
                .param("subjectType", subjectType)
                .param("subjectId", subjectId)
                .param("limit", limit)
                .query((rs, n) -> new RecordedEvent(rs.getLong("id"),
                        rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("event_type"),
                        new AuditEvent.Actor(AuditEvent.Actor.Kind.valueOf(rs.getString("actor_type").toUpperCase()),
                                rs.getString("actor_id"), rs.getString("actor_name")),
                        Channel.valueOf(rs.getString("channel").toUpperCase()), rs.getString("subject_type"),
                        rs.getString("subject_id"), rs.getString("purpose"), rs.getString("via")))
                .list();
    }
}
