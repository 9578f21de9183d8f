package jp.madoguchi.audit.internal;

import java.util.List;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.audit.RecordedEvent;
import jp.madoguchi.platform.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final JsonMapper json;

    JdbcAuditTrail(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<AuditEvent> events) {
        String tenant = TenantContext.require();
        jdbcTemplate.batchUpdate("""
                insert into audit_event (municipality_code, event_type, actor_type, actor_id, actor_name, channel,
                    subject_type, subject_id, purpose, via, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                """, events, 100, (ps, event) -> {
                    ps.setString(1, tenant);
                    ps.setString(2, event.type());
                    ps.setString(3, event.actor().kind().name().toLowerCase());
                    ps.setString(4, event.actor().id());
                    ps.setString(5, event.actor().name());
                    ps.setString(6, event.channel().name().toLowerCase());
                    ps.setString(7, event.subjectType());
                    ps.setString(8, event.subjectId());
                    ps.setString(9, event.purpose());
                    ps.setString(10, event.via());
                    ps.setString(11, json.writeValueAsString(event.details()));
                });
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
