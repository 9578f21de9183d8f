package jp.madoguchi.reservation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.OfficeSession;
import jp.madoguchi.support.TestMunicipality;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Row-level security on the reservation and notification tables: another municipality sees and writes nothing. */
@MadoguchiIntegrationTest
class ReservationTenantIsolationTest {

    static final List<String> TABLES = List.of("reservation_counter", "reservation_service",
            "reservation_service_counter", "reservation_opening_hours", "reservation_special_day",
            "reservation_campaign", "reservation_slot", "reservation_booking", "queue_ticket_sequence", "queue_ticket",
            "notification_outbox", "reservation_service_procedure", "lobby_device", "lobby_device_key");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration register;
    @Autowired QueueService queue;

    TestMunicipality other;

    @BeforeEach
    void otherMunicipality() {
        other = TestMunicipality.create(municipalities, staff, register, "205940", "テスト予約町", "ヨヤク\u3000タロウ");
        Fixtures.service(tx, jdbc, "rls-test", "L", 2);
        TenantContext.runAs(Fixtures.DEMO, () -> queue.issue("rls-test"));
    }

    @Test
    void everyTableHasForcedRowLevelSecurity() {
        for (String table : TABLES) {
            var flags = tx.execute(s -> jdbc.sql("""
                    select relrowsecurity and relforcerowsecurity from pg_class where relname = :t""")
                    .param("t", table).query(Boolean.class).single());
            assertThat(flags).as(table).isTrue();
        }
    }

    @Test
    void anotherMunicipalitySeesNoneOfTheDemoRowsAndCannotWriteThem() {
        for (String table : TABLES) {
            long demoRowsSeen = TenantContext.callAs(other.code, () -> tx.execute(s -> jdbc.sql(
                    "select count(*) from " + table + " where municipality_code = :m")
                    .param("m", Fixtures.DEMO).query(Long.class).single()));
            assertThat(demoRowsSeen).as(table).isZero();
        }
        long demoServicesVisibleToDemo = TenantContext.callAs(Fixtures.DEMO, () -> tx.execute(s -> jdbc.sql(
                "select count(*) from reservation_service").query(Long.class).single()));
        assertThat(demoServicesVisibleToDemo).isPositive();
        assertThatThrownBy(() -> TenantContext.runAs(other.code, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                insert into reservation_counter (municipality_code, code, name) values (:m, 'intruder', '侵入')""")
                .param("m", Fixtures.DEMO).update()))).hasStackTraceContaining("row-level security");
        long updated = TenantContext.callAs(other.code, () -> tx.execute(s -> (long) jdbc.sql(
                "update reservation_slot set booked = 0 where municipality_code = :m").param("m", Fixtures.DEMO)
                .update()));
        assertThat(updated).isZero();
    }

    @Test
    void anotherMunicipalitysStaffSeeNoDemoTicketsOrServices() throws Exception {
        var session = OfficeSession.signIn(mvc, other.code, "admin", TestMunicipality.PASSWORD);
        String queuePage = mvc.perform(get("/office/queue").session(session)).andReturn().getResponse()
                .getContentAsString();
        assertThat(queuePage).doesNotContain("L-0");
        String settings = mvc.perform(get("/office/reservations/settings").session(session)).andReturn().getResponse()
                .getContentAsString();
        assertThat(settings).contains("予約・発券の設定").doesNotContain("住民票・証明書");
        String demoSettings = mvc.perform(get("/office/reservations/settings").session(OfficeSession.signIn(mvc,
                Fixtures.DEMO, "kanri", jp.madoguchi.demo.internal.DemoDataLoader.DEMO_PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(demoSettings).contains("住民票・証明書");
    }
}
