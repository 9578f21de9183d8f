package jp.madoguchi.staff;

import java.io.Serializable;
import java.util.Set;
import jp.madoguchi.audit.AuditEvent;

/**
 * A signed-in staff member (職員): the principal of the office's security context.
 *
 * @param id the account id
 * @param municipalityCode the municipality (tenant) the member works for
 * @param loginId the sign-in name
 * @param displayName the name shown on screens and in audit events
 * @param roles what the member may do
 */
public record StaffMember(long id, String municipalityCode, String loginId, String displayName, Set<StaffRole> roles)
        implements Serializable {

    public StaffMember {
        roles = Set.copyOf(roles);
    }

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }

    /** This member as the actor of an audit event. */
    public AuditEvent.Actor actor() {
        return AuditEvent.Actor.staff(id, displayName);
    }
}
