package jp.madoguchi.resident;

/**
 * 住民状態 as certificates need it: a 住登者 gets a 住民票, anyone else only a 除票 (住民票の除票).
 */
public enum Standing {
    /** 住登者 — registered in this municipality. */
    REGISTERED("住登者", "1"),
    /** 転出者 — moved out (転出). */
    MOVED_OUT("転出者", "2"),
    /** 死亡者 — died. */
    DIED("死亡者", "3"),
    /** その他消除者 — removed for another reason (職権消除 etc.). */
    OTHER_REMOVED("その他消除者", "9");

    private final String label;
    private final String statusCode;

    Standing(String label, String statusCode) {
        this.label = label;
        this.statusCode = statusCode;
    }

    public String label() {
        return label;
    }

    /** The 住民状態 code of the register's code table. */
    public String statusCode() {
        return statusCode;
    }

    public static Standing ofStatusCode(String code) {
        for (Standing s : values()) {
            if (s.statusCode.equals(code)) {
                return s;
            }
        }
        return OTHER_REMOVED;
    }
}
