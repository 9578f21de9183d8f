package jp.madoguchi.counter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.kit.CheckDigits;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.StaffInContext;
import jp.madoguchi.support.TestMunicipality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row-level security on {@code counter_visit} and {@code counter_visit_event}: a visit of one municipality and its
 * events are invisible from another, cannot be changed from there, and no row can be written for another tenant.
 */
@MadoguchiIntegrationTest
class VisitTenantIsolationTest {

    static final String DEMO = DemoDataLoader.DEMO_MUNICIPALITY.code();
    static final String OTHER = "205834";
    static final AuditEvent.Actor STAFF = AuditEvent.Actor.staff(1, "テスト職員");

    @Autowired VisitService visits;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration register;

    TestMunicipality other;

    @BeforeEach
    void twoMunicipalities() {
        assertThat(CheckDigits.isValidMunicipalityCode(OTHER)).isTrue();
        other = TestMunicipality.create(municipalities, staff, register, OTHER, "テスト丁町", "テイノ\u3000ハナコ");
    }

    @AfterEach
    void signOut() {
        StaffInContext.signOut();
    }

    void signInAt(String code) {
        StaffInContext.signInCounterClerk(code);
    }

    <T> T as(String code, java.util.concurrent.Callable<T> work) {
        signInAt(code);
        return TenantContext.callAs(code, work);
    }

    long count(String code, String sql, UUID visit) {
        return TenantContext.callAs(code, () -> transactions.execute(s -> jdbc.sql(sql).param(visit)
                .query(Long.class).single()));
    }

    @Test
    void aVisitAndItsEventsAreInvisibleAndUnchangeableFromAnotherMunicipality() {
        Visit demoVisit = as(DEMO, () -> visits.require(visits.open(OkuyamiDemoContent.WIFE, "CARD",
                List.of("氏名（字形の違い）"), STAFF)));
        Visit otherVisit = as(OTHER, () -> visits.require(visits.open(other.atenaNumbers.getFirst(),
                "REGISTER_SEARCH", List.of(), STAFF)));

        assertThat(count(DEMO, "select count(*) from counter_visit_event where visit_id = ?", demoVisit.id()))
                .as("OPENED and CARD_MISMATCH in its own municipality").isEqualTo(2);
        assertThat(count(OTHER, "select count(*) from counter_visit where id = ?", demoVisit.id())).isZero();
        assertThat(count(OTHER, "select count(*) from counter_visit_event where visit_id = ?", demoVisit.id()))
                .isZero();
        assertThat(count(DEMO, "select count(*) from counter_visit where id = ?", otherVisit.id())).isZero();
        assertThat(count(DEMO, "select count(*) from counter_visit_event where visit_id = ?", otherVisit.id()))
                .isZero();

        assertThat(as(OTHER, () -> visits.find(demoVisit.id()))).isEmpty();
        assertThat(as(OTHER, () -> visits.byToken(demoVisit.token()))).as("the tablet's token").isEmpty();
        assertThat(as(OTHER, () -> visits.events(demoVisit.id()))).isEmpty();
        assertThat(as(DEMO, () -> visits.find(otherVisit.id()))).isEmpty();

        int closed = TenantContext.callAs(OTHER, () -> transactions.execute(s -> jdbc.sql(
                "update counter_visit set state = 'CLOSED' where id = ?").param(demoVisit.id()).update()));
        assertThat(closed).isZero();
        assertThat(as(DEMO, () -> visits.require(demoVisit.id())).state()).isEqualTo(demoVisit.state());
    }

    @Test
    void noRowCanBeWrittenForAnotherMunicipality() {
        Visit demoVisit = as(DEMO, () -> visits.require(visits.open(OkuyamiDemoContent.WIFE, "CARD", List.of(),
                STAFF)));
        assertThatThrownBy(() -> TenantContext.runAs(OTHER, () -> transactions.executeWithoutResult(s -> jdbc.sql("""
                insert into counter_visit_event (municipality_code, visit_id, kind, details)
                values (?, ?, 'CLOSED', '{}'::jsonb)""").params(DEMO, demoVisit.id()).update())))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> TenantContext.runAs(OTHER, () -> transactions.executeWithoutResult(s -> jdbc.sql("""
                insert into counter_visit (id, municipality_code, visitor_atena, identified_by, card_mismatches,
                    staff_id, staff_name, state, kiosk_token, check_code)
                values (?, ?, ?, 'CARD', '[]'::jsonb, 1, 'x', 'OPEN', ?, '0000')""")
                .params(UUID.randomUUID(), DEMO, OkuyamiDemoContent.WIFE, DEMO + ".forged").update())))
                .isInstanceOf(DataAccessException.class);
        assertThat(count(DEMO, "select count(*) from counter_visit_event where visit_id = ?", demoVisit.id()))
                .isEqualTo(1);
    }
}
