package jp.madoguchi.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import jp.madoguchi.identity.internal.ResidentSessionStore;
import org.springframework.stereotype.Component;

/**
 * The resident's sign-in state in the HTTP session (住民のログイン状態). Independent of a staff sign-in in the same
 * browser: signing a resident in or out leaves a staff session alone.
 */
@Component
public class ResidentSession {

    private static final String SIGN_IN_PATH = "/mypage/signin";

    private final ResidentSessionStore store;

    ResidentSession(ResidentSessionStore store) {
        this.store = store;
    }

    /** The signed-in resident of this request's session, if any. */
    public Optional<ResidentIdentity> current(HttpServletRequest request) {
        return store.current(request);
    }

    /**
     * The sign-in page, returning to {@code next} afterwards: {@code /mypage/signin?next=%2Fapply%2Fx}. {@code next}
     * must be a local path (starts with {@code /}, not {@code //}); anything else is ignored.
     */
    public String signInUrl(String next) {
        return isLocalPath(next) ? SIGN_IN_PATH + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)
                : SIGN_IN_PATH;
    }

    /** Signs the resident out (the session's identity and any sign-in in progress are forgotten). */
    public void signOut(HttpServletRequest request) {
        store.clear(request);
    }

    /**
     * Whether {@code path} is a path on this site to return to after sign-in: starts with a single {@code /}, holds
     * no backslash or control character (browsers read {@code /\host} as {@code //host}).
     */
    public static boolean isLocalPath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && path.length() <= 2000
                && path.chars().noneMatch(c -> c == '\\' || c < 0x20 || c == 0x7f);
    }
}
