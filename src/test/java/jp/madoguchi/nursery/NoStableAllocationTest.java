package jp.madoguchi.nursery;

import static jp.madoguchi.nursery.Rounds.ONE_YEAR_OLD;
import static jp.madoguchi.nursery.Rounds.child;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The known instance with no stable allocation (issue 8): siblings a1, a2 applying "all or none" with rows
 * (1, 2) then (2, 3) — a1 ranks facility 1 then 2, a2 ranks 2 then 3 —, a single child b wanting 2 only, priority
 * a1 > b > a2, one seat each. Every allocation has a blocking pair or coalition:
 * family at (1,2) → b envies a2 at 2; family at (2,3) → the family prefers (1,2) and can have it (1 is free, a1
 * gives up 2); b at 2 and the family out → the family takes (2,3) (a1 outranks b at 2); nobody placed → wasteful.
 */
class NoStableAllocationTest {

    static NurseryMatching knownInstance() {
        return Rounds.round()
                .facility("1", 1, AgeClass.AGE_1).facility("2", 1, AgeClass.AGE_1).facility("3", 1, AgeClass.AGE_1)
                .family(Rounds.siblings("A", SiblingOption.ALL_OR_NONE,
                        child("a1", 10, ONE_YEAR_OLD, "1", "2"),
                        child("a2", 0, ONE_YEAR_OLD, "2", "3")))
                .single("b", 5, ONE_YEAR_OLD, "2")
                .prepare();
    }

    @Test
    void thePriorityOrderIsA1ThenBThenA2() {
        AllocationResult r = knownInstance().baseline();
        assertThat(r.placements()).extracting(Placement::childId, Placement::priority)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("a1", 1),
                        org.assertj.core.groups.Tuple.tuple("a2", 3), org.assertj.core.groups.Tuple.tuple("b", 2));
    }

    @Test
    void theOptimalModeReportsThatNoStableAllocationExists() {
        NurseryMatching round = knownInstance();
        AllocationResult best = round.optimal(OptimalOptions.defaults().withMaxSeconds(10));
        assertThat(best.status()).isEqualTo(ProofStatus.OPTIMAL);
        assertThat(best.stable()).isFalse();
        assertThat(best.provenNoStableAllocation()).isTrue();
        assertThat(best.blockings()).hasSize(1);
        assertThat(best.placed()).isEqualTo(2);
        assertThat(round.feasibilityProblems(best)).isEmpty();
    }

    @Test
    void theBaselineSeatsTheFamilyFirstAndLeavesBEnvious() {
        NurseryMatching round = knownInstance();
        AllocationResult base = round.baseline();
        assertThat(base.placements()).filteredOn(Placement::isPlaced)
                .extracting(Placement::childId, Placement::facilityId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("a1", "1"),
                        org.assertj.core.groups.Tuple.tuple("a2", "2"));
        assertThat(base.blockings()).singleElement()
                .satisfies(b -> assertThat(b.childIds()).containsExactly("b"));
        assertThat(round.explain(base, "b").reasons()).singleElement().asString()
                .contains("第1希望 2保育園 1歳児", "優先順位が下の方");
    }

    @Test
    void everyAllocationOfTheInstanceHasABlockingPairOrCoalition() {
        // exhaustive: the family takes row 0, row 1 or nothing; b takes facility 2 or nothing
        NurseryMatching round = knownInstance();
        AllocationResult base = round.baseline();
        int feasible = 0;
        for (int row = -1; row <= 1; row++) {
            for (int bChoice = -1; bChoice <= 0; bChoice++) {
                java.util.List<Placement> ps = new java.util.ArrayList<>();
                for (Placement p : base.placements()) {
                    int pref = p.childId().equals("b") ? bChoice : row;
                    String facility = pref < 0 ? null
                            : round.instance().children().stream().filter(c -> c.id().equals(p.childId()))
                                    .findFirst().orElseThrow().preferences().get(pref);
                    ps.add(new Placement(p.childId(), p.familyId(), p.ageClass(), p.score(), p.priority(), facility,
                            pref + 1, false));
                }
                AllocationResult candidate = new AllocationResult(AllocationMode.BASELINE, ProofStatus.PROCEDURE, ps,
                        java.util.List.of(), 0, "", false);
                if (!round.feasibilityProblems(candidate).isEmpty()) {
                    continue;
                }
                feasible++;
                // recompute blockings through the checker via explain-independent path
                assertThat(round.blockingsOf(candidate)).as("row %d, b %d", row, bChoice).isNotEmpty();
            }
        }
        assertThat(feasible).isEqualTo(4);
    }
}
