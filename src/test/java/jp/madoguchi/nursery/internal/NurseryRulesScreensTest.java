package jp.madoguchi.nursery.internal;

import static jp.madoguchi.support.OfficeSession.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import jp.madoguchi.nursery.AdmissionInstance;
import jp.madoguchi.nursery.AllocationMode;
import jp.madoguchi.nursery.BaseIndexRule;
import jp.madoguchi.nursery.TieBreakRule;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The 利用調整基準 screen of a round: 管理者 changes the table, the tie-break order and the settings and imports a CSV;
 * 審査 sees it and downloads it but may change nothing; the round page says when the rules changed after the last run;
 * a new round copies another round's rules.
 */
@MadoguchiIntegrationTest
class NurseryRulesScreensTest {

    static final String DEMO = "205991";

    @Autowired MockMvc mvc;
    @Autowired NurseryRounds rounds;
    @Autowired NurseryImports imports;
    @Autowired NurseryRuns runs;
    @Autowired NurseryRules rules;

    @Test
    void anAdministratorChangesTheRulesAndAReviewerOnlySeesThem() throws Exception {
        AdmissionInstance instance = NurseryTestRounds.generated(48, 30, 3, 2048);
        long round = TenantContext.callAs(DEMO, () -> {
            long id = NurseryTestRounds.imported(rounds, imports, instance);
            long run = runs.start(id, AllocationMode.BASELINE, null, NurseryTestRounds.TESTER);
            assertThat(runs.await(run, Duration.ofSeconds(120)).state()).isEqualTo(RunState.FINISHED);
            return id;
        });
        String page = "/office/nursery/rounds/" + round + "/rules";
        MockHttpSession admin = signIn(mvc, DEMO, "kanri", "madoguchi-demo");
        MockHttpSession reviewer = signIn(mvc, DEMO, "shinsa", "madoguchi-demo");

        mvc.perform(get("/office/nursery/rounds/" + round).session(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString(page)))
                .andExpect(content().string(not(containsString("id=\"rules-changed\""))));
        mvc.perform(get(page).session(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("WORK_160")))
                .andExpect(content().string(containsString("id=\"save-WORK_160\"")))
                .andExpect(content().string(containsString("form=\"item-WORK_160\"")))
                .andExpect(content().string(containsString("<form id=\"item-WORK_160\"")))
                .andExpect(content().string(containsString("id=\"import-rules\"")));

        // edit an item's 指数 and 名称
        mvc.perform(post(page + "/items").session(admin).with(csrf()).param("code", "WORK_160")
                        .param("category", "就労").param("label", "月160時間以上の就労（常勤）").param("points", "19"))
                .andExpect(redirectedUrl(page + "#items"))
                .andExpect(flash().attribute("notice", "利用調整基準を変更しました（項目の変更1件）。次の実行から新しい基準が使われます。"));
        // a bad value: nothing changes, the field's message
        mvc.perform(post(page + "/items").session(admin).with(csrf()).param("code", "WORK_160")
                        .param("category", "就労").param("label", "x").param("points", "十九"))
                .andExpect(redirectedUrl(page + "#items"))
                .andExpect(flash().attribute("error", "項目を保存できません"))
                .andExpect(flash().attribute("errorDetails", java.util.List.of("指数「十九」は整数ではありません")));
        // add and remove an item, reorder the tie-breaks, choose the base-index rule
        mvc.perform(post(page + "/items").session(admin).with(csrf()).param("mode", "add").param("kind", "ADJUSTMENT")
                        .param("code", "TWINS").param("category", "多胎").param("label", "多胎児").param("points", "2"))
                .andExpect(flash().attribute("notice", containsString("項目の追加1件")));
        mvc.perform(post(page + "/items/TWINS/remove").session(admin).with(csrf()))
                .andExpect(flash().attribute("notice", containsString("項目の削除1件")));
        mvc.perform(post(page + "/tie-breaks").session(admin).with(csrf()).param("rule", "LOTTERY").param("action", "up"))
                .andExpect(flash().attribute("notice", containsString("同点時の優先順位")));
        mvc.perform(post(page + "/settings").session(admin).with(csrf()).param("baseIndexRule", "SUM_OF_GUARDIANS")
                        .param("absentGuardianPoints", "20").param("maxPreferences", "10"))
                .andExpect(flash().attribute("notice", containsString("基準指数の算定などの設定")));
        TenantContext.runAs(DEMO, () -> {
            CriteriaTable table = rules.table(round);
            assertThat(table.item("WORK_160").orElseThrow().item().points()).isEqualTo(19);
            assertThat(table.item("WORK_160").orElseThrow().item().label()).isEqualTo("月160時間以上の就労（常勤）");
            assertThat(table.item("TWINS")).isEmpty();
            assertThat(table.tieBreaks().indexOf(TieBreakRule.LOTTERY))
                    .isLessThan(table.tieBreaks().indexOf(TieBreakRule.LONGER_WAITING));
            assertThat(table.baseIndexRule()).isEqualTo(BaseIndexRule.SUM_OF_GUARDIANS);
        });
        // an item the applications use cannot be removed
        mvc.perform(post(page + "/items/WORK_160/remove").session(admin).with(csrf()))
                .andExpect(flash().attribute("error", "利用調整基準を変更できません"));

        // the round page says the rules changed since the last run
        mvc.perform(get("/office/nursery/rounds/" + round).session(reviewer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"rules-changed\"")))
                .andExpect(content().string(containsString("の後に変更されています")));

