package jp.madoguchi.catalog;

/** Who may apply for a procedure (申請者). */
public enum ApplicantType implements Keyed {
    /** 本人. */
    SELF("self", "本人"),
    /** 同一世帯の方. */
    HOUSEHOLD("household", "同一世帯の方"),
    /** 代理人 — needs a 委任状. */
    AGENT("agent", "代理人（委任状が必要）");

    private final String key;
    private final String label;

    ApplicantType(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The key used in catalog files ("self"). */
    @Override
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static ApplicantType ofKey(String key) {
        return Keyed.byKey(ApplicantType.class, key);
    }
}
