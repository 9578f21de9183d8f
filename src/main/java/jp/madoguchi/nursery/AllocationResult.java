package jp.madoguchi.nursery;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 利用調整の結果 — one run's allocation with its counts, what is proven about it, and every blocking pair or
 * coalition that remains (checked exactly, independently of the mode).
 *
 * @param mode how it was made
 * @param status what is known about its optimality
 * @param placements one per child, in the instance's order
 * @param blockings blocking pairs and coalitions (empty = stable: no justified envy, no wasted seat)
 * @param allocationMillis time of the allocation itself (after validation and compilation)
 * @param solverStats the solver's summary, or the baseline's passes
 * @param provenNoStableAllocation true when the solver proved that every allocation of this instance has a blocking
 *        pair or coalition (the optimum has some and the model counts them exactly)
 */
public record AllocationResult(AllocationMode mode, ProofStatus status, List<Placement> placements,
        List<Blocking> blockings, double allocationMillis, String solverStats, boolean provenNoStableAllocation) {

    public AllocationResult {
        placements = List.copyOf(placements);
        blockings = List.copyOf(blockings);
    }

    /** No blocking pair or coalition. */
    public boolean stable() {
        return blockings.isEmpty();
    }

    /** Children placed (new admissions and transfers that moved). */
    public int placed() {
        return (int) placements.stream().filter(Placement::isPlaced).count();
    }

    /** Children placed who had no seat before (not transfers). */
    public int newlyAdmitted() {
        return (int) placements.stream().filter(p -> p.isPlaced() && !p.transfer()).count();
    }

    /** Transfer applicants who moved. */
    public int transfersMoved() {
        return (int) placements.stream().filter(p -> p.isPlaced() && p.transfer()).count();
    }

    /** Children placed per age class (every class present, possibly 0). */
    public Map<AgeClass, Integer> placedByAge() {
        Map<AgeClass, Integer> m = new EnumMap<>(AgeClass.class);
        for (AgeClass a : AgeClass.values()) {
            m.put(a, 0);
        }
        placements.stream().filter(Placement::isPlaced).forEach(p -> m.merge(p.ageClass(), 1, Integer::sum));
        return m;
    }

    /** Children placed per facility id (facilities with none placed are absent). */
    public Map<String, Integer> placedByFacility() {
        Map<String, Integer> m = new LinkedHashMap<>();
        placements.stream().filter(Placement::isPlaced).forEach(p -> m.merge(p.facilityId(), 1, Integer::sum));
        return m;
    }
}
