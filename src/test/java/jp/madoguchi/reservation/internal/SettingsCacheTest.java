package jp.madoguchi.reservation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cached settings snapshot follows committed settings changes at once and never keeps what a rolled-back change
 * wrote, including when the snapshot was read inside the changing transaction.
 */
@MadoguchiIntegrationTest
class SettingsCacheTest {

    @Autowired SettingsRepository settings;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    private int capacity() {
        return TenantContext.callAs(Fixtures.DEMO, () -> settings.snapshot().service("cached").orElseThrow()
                .slotCapacity());
    }

    private Settings.Service withCapacity(int capacity) {
        Settings.Service s = TenantContext.callAs(Fixtures.DEMO, () -> settings.snapshot().service("cached")
                .orElseThrow());
        return new Settings.Service(s.code(), s.name(), s.durationMinutes(), capacity, s.whatToBring(),
                s.procedureCodes(), s.ticketPrefix(), s.sortOrder(), s.active(), s.counterCodes(), s.version());
    }

    @Test
    void committedChangesShowAtOnceAndRolledBackOnesNever() {
        Fixtures.service(tx, jdbc, "cached", "Z", 2);
        assertThat(capacity()).isEqualTo(2);
        assertThat(capacity()).isEqualTo(2); // from memory now

        Settings.Service five = withCapacity(5);
        TenantContext.runAs(Fixtures.DEMO, () -> tx.executeWithoutResult(s -> assertThat(settings.updateService(five)).isTrue()));
        assertThat(capacity()).isEqualTo(5);

        Settings.Service nine = withCapacity(9);
        TenantContext.runAs(Fixtures.DEMO, () -> tx.executeWithoutResult(s -> {
            assertThat(settings.updateService(nine)).isTrue();
            // read (and cache) the uncommitted value inside the changing transaction, then roll back
            assertThat(settings.snapshot().service("cached").orElseThrow().slotCapacity()).isEqualTo(9);
            s.setRollbackOnly();
        }));
        assertThat(capacity()).isEqualTo(5);
    }
}
