package jp.madoguchi.nursery.internal;

import static jp.madoguchi.support.OfficeSession.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import jp.madoguchi.nursery.AdmissionInstance;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The office screens with the demo town's reviewer (審査), and who may not use them. */
@MadoguchiIntegrationTest
class NurseryOfficeScreensTest {

    static final String DEMO = "205991";

    @Autowired MockMvc mvc;
    @Autowired NurseryRuns runs;
    @Autowired NurseryRounds rounds;

    private static long idFrom(MvcResult result) {
        String url = result.getResponse().getRedirectedUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1).replaceAll("#.*", ""));
    }

    @Test
    void aReviewerImportsRunsComparesInspectsFixesPublishesAndPrints() throws Exception {
        MockHttpSession session = signIn(mvc, DEMO, "shinsa", "madoguchi-demo");
        mvc.perform(get("/office/nursery").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("2027年度 4月一斉")));
        mvc.perform(get("/office").session(session)).andExpect(content().string(containsString("保育所利用調整")));

        long round = idFrom(mvc.perform(post("/office/nursery/rounds").session(session).with(csrf())
                .param("month", "2035-04").param("name", "")).andExpect(redirectedUrlPattern("/office/nursery/rounds/*"))
                .andReturn());
        mvc.perform(post("/office/nursery/rounds").session(session).with(csrf()).param("month", "2035-04"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/office/nursery").session(session))
                .andExpect(content().string(containsString("2035年4月入所の回はすでにあります")));

        AdmissionInstance instance = NurseryTestRounds.generated(35, 40, 4, 2035);
        mvc.perform(multipart("/office/nursery/rounds/" + round + "/import/facilities").file(new MockMultipartFile(
                        "file", "shisetsu.csv", "text/csv", InstanceCsv.facilities(instance.facilities())
                                .getBytes(Charset.forName("windows-31j"))))
                        .param("charset", "AUTO").param("policy", "ALL_OR_NOTHING").session(session).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("取り込みました")))
                .andExpect(content().string(containsString("Shift_JIS（CP932）")));
        byte[] applications = InstanceCsv.applications(instance, id -> "審査 " + id, id -> null)
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = (new String(applications, StandardCharsets.UTF_8) + "X1,Y1,新規,,2035-13-01,,,,WORK_160,,,,,,0,1,N001\r\n")
                .getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/office/nursery/rounds/" + round + "/import/applications").file(new MockMultipartFile(
                        "file", "moushikomi.csv", "text/csv", bad)).param("policy", "ALL_OR_NOTHING").session(session)
                        .with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("何も取り込みませんでした")))
                .andExpect(content().string(containsString("生年月日「2035-13-01」は日付として読めません")));
        mvc.perform(multipart("/office/nursery/rounds/" + round + "/import/applications").file(new MockMultipartFile(
                        "file", "moushikomi.csv", "text/csv", applications)).param("policy", "GOOD_ROWS")
                        .session(session).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("取り込みました")));
        mvc.perform(get("/office/nursery/rounds/" + round).session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString(instance.children().size() + "人（うち転園")))
                .andExpect(content().string(containsString("WORK_160")));

        long baseline = idFrom(mvc.perform(post("/office/nursery/rounds/" + round + "/runs").session(session)
                .with(csrf()).param("mode", "BASELINE")).andExpect(redirectedUrlPattern("/office/nursery/runs/*"))
                .andReturn());
        long optimal = idFrom(mvc.perform(post("/office/nursery/rounds/" + round + "/runs").session(session)
                .with(csrf()).param("mode", "OPTIMAL").param("seconds", "20")).andReturn());
        mvc.perform(post("/office/nursery/rounds/" + round + "/runs").session(session).with(csrf())
                .param("mode", "OPTIMAL").param("seconds", "0")).andExpect(redirectedUrlPattern("/office/nursery/rounds/*"));
        TenantContext.runAs(DEMO, () -> {
            assertThat(runs.await(baseline, Duration.ofSeconds(60)).state()).isEqualTo(RunState.FINISHED);
            assertThat(runs.await(optimal, Duration.ofSeconds(60)).state()).isEqualTo(RunState.FINISHED);
        });
        mvc.perform(get("/office/nursery/runs/" + optimal + "/status").session(session))
                .andExpect(jsonPath("$.state").value("FINISHED")).andExpect(jsonPath("$.pending").value(false));
        mvc.perform(get("/office/nursery/runs/" + optimal).session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("年齢クラスごとの入所")))
                .andExpect(content().string(containsString("最適（証明済み）")))
                .andExpect(content().string(containsString("この結果を公開する")));
        mvc.perform(get("/office/nursery/runs/" + optimal).param("show", "unplaced").session(session))
                .andExpect(status().isOk());
        mvc.perform(get("/office/nursery/rounds/" + round + "/compare").param("first", Long.toString(baseline))
                .param("second", Long.toString(optimal)).session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("実行 #" + baseline + " と #" + optimal + " の比較")));

        String child = instance.children().get(0).id();
        mvc.perform(get("/office/nursery/runs/" + optimal + "/children/" + child).session(session))
                .andExpect(status().isOk()).andExpect(content().string(containsString("審査 " + child)))
                .andExpect(content().string(containsString("優先順位")))
                .andExpect(content().string(containsString("決めて残りを再実行する")));
        var family = instance.families().stream().filter(f -> f.children().size() > 1).findFirst().orElseThrow();
        mvc.perform(get("/office/nursery/runs/" + optimal + "/children/" + family.children().get(0).id())
                        .session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("同じ世帯の児童")))
                .andExpect(content().string(containsString("/children/" + family.children().get(1).id() + "\"")));
        long fixed = idFrom(mvc.perform(post("/office/nursery/runs/" + optimal + "/children/" + child + "/fix")
                .session(session).with(csrf()).param("preference", "0")).andExpect(redirectedUrlPattern("/office/nursery/runs/*"))
                .andReturn());
        TenantContext.runAs(DEMO, () -> assertThat(runs.await(fixed, Duration.ofSeconds(60)).state())
                .isEqualTo(RunState.FINISHED));
        mvc.perform(get("/office/nursery/runs/" + fixed).session(session))
                .andExpect(content().string(containsString("手作業の決定")));

        mvc.perform(post("/office/nursery/runs/" + optimal + "/publish").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/office/nursery/runs/" + optimal).session(session))
                .andExpect(content().string(containsString("この回の結果として公開しました")))
                .andExpect(content().string(containsString("通知書（全世帯、PDF）")));
        mvc.perform(get("/office/nursery/runs/" + optimal + "/letters.pdf").session(session))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(content().string(startsWith("%PDF-")));
        mvc.perform(get("/office/nursery/runs/" + optimal + "/results.csv").param("charset", "cp932").session(session))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", containsString("text/csv")));
        mvc.perform(get("/office/nursery/runs/" + baseline + "/letters.pdf").session(session))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("通知書は公開した結果からだけ作成できます")));
        mvc.perform(get("/office/nursery/runs/999999999").session(session)).andExpect(status().isNotFound());
        mvc.perform(post("/office/nursery/runs/" + optimal + "/withdraw").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        TenantContext.runAs(DEMO, () -> assertThat(runs.published(round)).isEmpty());
    }

    @Test
    void onlyReviewersAndAdministratorsMayUseTheScreens() throws Exception {
        for (String login : new String[] {"kaikei", "madoguchi"}) {
            MockHttpSession session = signIn(mvc, DEMO, login, "madoguchi-demo");
            mvc.perform(get("/office/nursery").session(session)).andExpect(status().isForbidden());
            mvc.perform(post("/office/nursery/rounds").session(session).with(csrf()).param("month", "2036-04"))
                    .andExpect(status().isForbidden());
        }
        MockHttpSession admin = signIn(mvc, DEMO, "kanri", "madoguchi-demo");
        mvc.perform(get("/office/nursery").session(admin)).andExpect(status().isOk());
        mvc.perform(get("/office/nursery")).andExpect(status().is3xxRedirection());
    }
}
