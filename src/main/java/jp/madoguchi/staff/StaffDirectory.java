package jp.madoguchi.staff;

import java.util.List;
import java.util.Set;

/** 職員台帳 — the staff accounts of the current tenant (municipality). */
public interface StaffDirectory {

    /** A staff account as listed to an administrator. */
    record StaffAccount(long id, String loginId, String displayName, Set<StaffRole> roles, boolean enabled,
            boolean locked) {
    }

    /** The accounts of the current municipality, by login id. */
    List<StaffAccount> list();

    /**
     * Creates an account in the current municipality.
     *
     * @throws StaffAccountException with a Japanese message when the input is not acceptable
     */
    StaffAccount create(String loginId, String displayName, Set<StaffRole> roles, String initialPassword);

    /** Enables or disables an account of the current municipality; false when there is none with that id. */
    boolean setEnabled(long id, boolean enabled);

    /** Thrown with a Japanese message saying which field is wrong and why. */
    final class StaffAccountException extends RuntimeException {
        private final String field;

        public StaffAccountException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
