package jp.madoguchi.reservation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls fan out through PostgreSQL LISTEN/NOTIFY: a committed call reaches every listener (a second {@link
 * CallListener}, as another instance would run, and a raw JDBC LISTEN), a rolled-back one none; a listener whose
 * connection is killed reconnects and receives again.
 */
@MadoguchiIntegrationTest
class QueueCallFanOutTest {

    /** An upper bound for waiting on a delivery, never an assertion about speed. */
    static final long PATIENCE_SECONDS = 30;

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired QueueService queue;
    @Autowired CallListener instanceListener;
    @Autowired JsonMapper json;

    static final AuditEvent.Actor CLERK = AuditEvent.Actor.system("test");

    /** Issues a ticket of {@code service} and calls it from the service's own counter; returns the called number. */
    private String issueAndCall(String service, boolean commit) {
        return TenantContext.callAs(Fixtures.DEMO, () -> {
            queue.issue(service);
            return tx.execute(s -> {
                String called = queue.callNext("test-" + service, CLERK).orElseThrow().displayNumber();
                if (!commit) {
                    s.setRollbackOnly();
                }
                return called;
            });
        });
    }

    @Test
    void aCommittedCallReachesEveryListenerAndARolledBackOneNone() throws Exception {
        Fixtures.service(tx, jdbc, "fanout", "F", 5);
        Fixtures.service(tx, jdbc, "fanout-rb", "H", 5);
        BlockingQueue<String> other = new LinkedBlockingQueue<>();
        var hikari = (com.zaxxer.hikari.HikariConfig) dataSource;
        CallListener otherInstance = new CallListener(dataSource, other::add, () -> { });
        otherInstance.start();
        try (Connection raw = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(),
                hikari.getPassword())) {
            try (Statement s = raw.createStatement()) {
                s.execute("LISTEN " + CallBroadcaster.CHANNEL);
            }
            awaitConnected(otherInstance);

            String rolledBack = issueAndCall("fanout-rb", false);
            String committed = issueAndCall("fanout", true);
            assertThat(committed).isNotEqualTo(rolledBack);

            // notifications arrive in commit order: the rolled-back call, had it been sent, would come first
            String first = other.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(first).as("the other instance's listener received the committed call").isNotNull();
            var notice = json.readValue(first, CallBroadcaster.Notice.class);
            assertThat(notice.municipality()).isEqualTo(Fixtures.DEMO);
            assertThat(notice.displayNumber()).isEqualTo(committed);
            assertThat(notice.counterName()).isEqualTo("試験窓口 fanout");
            assertThat(other).isEmpty();

            List<String> rawPayloads = rawNotifications(raw, 1);
            assertThat(rawPayloads).hasSize(1);
            assertThat(json.readValue(rawPayloads.get(0), CallBroadcaster.Notice.class).displayNumber())
                    .isEqualTo(committed);
            // nothing else is pending on the raw connection either (a non-blocking read)
            PGNotification[] more = raw.unwrap(PGConnection.class).getNotifications();
            assertThat(more == null ? 0 : more.length).isZero();
        } finally {
            otherInstance.stop();
        }
    }

    @Test
    void aListenerWhoseConnectionIsKilledReconnectsAndAsksDisplaysToReload() throws Exception {
        Fixtures.service(tx, jdbc, "fanout-re", "J", 5);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        BlockingQueue<String> reconnects = new LinkedBlockingQueue<>();
        CallListener listener = new CallListener(dataSource, received::add, () -> reconnects.add("resync"));
        listener.start();
        try {
            int pid = awaitConnected(listener);
            // the application role may end its own backends (same role): what a lost connection looks like
            Boolean killed = jdbc.sql("select pg_terminate_backend(:pid)").param("pid", pid).query(Boolean.class)
                    .single();
            assertThat(killed).isTrue();
            assertThat(reconnects.poll(PATIENCE_SECONDS, TimeUnit.SECONDS)).isEqualTo("resync");
            assertThat(listener.backendPid()).isNotIn(0, pid);

            String committed = issueAndCall("fanout-re", true);
            String payload = received.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(payload).isNotNull();
            assertThat(json.readValue(payload, CallBroadcaster.Notice.class).displayNumber()).isEqualTo(committed);
        } finally {
            listener.stop();
        }
        assertThat(instanceListener.isRunning()).isTrue();
        assertThat(instanceListener.backendPid()).isNotZero();
    }

    private static int awaitConnected(CallListener listener) throws InterruptedException {
        for (int i = 0; i < PATIENCE_SECONDS * 10 && listener.backendPid() == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(listener.backendPid()).as("listener connected").isNotZero();
        return listener.backendPid();
    }

    private static List<String> rawNotifications(Connection raw, int wanted) throws Exception {
        List<String> out = new ArrayList<>();
        PGConnection pg = raw.unwrap(PGConnection.class);
        for (int i = 0; i < PATIENCE_SECONDS && out.size() < wanted; i++) {
            PGNotification[] ns = pg.getNotifications(1000);
            if (ns != null) {
                for (PGNotification n : ns) {
                    out.add(n.getParameter());
                }
            }
        }
        return out;
    }
}
