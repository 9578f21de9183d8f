package jp.madoguchi.nursery;

/** What is known about an allocation's optimality. */
public enum ProofStatus {
    /** The baseline procedure: no claim of optimality. */
    PROCEDURE("手順どおり（最適性の主張なし）"),
    /** Proven optimal by the solver: stable with most children placed, or (none stable) fewest families blocking, then most placed. */
    OPTIMAL("最適（証明済み）"),
    /** A solution within the time limit, not proven optimal. */
    FEASIBLE("時間内の最良解（最適性は未証明）"),
    /** The solver found no solution within the time limit; the allocation is the baseline's. */
    UNKNOWN("時間内に解なし（一般的な手順の結果を表示）");

    private final String label;

    ProofStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
