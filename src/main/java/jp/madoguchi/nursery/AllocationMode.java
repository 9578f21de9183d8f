package jp.madoguchi.nursery;

/** How an allocation was made. */
public enum AllocationMode {
    /** 一般的な手順 — descending priority, each takes its best choice with a seat, re-processing. */
    BASELINE("一般的な手順"),
    /** 最適化 — CP-SAT: fewest blocking pairs, then most children placed. */
    OPTIMAL("最適化");

    private final String label;

    AllocationMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
