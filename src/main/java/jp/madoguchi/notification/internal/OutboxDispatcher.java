package jp.madoguchi.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.notification.ContactChannel;
import jp.madoguchi.notification.Notifier;
import jp.madoguchi.notification.OutgoingMessage;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox messages, municipality by municipality (each in its own tenant, so row-level security applies).
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so two dispatchers never send the same message at once.
 * A failure is retried with growing delays (1, 2, 4, 8 minutes…) and marked FAILED after {@link #MAX_ATTEMPTS};
 * a channel with no notifier configured leaves the message HELD for staff to read. Delivery is at least once: if
 * the transaction that records "sent" fails after the SMTP server accepted the message, it is sent again.
 */
public class OutboxDispatcher {

    static final int MAX_ATTEMPTS = 6;
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MunicipalityDirectory municipalities;
    private final Map<ContactChannel, Notifier> notifiers = new EnumMap<>(ContactChannel.class);
    private final Clock clock;

    OutboxDispatcher(JdbcClient jdbc, TransactionTemplate transactions, MunicipalityDirectory municipalities,
            List<Notifier> notifiers, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.municipalities = municipalities;
        notifiers.forEach(n -> this.notifiers.put(n.channel(), n));
        this.clock = clock;
    }

    /** Sends every due message of every municipality; returns how many were sent. */
    public int dispatchAll() {
        int sent = 0;
        for (Municipality m : municipalities.all()) {
            sent += dispatch(m.code());
        }
        return sent;
    }

    /** Sends the due messages of one municipality, in batches of 50; returns how many were sent. */
    public int dispatch(String municipalityCode) {
        int total = 0;
        while (true) {
            int[] batch = TenantContext.callAs(municipalityCode, () -> transactions.execute(s -> dispatchBatch()));
            total += batch[0];
            if (batch[1] < 50) {
                return total;
            }
        }
    }

    private int[] dispatchBatch() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        var due = jdbc.sql("""
                select * from notification_outbox where status = 'PENDING' and next_attempt_at <= :now
                order by id limit 50 for update skip locked
                """).param("now", now).query(JdbcNotifications::entry).list();
        int sent = 0;
        for (var entry : due) {
            Notifier notifier = notifiers.get(entry.channel());
            if (notifier == null) {
                jdbc.sql("update notification_outbox set status = 'HELD' where id = :id and municipality_code = :m")
                        .param("id", entry.id()).param("m", TenantContext.require()).update();
                continue;
            }
            try {
                notifier.deliver(new OutgoingMessage(entry.channel(), entry.recipient(), entry.subject(),
                        entry.body(), entry.subjectType(), entry.subjectId()));
                jdbc.sql("""
                        update notification_outbox set status = 'SENT', sent_at = :now, attempts = attempts + 1
                        where id = :id and municipality_code = :m
                        """).param("now", now).param("id", entry.id()).param("m", TenantContext.require()).update();
                sent++;
            } catch (Notifier.DeliveryException | RuntimeException e) {
                int attempts = entry.attempts() + 1;
                Instant next = clock.instant().plus(Duration.ofMinutes(1L << Math.min(attempts - 1, 10)));
                log.warn("Notification {} not delivered (attempt {}): {}", entry.id(), attempts,
                        e.getClass().getSimpleName());
                jdbc.sql("""
                        update notification_outbox set attempts = :a, next_attempt_at = :next, last_error = :err,
                            status = case when :a >= :max then 'FAILED' else 'PENDING' end
                        where id = :id and municipality_code = :m
                        """).param("a", attempts).param("next", OffsetDateTime.ofInstant(next, ZoneOffset.UTC))
                        .param("err", e.getClass().getSimpleName()).param("max", MAX_ATTEMPTS)
                        .param("id", entry.id()).param("m", TenantContext.require()).update();
            }
        }
        return new int[] {sent, due.size()};
    }
}
