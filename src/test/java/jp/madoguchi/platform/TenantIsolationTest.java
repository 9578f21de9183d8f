package jp.madoguchi.platform;

import static jp.madoguchi.support.OfficeSession.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.TestMunicipality;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Municipality A's staff can neither read nor change municipality B's rows — through the database, search, direct
 * ids in URLs, and the API — because PostgreSQL's row-level security refuses, not because the code remembers to.
 */
@MadoguchiIntegrationTest
class TenantIsolationTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration register;

    TestMunicipality a;
    TestMunicipality b;

    @BeforeEach
    void twoMunicipalities() {
        a = TestMunicipality.create(municipalities, staff, register, "205966", "テスト甲町", "コウノ\u3000イチロウ");
        b = TestMunicipality.create(municipalities, staff, register, "205982", "テスト乙村", "オツヤマ\u3000ハナコ",
                "オツヤマ\u3000ジロウ");
    }

    @Test
    void theApplicationRoleCannotBypassRowLevelSecurity() {
        Map<String, Object> role = transactions.execute(s -> jdbc.sql("""
                select rolsuper, rolbypassrls,
                       (select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user) as owned
                from pg_roles where rolname = current_user
                """).query().singleRow());
        assertThat(role).containsEntry("rolsuper", false).containsEntry("rolbypassrls", false)
                .containsEntry("owned", 0L);
        Long tablesWithoutRls = transactions.execute(s -> jdbc.sql("""
                select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity
                  and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'municipality_code')
                """).query(Long.class).single());
        assertThat(tablesWithoutRls).as("tenant-owned tables without row-level security").isZero();
    }

    @Test
    void aTransactionSeesOnlyItsTenantsRows() {
        long seenByA = TenantContext.callAs(a.code, () -> transactions.execute(s -> jdbc.sql(
                "select count(*) from resident_record where atena_number in (:ids)")
                .param("ids", b.atenaNumbers).query(Long.class).single()));
        assertThat(seenByA).isZero();
        long seenByB = TenantContext.callAs(b.code, () -> transactions.execute(s -> jdbc.sql(
                "select count(*) from resident_record where atena_number in (:ids)")
                .param("ids", b.atenaNumbers).query(Long.class).single()));
        assertThat(seenByB).isEqualTo(2);
        long withoutTenant = transactions.execute(s -> jdbc.sql("select count(*) from resident_record")
                .query(Long.class).single());
        assertThat(withoutTenant).as("no tenant, no rows").isZero();
    }

    @Test
    void aTransactionCannotWriteIntoAnotherTenant() {
        assertThatThrownBy(() -> TenantContext.runAs(a.code, () -> transactions.executeWithoutResult(s -> jdbc.sql("""
                insert into staff_account (municipality_code, login_id, display_name, password_hash, roles)
                values (:b, 'intruder', '侵入者', 'x', '{ADMIN}')
                """).param("b", b.code).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
        int changed = TenantContext.callAs(a.code, () -> transactions.execute(s -> jdbc.sql(
                "update staff_account set enabled = false where id = :id").param("id", b.adminId).update()));
        assertThat(changed).isZero();
    }

    @Test
    void searchFindsOnlyOwnResidents() throws Exception {
        MockHttpSession session = signIn(mvc, a.code, "admin", TestMunicipality.PASSWORD);
        mvc.perform(get("/office/residents").session(session).param("kana", "オツヤマ")
                        .param("purpose", "COUNTER_SERVICE"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("該当する住民はいません")));
        MockHttpSession sessionB = signIn(mvc, b.code, "admin", TestMunicipality.PASSWORD);
        mvc.perform(get("/office/residents").session(sessionB).param("kana", "オツヤマ")
                        .param("purpose", "COUNTER_SERVICE"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("検索結果 2件")));
    }

    @Test
    void directIdsInUrlsAndTheApiFindNothingOfAnotherTenant() throws Exception {
        MockHttpSession session = signIn(mvc, a.code, "admin", TestMunicipality.PASSWORD);
        String bResident = b.atenaNumbers.get(0);
        mvc.perform(get("/office/residents/" + bResident).session(session).param("purpose", "COUNTER_SERVICE"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/residents/" + bResident).session(session)
                        .header("X-Access-Purpose", "COUNTER_SERVICE"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/residents").session(session).param("atenaNumber", bResident)
                        .header("X-Access-Purpose", "COUNTER_SERVICE"))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
        mvc.perform(get("/office/residents/" + a.atenaNumbers.get(0)).session(session)
                        .param("purpose", "COUNTER_SERVICE"))
                .andExpect(status().isOk());
    }

    @Test
    void anAdministratorCannotDisableAnotherMunicipalitysStaff() throws Exception {
        MockHttpSession session = signIn(mvc, a.code, "admin", TestMunicipality.PASSWORD);
        mvc.perform(post("/office/staff/" + b.counterId + "/disable").session(session).with(csrf()))
                .andExpect(status().isNotFound());
        boolean stillEnabled = TenantContext.callAs(b.code, () -> staff.list().stream()
                .filter(acc -> acc.id() == b.counterId).findFirst().orElseThrow().enabled());
        assertThat(stillEnabled).isTrue();
        // The same request by B's own administrator works: the 404 above came from isolation, not a broken URL.
        MockHttpSession sessionB = signIn(mvc, b.code, "admin", TestMunicipality.PASSWORD);
        mvc.perform(post("/office/staff/" + b.counterId + "/disable").session(sessionB).with(csrf()))
                .andExpect(status().is3xxRedirection());
        boolean disabled = TenantContext.callAs(b.code, () -> staff.list().stream()
                .filter(acc -> acc.id() == b.counterId).findFirst().orElseThrow().enabled());
        assertThat(disabled).isFalse();
        TenantContext.runAs(b.code, () -> staff.setEnabled(b.counterId, true));
    }
}
