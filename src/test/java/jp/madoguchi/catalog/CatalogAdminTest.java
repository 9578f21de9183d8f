package jp.madoguchi.catalog;

import static jp.madoguchi.support.OfficeSession.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
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
 * An administrator of a municipality of its own (not the demo's, whose catalog other tests read) imports the default
 * catalog, edits a draft — a broken file is refused with its line and saves nothing — previews the change on the
 * personas, publishes it with an effective date, and the change is in the history; published versions cannot be
 * altered, and other municipalities cannot see the catalog rows.
 */
@MadoguchiIntegrationTest
class CatalogAdminTest {

    static final String CODE = "205974";

    @Autowired MockMvc mvc;
    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration register;
    @Autowired CatalogVersions versions;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired java.time.Clock clock;

    MockHttpSession admin;

    @BeforeEach
    void municipalityWithAdmin() throws Exception {
        TestMunicipality.create(municipalities, staff, register, CODE, "テスト丙町", "ヘイノ\u3000タロウ");
        admin = signIn(mvc, CODE, "admin", TestMunicipality.PASSWORD);
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path).session(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void editPreviewPublishAndHistory() throws Exception {
        if (TenantContext.callAs(CODE, versions::versions).isEmpty()) {
            mvc.perform(post("/office/catalog/import-default").session(admin).with(csrf()))
                    .andExpect(redirectedUrl("/office/catalog"));
        }
        int before = TenantContext.callAs(CODE, () -> versions.inForce(LocalDate.now(clock)).orElseThrow().number());
        mvc.perform(post("/office/catalog/draft").session(admin).with(csrf()))
                .andExpect(redirectedUrl("/office/catalog/draft"));
        assertThat(page("/office/catalog/draft")).contains("events/tennyu.yaml", "ライフイベント");

        String original = page("/office/catalog/draft/file?path=events/tennyu.yaml");
        CatalogFile file = TenantContext.callAs(CODE, () -> versions.files(versions.draft().orElseThrow().id())
                .stream().filter(f -> f.path().equals("events/tennyu.yaml")).findFirst().orElseThrow());
        assertThat(original).contains("moveInDate");

        // A rule naming a procedure that does not exist: refused with file and line, nothing saved.
        String broken = file.text().replace("procedure: tennyu-todoke", "procedure: tennyu-todoke-x");
        String refused = mvc.perform(post("/office/catalog/draft/file").session(admin).with(csrf())
                        .param("path", "events/tennyu.yaml").param("content", broken))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("保存できません", "events/tennyu.yaml", "行目", "tennyu-todoke-x");
        assertThat(TenantContext.callAs(CODE, () -> versions.files(versions.draft().orElseThrow().id())))
                .contains(file);

        // A real change: the 転入届's counter time in the procedures file.
        CatalogFile procedures = TenantContext.callAs(CODE, () -> versions.files(versions.draft().orElseThrow().id())
                .stream().filter(f -> f.text().contains("code: tennyu-todoke")).findFirst().orElseThrow());
        String changed = procedures.text().replaceFirst(
                "(code: tennyu-todoke[\\s\\S]*?)deadline:\\n(\\s+)days: 14", "$1deadline:\n$2days: 13");
        assertThat(changed).isNotEqualTo(procedures.text());
        mvc.perform(post("/office/catalog/draft/file").session(admin).with(csrf())
                        .param("path", procedures.path()).param("content", changed))
                .andExpect(redirectedUrl("/office/catalog/draft"));

        String preview = page("/office/catalog/draft/preview");
        assertThat(preview).contains("期限の変更: tennyu-todoke", "期待どおりでないのは").containsPattern("結果が変わるのは [1-9]");

        mvc.perform(post("/office/catalog/draft/publish").session(admin).with(csrf())
                        .param("effectiveFrom", "2000-01-01"))
                .andExpect(redirectedUrl("/office/catalog/draft"));
        mvc.perform(post("/office/catalog/draft/publish").session(admin).with(csrf())
                        .param("effectiveFrom", LocalDate.now(clock).toString()).param("note", "転入届の期限（テスト）"))
                .andExpect(redirectedUrl("/office/catalog"));
        CatalogVersion inForce = TenantContext.callAs(CODE, () -> versions.inForce(LocalDate.now(clock)).orElseThrow());
        assertThat(inForce.number()).isGreaterThan(before);
        assertThat(TenantContext.callAs(CODE, () -> versions.catalog(inForce.id()).procedure("tennyu-todoke")
                .orElseThrow().deadline().days())).isEqualTo(13);
        assertThat(page("/office/catalog")).contains("公開", "保存", procedures.path(), "転入届の期限（テスト）");

        // A published version is never changed, even by SQL.
        assertThatThrownBy(() -> TenantContext.runAs(CODE, () -> transactions.executeWithoutResult(s -> jdbc.sql(
                "update catalog_file set content = 'x' where version_id = ?").param(inForce.id()).update())))
                .hasMessageContaining("公開済み");
        assertThatThrownBy(() -> TenantContext.runAs(CODE, () -> transactions.executeWithoutResult(s -> jdbc.sql(
                "insert into catalog_file (version_id, municipality_code, path, content) values (?, ?, ?, ?)")
                .params(inForce.id(), CODE, "personas/extra.yaml", "personas: []").update())))
                .hasMessageContaining("ファイルを追加できません");
    }

    @Test
    void onlyAdministratorsManageTheCatalogAndOtherTenantsSeeNothing() throws Exception {
        MockHttpSession counter = signIn(mvc, CODE, "counter", TestMunicipality.PASSWORD);
        mvc.perform(get("/office/catalog").session(counter)).andExpect(status().isForbidden());
        Long foreign = TenantContext.callAs("205991", () -> transactions.execute(s -> jdbc.sql(
                "select count(*) from catalog_file where municipality_code = ?").param(CODE).query(Long.class)
                .single()));
        assertThat(foreign).isZero();
    }
}
