package jp.madoguchi.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.OfficeSession;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@MadoguchiIntegrationTest
class StaffSignInTest {

    static final String DEMO = DemoDataLoader.DEMO_MUNICIPALITY.code();

    @Autowired MockMvc mvc;
    @Autowired StaffDirectory staff;

    private String failedSignInMessage(String code, String loginId, String password) throws Exception {
        MvcResult result = mvc.perform(post("/office/sign-in").with(csrf()).param("municipalityCode", code)
                        .param("loginId", loginId).param("password", password))
                .andExpect(redirectedUrl("/office/sign-in?error")).andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession();
        return mvc.perform(get("/office/sign-in").param("error", "").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void demoStaffSignInAndReachTheOffice() throws Exception {
        MockHttpSession session = OfficeSession.signIn(mvc, DEMO, "kanri", DemoDataLoader.DEMO_PASSWORD);
        mvc.perform(get("/office").session(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("長野県窓口町 職員用画面")));
    }

    @Test
    void wrongPasswordGetsAJapaneseMessageAndKeepsWhatWasTyped() throws Exception {
        String page = failedSignInMessage(DEMO, "madoguchi", "wrong-password");
        assertThat(page).contains("団体コード、ユーザーID、またはパスワードが正しくありません。")
                .contains("value=\"" + DEMO + "\"").contains("value=\"madoguchi\"").doesNotContain("wrong-password");
    }

    @Test
    void malformedMunicipalityCodesAreNamed() throws Exception {
        assertThat(failedSignInMessage("12345", "kanri", "x")).contains("団体コードは6桁の半角数字で入力してください。");
        assertThat(failedSignInMessage("205990", "kanri", "x")).contains("検査数字（6桁目）が正しくありません");
        assertThat(failedSignInMessage(DEMO, "", "x")).contains("ユーザーIDとパスワードを入力してください。");
    }

    @Test
    void anAccountIsLockedAfterFiveFailures() throws Exception {
        TenantContext.runAs(DEMO, () -> staff.create("lockme", "ロック 確認", EnumSet.of(StaffRole.COUNTER),
                "correct-password-1"));
        for (int i = 1; i < 5; i++) {
            assertThat(failedSignInMessage(DEMO, "lockme", "bad-" + i)).contains("正しくありません");
        }
        assertThat(failedSignInMessage(DEMO, "lockme", "bad-5")).contains("15分間ロックしました");
        assertThat(failedSignInMessage(DEMO, "lockme", "correct-password-1")).contains("一時的にロックされています");
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        var account = TenantContext.callAs(DEMO, () -> staff.create("leaver", "退職 予定",
                EnumSet.of(StaffRole.COUNTER), "correct-password-2"));
        TenantContext.runAs(DEMO, () -> staff.setEnabled(account.id(), false));
        assertThat(failedSignInMessage(DEMO, "leaver", "correct-password-2")).contains("このアカウントは無効になっています");
    }

    @Test
    void formsNeedACsrfToken() throws Exception {
        // Without a token the sign-in is refused (the visitor is sent back to sign in anew), not performed.
        mvc.perform(post("/office/sign-in").param("municipalityCode", DEMO)
                        .param("loginId", "kanri").param("password", DemoDataLoader.DEMO_PASSWORD))
                .andExpect(redirectedUrl("/office/sign-in?expired"));
        MockHttpSession admin = OfficeSession.signIn(mvc, DEMO, "kanri", DemoDataLoader.DEMO_PASSWORD);
        mvc.perform(get("/office/staff").session(admin)).andExpect(status().isOk());
        mvc.perform(post("/office/staff").session(admin).param("loginId", "csrf-victim")
                        .param("displayName", "偽装 要求").param("roles", "ADMIN")
                        .param("initialPassword", "long-enough-password"))
                .andExpect(status().isForbidden());
        assertThat(TenantContext.callAs(DEMO, () -> staff.list()).stream().map(StaffDirectory.StaffAccount::loginId))
                .doesNotContain("csrf-victim");
    }

    @Test
    void theOfficeNeedsASignInAndTheApiAnswers401() throws Exception {
        mvc.perform(get("/office/residents")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/office/sign-in"));
        mvc.perform(get("/api/v1/residents")).andExpect(status().isUnauthorized());
    }

    @Test
    void securityHeadersAreSet() throws Exception {
        mvc.perform(get("/office/sign-in"))
                .andExpect(header().string("Content-Security-Policy", Matchers.allOf(
                        Matchers.containsString("script-src 'self'"), Matchers.not(Matchers.containsString(
                                "unsafe-inline")))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void onlyAdministratorsManageStaff() throws Exception {
        MockHttpSession counter = OfficeSession.signIn(mvc, DEMO, "madoguchi", DemoDataLoader.DEMO_PASSWORD);
        mvc.perform(get("/office/staff").session(counter)).andExpect(status().isForbidden());
        MockHttpSession admin = OfficeSession.signIn(mvc, DEMO, "kanri", DemoDataLoader.DEMO_PASSWORD);
        mvc.perform(post("/office/staff").session(admin).with(csrf()).param("loginId", "newbie")
                        .param("displayName", "新人 太郎").param("roles", "COUNTER").param("initialPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("初期パスワードは12文字以上にしてください")));
        mvc.perform(post("/office/staff").session(admin).with(csrf()).param("loginId", "newbie")
                        .param("displayName", "新人 太郎").param("roles", "COUNTER")
                        .param("initialPassword", "long-enough-password"))
                .andExpect(status().is3xxRedirection());
        OfficeSession.signIn(mvc, DEMO, "newbie", "long-enough-password");
    }

    @Test
    void anAdministratorCannotDisableThemselves() throws Exception {
        MockHttpSession admin = OfficeSession.signIn(mvc, DEMO, "kanri", DemoDataLoader.DEMO_PASSWORD);
        long me = TenantContext.callAs(DEMO, () -> staff.list()).stream()
                .filter(a -> a.loginId().equals("kanri")).findFirst().orElseThrow().id();
        mvc.perform(post("/office/staff/" + me + "/disable").session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("notice", "自分自身のアカウントは無効にできません。"));
        assertThat(TenantContext.callAs(DEMO, () -> staff.list()).stream()
                .filter(a -> a.loginId().equals("kanri")).findFirst().orElseThrow().enabled()).isTrue();
    }
}
