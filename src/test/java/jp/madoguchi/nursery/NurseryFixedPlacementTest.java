package jp.madoguchi.nursery;

import static jp.madoguchi.nursery.Rounds.ONE_YEAR_OLD;
import static jp.madoguchi.nursery.Rounds.TWO_YEAR_OLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Placements fixed by hand ({@link FixedPlacement}): the fixed children hold their seats, the rest is allocated by
 * either mode with the same priority order; envy toward a fixed child is reported, a fixed child is never counted
 * as envious; fixes that cannot hold are refused with the reason.
 */
class NurseryFixedPlacementTest {

    private static final OptimalOptions OPTIONS = new OptimalOptions(20, 1, 1);

    /** A (score 30) and b (score 21) both want A (one seat) then B (one seat). */
    private static NurseryMatching twoChildren() {
        return Rounds.round().facility("A", 1, AgeClass.AGE_1).facility("B", 1, AgeClass.AGE_1)
                .single("a", 10, ONE_YEAR_OLD, "A", "B").single("b", 1, ONE_YEAR_OLD, "A", "B").prepare();
    }

    @Test
    void aFixedChildHoldsItsSeatAndTheRestFollowsThePriorityOrder() {
        NurseryMatching round = twoChildren();
        List<FixedPlacement> fixes = List.of(new FixedPlacement("b", 1));
        for (AllocationResult r : List.of(round.baseline(fixes), round.optimal(OPTIONS, fixes))) {
            assertThat(placementOf(r, "b").facilityId()).isEqualTo("A");
            assertThat(placementOf(r, "a").facilityId()).isEqualTo("B");
            // a envies b, whose seat was decided by hand: reported; b is not counted as envious of anyone
            assertThat(r.blockings()).singleElement().satisfies(bl -> assertThat(bl.childIds()).containsExactly("a"));
            assertThat(round.feasibilityProblems(r)).isEmpty();
        }
        AllocationResult best = round.optimal(OPTIONS, fixes);
        assertThat(best.status()).isEqualTo(ProofStatus.OPTIMAL);
        ChildExplanation a = round.explain(best, "a", fixes);
        assertThat(a.reasons()).singleElement().asString()
                .contains("第1希望 A保育園 1歳児", "優先順位が下の方（指数21）が入所しています（職員が手作業で決めた入所のため）");
        assertThat(round.explain(best, "b", fixes).summary()).contains("この結果は職員が手作業で決めました。");
        assertThat(round.explain(best, "a").reasons()).as("without the fixes the explanation says nothing of them")
                .singleElement().asString().doesNotContain("手作業");
    }

    @Test
    void fixingAChildUnplacedFreesItsSeatForOthers() {
        NurseryMatching round = twoChildren();
        List<FixedPlacement> fixes = List.of(new FixedPlacement("a", 0));
        for (AllocationResult r : List.of(round.baseline(fixes), round.optimal(OPTIONS, fixes))) {
            assertThat(placementOf(r, "a").isPlaced()).isFalse();
            assertThat(placementOf(r, "b").facilityId()).isEqualTo("A");
            assertThat(r.stable()).as("a is not an agent: decided by hand").isTrue();
        }
    }

