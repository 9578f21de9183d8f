package jp.madoguchi.nursery;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * 結果の比較 — how two allocations of the same instance differ: placed counts overall, by age class and by
 * facility (second minus first), blocking counts, and the children placed differently.
 *
 * @param first the first (usually the baseline)
 * @param second the second (usually the optimal)
 * @param placedDifference second.placed − first.placed
 * @param byAge second − first per age class
 * @param byFacility second − first per facility (only facilities that differ)
 * @param changed the children placed differently
 */
public record ModeComparison(AllocationResult first, AllocationResult second, int placedDifference,
        Map<AgeClass, Integer> byAge, Map<String, Integer> byFacility, List<Change> changed) {

    /** One child placed differently: its placement in the first and in the second result. */
    public record Change(Placement first, Placement second) {
    }

    /** Compares two results of the same instance. */
    public static ModeComparison of(AllocationResult first, AllocationResult second) {
        if (first.placements().size() != second.placements().size()) {
            throw new IllegalArgumentException("異なる入力の結果は比較できません");
        }
        Map<AgeClass, Integer> byAge = new EnumMap<>(AgeClass.class);
        first.placedByAge().forEach((a, v) -> byAge.put(a, second.placedByAge().get(a) - v));
        Map<String, Integer> f1 = first.placedByFacility();
        Map<String, Integer> f2 = second.placedByFacility();
        Map<String, Integer> byFacility = new TreeMap<>();
        for (String id : new TreeSet<>(union(f1.keySet(), f2.keySet()))) {
            int d = f2.getOrDefault(id, 0) - f1.getOrDefault(id, 0);
            if (d != 0) {
                byFacility.put(id, d);
            }
        }
        List<Change> changed = new ArrayList<>();
        for (int i = 0; i < first.placements().size(); i++) {
            Placement a = first.placements().get(i);
            Placement b = second.placements().get(i);
            if (!Objects.equals(a.facilityId(), b.facilityId())) {
                changed.add(new Change(a, b));
            }
        }
        return new ModeComparison(first, second, second.placed() - first.placed(), byAge, byFacility, changed);
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        var u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    /** Second's blocking pairs/coalitions minus first's. */
    public int blockingDifference() {
        return second.blockings().size() - first.blockings().size();
    }
}
