package jp.madoguchi.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Resident sign-in state in the HTTP session (placeholder until the identity providers land). */
@Component
public class ResidentSession {

    static final String ATTRIBUTE = "madoguchi.resident.identity";

    public Optional<ResidentIdentity> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((ResidentIdentity) session.getAttribute(ATTRIBUTE));
    }

    public String signInUrl(String next) {
        return "/mypage/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    public void signIn(HttpServletRequest request, ResidentIdentity identity) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(ATTRIBUTE, identity);
    }

    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}
