package jp.madoguchi.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;

/**
 * The sign-ins in progress of one session (a few, so that two tabs may each start one); the oldest is dropped
 * beyond {@link #MAX}.
 */
final class PendingAuthorizations {

    static final String ATTRIBUTE = "madoguchi.resident.oidcPending";
    static final int MAX = 5;

    private PendingAuthorizations() {
    }

    static void add(HttpServletRequest request, PendingAuthorization pending) {
        HttpSession session = request.getSession(true);
        List<PendingAuthorization> list = new ArrayList<>(list(request));
        list.add(pending);
        while (list.size() > MAX) {
            list.removeFirst();
        }
        session.setAttribute(ATTRIBUTE, list);
    }

    @SuppressWarnings("unchecked")
    static List<PendingAuthorization> list(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object value = session == null ? null : session.getAttribute(ATTRIBUTE);
        return value instanceof List<?> l ? List.copyOf((List<PendingAuthorization>) l) : List.of();
    }

    /** Removes the one with {@code state} (a state is good for one callback only). */
    static void remove(HttpServletRequest request, String state) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        List<PendingAuthorization> list = new ArrayList<>(list(request));
        list.removeIf(p -> p.state().equals(state));
        session.setAttribute(ATTRIBUTE, list);
    }

    static void clear(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}