    @Test
    void fixesThatCannotHoldAreRefusedWithTheReason() {
        NurseryMatching round = twoChildren();
        assertThatThrownBy(() -> round.baseline(List.of(new FixedPlacement("a", 1), new FixedPlacement("b", 1))))
                .isInstanceOf(InvalidInstanceException.class)
                .hasMessageContaining("手作業の決定（A保育園 1歳児）: 決めた入所が受入可能数1名を超えます（2名）");
        assertThatThrownBy(() -> round.baseline(List.of(new FixedPlacement("a", 3))))
                .hasMessageContaining("第3希望はありません（希望は2か所）");
        assertThatThrownBy(() -> round.baseline(List.of(new FixedPlacement("zz", 1))))
                .hasMessageContaining("手作業の決定（児童 zz）: この児童は申込にありません");

        NurseryMatching joint = Rounds.round().facility("A", 2, AgeClass.AGE_1, AgeClass.AGE_2)
                .family(Rounds.siblings("S", SiblingOption.SAME_FACILITY_ONLY,
                        Rounds.child("s1", 0, ONE_YEAR_OLD, "A"), Rounds.child("s2", 0, TWO_YEAR_OLD, "A")))
                .prepare();
        assertThatThrownBy(() -> joint.baseline(List.of(new FixedPlacement("s1", 1))))
                .hasMessageContaining("「同じ園のみ希望」の世帯は、きょうだい全員を同じ希望順位（または保留）に決めてください");
        assertThat(joint.implied(new FixedPlacement("s1", 1))).containsExactly(new FixedPlacement("s1", 1),
                new FixedPlacement("s2", 1));
        AllocationResult r = joint.baseline(joint.implied(new FixedPlacement("s1", 0)));
        assertThat(r.placed()).isZero();

        NurseryMatching younger = Rounds.round().facility("A", 2, AgeClass.AGE_1, AgeClass.AGE_2)
                .family(Rounds.siblings("Y", SiblingOption.YOUNGER_FIRST,
                        Rounds.child("older", 0, TWO_YEAR_OLD, "A"), Rounds.child("baby", 0, ONE_YEAR_OLD, "A")))
                .prepare();
        assertThatThrownBy(() -> younger.baseline(List.of(new FixedPlacement("older", 1))))
                .hasMessageContaining("年下の児童 baby も先に入所に決めてください");
        assertThat(younger.implied(new FixedPlacement("baby", 0)))
                .containsExactly(new FixedPlacement("baby", 0), new FixedPlacement("older", 0));
    }

    @Test
    void fixingPartOfAnOptimalAllocationAsItIsKeepsItFeasibleAndNoWorse() {
        int[] compared = {0};
        qt().withFixedSeed(20_261_122L).withExamples(12)
                .forAll(longs().all(), integers().between(10, 40), integers().between(2, 6))
                .checkAssert((seed, children, facilities) -> {
                    AdmissionInstance in = MatchingProperties.instance(seed, children, facilities);
                    NurseryMatching round = NurseryMatching.prepare(in);
                    AllocationResult best = round.optimal(OPTIONS, round.baseline());
                    List<FixedPlacement> fixes = fixSomeFamilies(in, best, new SplittableRandom(seed));
                    AllocationResult base = round.baseline(fixes);
                    AllocationResult fixed = round.optimal(OPTIONS, fixes);
                    for (AllocationResult r : List.of(base, fixed)) {
                        MatchingProperties.assertSeatsRespected(in, r);
                        MatchingProperties.assertSiblingOptionsHonoured(in, r);
                        assertThat(round.feasibilityProblems(r)).isEmpty();
                        for (FixedPlacement f : fixes) {
                            assertThat(placementOf(r, f.childId()).preference()).isEqualTo(f.preference());
                        }
                    }
                    if (best.stable() && best.status() == ProofStatus.OPTIMAL && fixed.status() == ProofStatus.OPTIMAL) {
                        // the optimal allocation itself satisfies the fixes, so the optimum with them is no smaller
                        assertThat(fixed.placed()).isGreaterThanOrEqualTo(best.placed());
                        compared[0]++;
                    }
                });
        assertThat(compared[0]).as("examples compared").isGreaterThan(3);
    }

    /**
     * Fixes whole families (about a third) at their placement in {@code r}, and every family with a transfer
     * applicant who moved (a fixed placement may rely on the seat it freed).
     */
    private static List<FixedPlacement> fixSomeFamilies(AdmissionInstance in, AllocationResult r,
            SplittableRandom random) {
        Map<String, Placement> byChild = new HashMap<>();
        r.placements().forEach(p -> byChild.put(p.childId(), p));
        List<FixedPlacement> fixes = new ArrayList<>();
        for (Family f : in.families()) {
            boolean movedTransfer = f.children().stream()
                    .anyMatch(c -> c.isTransfer() && byChild.get(c.id()).isPlaced());
            if (random.nextInt(3) == 0 || movedTransfer) {
                for (Child c : f.children()) {
                    fixes.add(new FixedPlacement(c.id(), byChild.get(c.id()).preference()));
                }
            }
        }
        return fixes;
    }

    private static Placement placementOf(AllocationResult r, String child) {
        return r.placements().stream().filter(p -> p.childId().equals(child)).findFirst().orElseThrow();
    }
}
