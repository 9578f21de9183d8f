package jp.madoguchi.nursery;

/**
 * きょうだいの希望 — how a family applying for several children wants them placed.
 *
 * <p>Each child lists facilities in order; for {@link #SAME_FACILITY_ONLY} and {@link #ALL_OR_NONE} the k-th
 * choice of the family is the row made of every child's k-th choice (as on the paper form, one row per 希望順位),
 * so all the children's lists have the same length.
 */
public enum SiblingOption {
    /** それぞれ入所可 — each child may go anywhere on its own list, or not at all. */
    ANY("それぞれ入所可"),
    /** 同じ園のみ — all children at the same facility or none; their lists must be identical. */
    SAME_FACILITY_ONLY("同じ園のみ希望"),
    /** 全員入所の場合のみ — all children placed (at their row's facilities) or none. */
    ALL_OR_NONE("全員入所できる場合のみ"),
    /** 下の子優先 — an older child is placed only if every younger one is; each may go anywhere. */
    YOUNGER_FIRST("下の子を優先");

    private final String label;

    SiblingOption(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when the family is placed as one unit, row by row. */
    public boolean isJoint() {
        return this == SAME_FACILITY_ONLY || this == ALL_OR_NONE;
    }
}
