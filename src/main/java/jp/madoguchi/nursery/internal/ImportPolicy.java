package jp.madoguchi.nursery.internal;

/** What an import does when some rows are bad. Problems with the file as a whole always refuse it. */
public enum ImportPolicy {
    /** 全件取込または全件中止 — one bad row refuses the file with the full report; nothing is stored (the default). */
    ALL_OR_NOTHING("1行でも誤りがあれば取り込まない（誤りの一覧を表示）"),
    /**
     * 正常な行のみ取込 — good rows are stored; each bad row is kept in the quarantine with its reason and text. For
     * applications, every row of a family with a bad row is held back with it (a family is imported whole or not).
     */
    GOOD_ROWS("正常な行だけ取り込み、誤りのある行は保留一覧に残す（世帯は全員分そろって取り込み）");

    private final String label;

    ImportPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
