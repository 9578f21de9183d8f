package jp.madoguchi.nursery.internal;

import java.util.List;
import java.util.Map;
import jp.madoguchi.nursery.AgeClass;

/**
 * 実行の比較 — two runs of a round side by side: placed counts overall, by age class and by facility, and every
 * child placed differently (matched by 児童の受付番号, so runs on different inputs compare too).
 *
 * @param first the first run
 * @param second the second run
 * @param byAge placed per age class: [first, second]
 * @param byFacility facilities whose placed count differs, with both counts
 * @param changed children placed differently
 * @param sameInput whether both runs read the same input (same snapshot hash)
 */
public record RunComparison(RunView first, RunView second, Map<AgeClass, int[]> byAge, List<FacilityRow> byFacility,
        List<ChildChange> changed, boolean sameInput) {

    /** A facility's placed count in both runs. */
    public record FacilityRow(String facilityId, String name, int first, int second) {
        public int difference() {
            return second - first;
        }
    }

    /** A child placed differently: its outcome in each run (null: not in that run's input). */
    public record ChildChange(String childId, String familyId, AgeClass ageClass, int score, PlacementView first,
            PlacementView second) {
    }

    /** second.placed − first.placed. */
    public int placedDifference() {
        return count(second) - count(first);
    }

    private static int count(RunView run) {
        return run.placed() == null ? 0 : run.placed();
    }
}
