package jp.madoguchi.payment;

/** What an import does when some lines are bad. Problems with the file as a whole always reject it. */
public enum ImportPolicy {
    /** 全件取込または全件中止 — one bad line rejects the file; nothing is committed (the default). */
    ALL_OR_NOTHING("1行でも誤りがあれば取り込まない"),
    /** 正常行のみ取込 — the good lines are committed; each bad line is kept with its reason in the file's error list. */
    GOOD_LINES("正常な行だけ取り込み、誤りのある行は一覧に残す");

    private final String label;

    ImportPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
