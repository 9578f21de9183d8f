package jp.madoguchi.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Signs a staff member in through the real sign-in form and returns the session. */
public final class OfficeSession {

    private OfficeSession() {
    }

    public static MockHttpSession signIn(MockMvc mvc, String municipalityCode, String loginId, String password)
            throws Exception {
        MvcResult result = mvc.perform(post("/office/sign-in").with(csrf())
                        .param("municipalityCode", municipalityCode)
                        .param("loginId", loginId)
                        .param("password", password))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        if (location == null || location.contains("error")) {
            throw new AssertionError("Sign-in of " + loginId + "@" + municipalityCode + " failed: " + location);
        }
        return (MockHttpSession) result.getRequest().getSession();
    }
}
