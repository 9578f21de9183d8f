package jp.madoguchi.staff;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The staff member signed in for the current request. */
public final class CurrentStaff {

    private CurrentStaff() {
    }

    public static Optional<StaffMember> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffMember member) {
            return Optional.of(member);
        }
        return Optional.empty();
    }

    /** The signed-in staff member as the actor of an audit event; fails when there is none. */
    public static jp.madoguchi.audit.AuditEvent.Actor actor() {
        return require().actor();
    }

    /** The signed-in staff member; fails when there is none (the security configuration should have refused). */
    public static StaffMember require() {
        return get().orElseThrow(() -> new IllegalStateException("No staff member is signed in"));
    }
}
