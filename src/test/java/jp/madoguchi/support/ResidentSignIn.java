package jp.madoguchi.support;

import java.time.Instant;
import java.time.LocalDate;
import jp.madoguchi.identity.ResidentIdentity;
import org.springframework.mock.web.MockHttpSession;

/** A MockMvc session of a signed-in resident, as the identity module keeps it after a sign-in. */
public final class ResidentSignIn {

    private ResidentSignIn() {
    }

    public static ResidentIdentity identity(String subject, String name) {
        return new ResidentIdentity("test", subject, name, "マドグチ ハナコ", LocalDate.of(1990, 5, 5), "女性",
                "長野県窓口町本町一丁目1番地1", subject + "@example.jp", Instant.now(), false);
    }

    public static MockHttpSession session(ResidentIdentity identity) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("madoguchi.resident.identity", identity);
        return session;
    }
}
