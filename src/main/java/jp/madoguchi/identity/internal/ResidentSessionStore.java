package jp.madoguchi.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import jp.madoguchi.identity.ResidentIdentity;
import org.springframework.stereotype.Component;

/** Where a resident's identity lives: one attribute of the HTTP session. */
@Component
public class ResidentSessionStore {

    static final String IDENTITY = "madoguchi.resident.identity";

    public Optional<ResidentIdentity> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(IDENTITY) instanceof ResidentIdentity identity
                ? Optional.of(identity) : Optional.empty();
    }

    /**
     * Stores {@code identity} after changing the session id (no session fixation: an id an attacker planted before
     * the sign-in is worthless after it).
     */
    void signIn(HttpServletRequest request, ResidentIdentity identity) {
        HttpSession session = request.getSession(true);
        if (!session.isNew()) {
            request.changeSessionId();
        }
        request.getSession().setAttribute(IDENTITY, identity);
        PendingAuthorizations.clear(request);
    }

    public void clear(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        boolean signedIn = session.getAttribute(IDENTITY) != null;
        session.removeAttribute(IDENTITY);
        PendingAuthorizations.clear(request);
        if (signedIn) {
            request.changeSessionId();
        }
    }
}
