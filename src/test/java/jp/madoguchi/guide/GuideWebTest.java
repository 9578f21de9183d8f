package jp.madoguchi.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The guide's portal pages over HTTP: adaptive questions, bad input, the result, the checklist and the share link. */
@MadoguchiIntegrationTest
class GuideWebTest {

    @Autowired MockMvc mvc;

    String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static MockHttpServletRequestBuilder tennyu(String current, String... pairs) {
        MockHttpServletRequestBuilder b = post("/guide/tennyu").param("current", current);
        for (int i = 0; i < pairs.length; i += 2) {
            b.param(pairs[i], pairs[i + 1]);
        }
        return b;
    }

    static final String[] FAMILY = {"a.moveInDate", "2026-04-03", "a.hasMyNumberCard", "true", "a.insurance", "kokuho",
            "a.hasChildren", "true", "a.children.0.birthDate", "2016-06-10", "a.children.1.birthDate", "平成24年9月1日",
            "a.koumuin", "false", "a.hasSeniors", "false", "a.wantsInkan", "false", "m.pets", "1"};

    @Test
    void listsTheLifeEventsWithoutTheRegister() throws Exception {
        String html = page(get("/guide"));
        assertThat(html).contains("引っ越してきた（転入）", "家族が亡くなった（死亡・おくやみ）", "住民記録は参照しません");
    }

    @Test
    void asksChildrensBirthDatesOnlyWhenThereAreChildren() throws Exception {
        String base = page(tennyu("hasChildren", "a.moveInDate", "2026-04-03", "a.hasMyNumberCard", "true",
                "a.insurance", "employee", "a.hasChildren", "false"));
        assertThat(base).doesNotContain("お子さんの生年月日").contains("name=\"current\" value=\"hasSeniors\"");
        String withChildren = page(tennyu("hasChildren", "a.moveInDate", "2026-04-03", "a.hasMyNumberCard", "true",
                "a.insurance", "employee", "a.hasChildren", "true"));
        assertThat(withChildren).contains("name=\"current\" value=\"children\"", "a.children.0.birthDate");
    }

    @Test
    void anImpossibleDateIsRefusedOnItsQuestion() throws Exception {
        String html = page(tennyu("moveInDate", "a.moveInDate", "2026-02-30"));
        assertThat(html).contains("error-summary", "「2026-02-30」は日付として読めません",
                "name=\"current\" value=\"moveInDate\"");
        String unanswered = page(tennyu("moveInDate"));
        assertThat(unanswered).contains("に答えてください");
    }

    @Test
    void aChildBornAfterTheMoveIsRefusedWithTheChildNamed() throws Exception {
        String html = page(tennyu("children", "a.moveInDate", "2026-04-03", "a.hasMyNumberCard", "true",
                "a.insurance", "employee", "a.hasChildren", "true", "a.children.0.birthDate", "2016-06-10",
                "a.children.1.birthDate", "2026-05-01"));
        assertThat(html).contains("error-summary", "name=\"current\" value=\"children\"").containsPattern("2:");
    }

    @Test
    void theResultListsProceduresWithReasonsDeadlinesAndAChecklistAndAShareLinkWithoutPersonalData()
            throws Exception {
        String html = page(tennyu("pets", FAMILY));
        assertThat(html).contains("転入届", "2026年（令和8年）4月17日（金）", "児童手当", "2026年（令和8年）4月20日（月）", "国民健康保険",
                "必要な理由", "あなたの回答", "印刷用チェックリスト", "オンラインで");
        // The visit reservation link carries the procedures that need the counter; the reservation pages
        // preselect the services serving them.
        Matcher reserve = Pattern.compile("/reservations\\?procedures=([a-z0-9,-]+)").matcher(html);
        assertThat(reserve.find()).isTrue();
        assertThat(reserve.group(1).split(",")).contains("tennyu-todoke", "mynumber-card-henkou", "kokuho-kanyu");
        assertThat(page(get("/reservations").param("procedures", reserve.group(1))))
                .contains("転入・転出", "マイナンバーカード交付・更新", "国民健康保険・年金");
        Matcher share = Pattern.compile("value=\"http://localhost(?::\\d+)?(/guide/shared/[A-Za-z0-9_-]+)\"")
                .matcher(html);
        assertThat(share.find()).isTrue();
        String token = share.group(1).substring("/guide/shared/".length());
        String decoded = new String(Base64.getUrlDecoder().decode(token));
        assertThat(decoded).doesNotContain("2026", "2016", "kokuho", "children");

        String shared = page(get(share.group(1)));
        assertThat(shared).contains("転入届", "児童手当", "回答や日付は含まれない").doesNotContain("4月17日");

        MockHttpServletRequestBuilder checklist = post("/guide/tennyu/checklist");
        for (int i = 0; i < FAMILY.length; i += 2) {
            checklist.param(FAMILY[i], FAMILY[i + 1]);
        }
        assertThat(page(checklist)).contains("手続きチェックリスト", "☐", "転入届", "4月17日（金）");
    }

    @Test
    void staffRunTheSameGuideInTheOfficeForTheirMunicipality() throws Exception {
        org.springframework.mock.web.MockHttpSession clerk = jp.madoguchi.support.OfficeSession.signIn(mvc, "205991",
                "madoguchi", jp.madoguchi.demo.internal.DemoDataLoader.DEMO_PASSWORD);
        String html = page(get("/office/guide/tennyu").session(clerk));
        assertThat(html).contains("職員用", "action=\"/office/guide/tennyu\"", "name=\"current\" value=\"moveInDate\"");
        MockHttpServletRequestBuilder result = post("/office/guide/tennyu").session(clerk)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("current", "pets");
        for (int i = 0; i < FAMILY.length; i += 2) {
            result.param(FAMILY[i], FAMILY[i + 1]);
        }
        assertThat(page(result)).contains("転入届", "児童手当", "/office/guide/shared/");
        mvc.perform(get("/office/guide")).andExpect(status().is3xxRedirection());
    }

    @Test
    void anExpiredSessionNeverSendsAResidentToTheStaffSignIn() throws Exception {
        mvc.perform(get("/guide/tennyu").with(request -> {
            request.setRequestedSessionId("expired");
            request.setRequestedSessionIdValid(false);
            return request;
        })).andExpect(status().isFound()).andExpect(org.springframework.test.web.servlet.result
                .MockMvcResultMatchers.redirectedUrl("/guide/tennyu"));
        mvc.perform(post("/reservations/x/book").header("Referer", "http://localhost/reservations/x").with(request -> {
            request.setRequestedSessionId("expired");
            request.setRequestedSessionIdValid(false);
            return request;
        })).andExpect(status().isSeeOther()).andExpect(org.springframework.test.web.servlet.result
                .MockMvcResultMatchers.redirectedUrl("/reservations/x"));
        mvc.perform(get("/office/residents").with(request -> {
            request.setRequestedSessionId("expired");
            request.setRequestedSessionIdValid(false);
            return request;
        })).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                .redirectedUrl("/office/sign-in?expired"));
    }

    @Test
    void backKeepsTheAnswersAndAMalformedShareLinkIsNotFound() throws Exception {
        String html = page(tennyu("insurance", "action", "back", "a.moveInDate", "2026-04-03",
                "a.hasMyNumberCard", "true"));
        assertThat(html).contains("name=\"current\" value=\"hasMyNumberCard\"", "value=\"2026-04-03\"");
        mvc.perform(get("/guide/shared/bm90LWEtdG9rZW4")).andExpect(status().isNotFound());
        mvc.perform(get("/guide/no-such-event")).andExpect(status().isNotFound());
    }
}
