package jp.madoguchi.reservation.internal;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one listening connection of this instance: {@code LISTEN} on {@link CallBroadcaster#CHANNEL}, on a connection
 * of its own outside the pool (a pooled connection would lose its LISTEN when returned, and would be held forever).
 * Each notification goes to {@link CallBroadcaster#received}. When the connection is lost (database restart, network,
 * a terminated backend) it reconnects with back-off (1 s doubling to 30 s) and asks the displays to reload, since
 * calls committed while it was away were not received. An idle connection is checked every 25 s.
 */
@Component
class CallListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CallListener.class);
    private static final int POLL_MILLIS = 1_000;
    private static final long CHECK_IDLE_NANOS = 25_000_000_000L;

    private final HikariConfig connectionSettings;
    private final Consumer<String> onNotification;
    private final Runnable onReconnect;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile int backendPid;

    @org.springframework.beans.factory.annotation.Autowired
    CallListener(DataSource dataSource, CallBroadcaster broadcaster) {
        this(dataSource, broadcaster::received, broadcaster::resynchronise);
    }

    /** A listener passing each payload to {@code onNotification} (tests start a second one this way). */
    CallListener(DataSource dataSource, Consumer<String> onNotification, Runnable onReconnect) {
        if (!(dataSource instanceof HikariConfig settings)) {
            throw new IllegalStateException("The call display needs the JDBC URL of the database (HikariCP data source"
                    + " expected, found " + dataSource.getClass().getName() + ")");
        }
        this.connectionSettings = settings;
        this.onNotification = onNotification;
        this.onReconnect = onReconnect;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("call-listener").start(this::listenLoop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(3 * POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The PostgreSQL backend process id of the listening connection, 0 while not connected (for tests). */
    int backendPid() {
        return backendPid;
    }

    private void listenLoop() {
        long backoff = 1_000;
        boolean reconnecting = false;
        while (running) {
            try (Connection c = DriverManager.getConnection(connectionSettings.getJdbcUrl(),
                    connectionSettings.getUsername(), connectionSettings.getPassword())) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CallBroadcaster.CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                backendPid = pg.getBackendPID();
                if (reconnecting) {
                    log.info("Call listener reconnected");
                    onReconnect.run();
                }
                backoff = 1_000;
                reconnecting = true;
                long lastTraffic = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        lastTraffic = System.nanoTime();
                        for (PGNotification n : notifications) {
                            deliver(n.getParameter());
                        }
                    } else if (System.nanoTime() - lastTraffic > CHECK_IDLE_NANOS) {
                        try (Statement s = c.createStatement()) {
                            s.execute("select 1"); // finds a connection that died silently
                        }
                        lastTraffic = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                backendPid = 0;
                if (!running) {
                    break;
                }
                reconnecting = true;
                log.warn("Call listener lost its database connection ({}); reconnecting in {} ms",
                        e.getClass().getSimpleName(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    break;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
        backendPid = 0;
    }

    private void deliver(String payload) {
        try {
            onNotification.accept(payload);
        } catch (RuntimeException e) {
            log.warn("Call notification not delivered ({})", e.getClass().getSimpleName());
        }
    }
}
