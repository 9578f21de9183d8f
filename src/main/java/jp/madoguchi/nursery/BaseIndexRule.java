package jp.madoguchi.nursery;

/**
 * 基準指数の算定 — how the guardians' 基準指数 make the family's: the lower of the two (横浜市 and many others) or their
 * sum (さいたま市, 世田谷区…). A missing second guardian (ひとり親, 不存在) counts with
 * {@link PointsTable#absentGuardianPoints()}.
 */
public enum BaseIndexRule {
    /** 父母のうち低い方の指数. */
    LOWER_OF_GUARDIANS("保護者のうち低い方"),
    /** 父母の指数の合計. */
    SUM_OF_GUARDIANS("保護者の合計");

    private final String label;

    BaseIndexRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