        // the CSV: export, the same file back changes nothing, a bad file names its line and column
        byte[] csv = mvc.perform(get(page.replace("/rules", "/rules.csv")).session(reviewer))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFF[設定]\r\n").contains("基準,WORK_160,就労,"
                + "月160時間以上の就労（常勤）,19\r\n");
        mvc.perform(multipart(page + "/import").file(new MockMultipartFile("file", "kijun.csv", "text/csv", csv))
                        .session(admin).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("何も変わっていません")));
        byte[] bad = new String(csv, StandardCharsets.UTF_8).replace("月160時間以上の就労（常勤）,19", "月160時間以上の就労（常勤）,abc")
                .getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart(page + "/import").file(new MockMultipartFile("file", "kijun.csv", "text/csv", bad))
                        .session(admin).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("何も変えませんでした")))
                .andExpect(content().string(containsString("指数「abc」は整数ではありません")));
        byte[] changed = new String(csv, StandardCharsets.UTF_8).replace("月160時間以上の就労（常勤）,19", "月160時間以上の就労（常勤）,18")
                .getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart(page + "/import").file(new MockMultipartFile("file", "kijun.csv", "text/csv", changed))
                        .session(admin).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("取り込みました（<span>項目の変更1件</span>）")));

        // the reviewer sees the rules but may change nothing
        mvc.perform(get(page).session(reviewer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("利用調整基準を変更できるのは管理者です")))
                .andExpect(content().string(containsString("月160時間以上の就労（常勤）")))
                .andExpect(content().string(not(containsString("id=\"save-WORK_160\""))))
                .andExpect(content().string(not(containsString("id=\"import-rules\""))));
        mvc.perform(post(page + "/items").session(reviewer).with(csrf()).param("code", "WORK_160")
                .param("category", "就労").param("label", "x").param("points", "1")).andExpect(status().isForbidden());
        mvc.perform(post(page + "/settings").session(reviewer).with(csrf()).param("baseIndexRule", "LOWER_OF_GUARDIANS")
                .param("absentGuardianPoints", "20").param("maxPreferences", "10")).andExpect(status().isForbidden());
        mvc.perform(post(page + "/tie-breaks").session(reviewer).with(csrf()).param("rule", "LOTTERY")
                .param("action", "down")).andExpect(status().isForbidden());
        mvc.perform(post(page + "/items/SINGLE_PARENT/remove").session(reviewer).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart(page + "/import").file(new MockMultipartFile("file", "kijun.csv", "text/csv", csv))
                .session(reviewer).with(csrf())).andExpect(status().isForbidden());
        TenantContext.runAs(DEMO, () -> assertThat(rules.table(round).item("WORK_160").orElseThrow().item().points())
                .isEqualTo(18));
        mvc.perform(get("/office/nursery/rounds/999999999/rules").session(reviewer)).andExpect(status().isNotFound());

        // a new round copies this round's rules
        mvc.perform(get("/office/nursery").session(admin))
                .andExpect(content().string(containsString("<option value=\"" + round + "\">")));
        String location = mvc.perform(post("/office/nursery/rounds").session(admin).with(csrf()).param("month", "2048-06")
                        .param("rulesFrom", Long.toString(round)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long copy = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        TenantContext.runAs(DEMO, () -> assertThat(rules.table(copy)).isEqualTo(rules.table(round)));
        mvc.perform(get("/office/nursery/rounds/" + copy + "/rules").session(admin))
                .andExpect(content().string(containsString("月160時間以上の就労（常勤）")));
    }
}
