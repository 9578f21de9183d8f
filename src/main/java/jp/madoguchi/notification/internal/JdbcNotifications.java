package jp.madoguchi.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import jp.madoguchi.notification.ContactChannel;
import jp.madoguchi.notification.Notifications;
import jp.madoguchi.notification.OutgoingMessage;
import jp.madoguchi.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcNotifications implements Notifications {

    private final JdbcClient jdbc;

    JdbcNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(OutgoingMessage m) {
        return jdbc.sql("""
                insert into notification_outbox (municipality_code, channel, recipient, subject, body, subject_type,
                    subject_id, status)
                values (:m, :channel, :recipient, :subject, :body, :subjectType, :subjectId, 'PENDING')
                returning id
                """)
                .param("m", TenantContext.require()).param("channel", m.channel().name())
                .param("recipient", m.recipient()).param("subject", m.subject()).param("body", m.body())
                .param("subjectType", m.subjectType()).param("subjectId", m.subjectId())
                .query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OutboxEntry> recent(int limit) {
        return jdbc.sql("select * from notification_outbox order by id desc limit :limit")
                .param("limit", limit).query(JdbcNotifications::entry).list();
    }

    static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        return new OutboxEntry(rs.getLong("id"), ContactChannel.valueOf(rs.getString("channel")),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("status"),
                rs.getInt("attempts"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("sent_at", OffsetDateTime.class), rs.getString("last_error"));
    }
}
