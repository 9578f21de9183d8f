package jp.madoguchi.nursery;

/**
 * 同点時の優先順位 — one rule of the ordered list that orders children with the same 指数. Rules compare children; the
 * first rule that tells two children apart decides. After the municipality's list, {@link #APPLICATION_NUMBER}
 * always applies last so that the order is total (documented in docs/nursery.md).
 */
public enum TieBreakRule {
    /** 基準指数の高い方. */
    HIGHER_BASE_INDEX("基準指数の高い方"),
    /** ひとり親世帯. */
    SINGLE_PARENT("ひとり親世帯"),
    /** 市町村民税所得割額の低い方 (unknown income ranks last). */
    LOWER_INCOME("所得割額の低い方"),
    /** 待機月数の長い方. */
    LONGER_WAITING("待機月数の長い方"),
    /** 申込児童の多い世帯. */
    MORE_CHILDREN_APPLYING("申込児童の多い世帯"),
    /** 年齢の低い方 (later birth first). */
    YOUNGER_CHILD("年齢の低い方"),
    /** 抽選番号の小さい方. */
    LOTTERY("抽選番号の小さい方"),
    /** 受付番号順 (the child's id; always last). */
    APPLICATION_NUMBER("受付番号順");

    private final String label;

    TieBreakRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
