package jp.madoguchi.support;

import java.util.List;
import java.util.Set;
import jp.madoguchi.staff.StaffMember;
import jp.madoguchi.staff.StaffRole;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A counter clerk signed in on the current thread, for service tests that call code reading the signed-in staff
 * member (the audited register reads at the counter need one) without a web request.
 */
public final class StaffInContext {

    private StaffInContext() {
    }

    /** Signs in staff member 1 (試験 職員, 窓口) of {@code municipality} on this thread. */
    public static void signInCounterClerk(String municipality) {
        StaffMember member = new StaffMember(1, municipality, "tester", "試験 職員", Set.of(StaffRole.COUNTER));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(member, null, List.of()));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
