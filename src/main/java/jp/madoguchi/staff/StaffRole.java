package jp.madoguchi.staff;

/** 職員の役割 — what a staff member may do. */
public enum StaffRole {
    /** 窓口 — counter staff: serves visitors, searches the register. */
    COUNTER("窓口"),
    /** 審査 — reviewers: examine and decide applications. */
    REVIEWER("審査"),
    /** 管理者 — administrators: staff accounts, catalog, access logs. */
    ADMIN("管理者"),
    /** 会計 — accounting: fees and public-fund payments. */
    ACCOUNTING("会計");

    private final String label;

    StaffRole(String label) {
        this.label = label;
    }

    /** The Japanese name shown on screens. */
    public String label() {
        return label;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
