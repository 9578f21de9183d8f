package jp.madoguchi.catalog;

/** Who may apply for a procedure (申請者); written {@code self}, {@code household}, {@code agent} in the files. */
public enum ApplicantType implements Keyed {
    /** 本人. */
    SELF("本人"),
    /** 同一世帯の方. */
    HOUSEHOLD("同一世帯の方"),
    /** 代理人 — needs a 委任状. */
    AGENT("代理人（委任状が必要）");

    private final String label;

    ApplicantType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ApplicantType ofKey(String key) {
        return Keyed.byKey(ApplicantType.class, key);
    }
}
