package jp.madoguchi.nursery;

import static jp.madoguchi.nursery.Rounds.BABY;
import static jp.madoguchi.nursery.Rounds.ONE_YEAR_OLD;
import static jp.madoguchi.nursery.Rounds.TWO_YEAR_OLD;
import static jp.madoguchi.nursery.Rounds.child;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Small instances worked out by hand. */
class HandCheckedAllocationTest {

    private static final OptimalOptions FAST = OptimalOptions.defaults().withMaxSeconds(10);

    private static Map<String, String> where(AllocationResult r) {
        return r.placements().stream().collect(Collectors.toMap(Placement::childId,
                p -> p.facilityId() == null ? "-" : p.facilityId()));
    }

    @Test
    void descendingPriorityEachTakesItsBestChoiceWithASeat() {
        // A: 1 seat, B: 1 seat (1歳児). x (30) wants A,B; y (25) wants A,B; z (20) wants A,B.
        NurseryMatching round = Rounds.round().facility("A", 1, AgeClass.AGE_1).facility("B", 1, AgeClass.AGE_1)
                .single("z", 0, ONE_YEAR_OLD, "A", "B").single("x", 10, ONE_YEAR_OLD, "A", "B")
                .single("y", 5, ONE_YEAR_OLD, "A", "B").prepare();
        AllocationResult base = round.baseline();
        assertThat(where(base)).isEqualTo(Map.of("x", "A", "y", "B", "z", "-"));
        assertThat(base.stable()).isTrue();
        AllocationResult best = round.optimal(FAST, base);
        assertThat(where(best)).isEqualTo(where(base));
        assertThat(best.status()).isEqualTo(ProofStatus.OPTIMAL);
        assertThat(round.explain(base, "z").reasons()).containsExactly(
                "第1希望 A保育園 1歳児: 定員1名は指数30以上の1名で埋まりました（あなたの指数20）。",
                "第2希望 B保育園 1歳児: 定員1名は指数25以上の1名で埋まりました（あなたの指数20）。");
        assertThat(round.explain(base, "y").summary()).contains("指数25", "優先順位 2位／3人", "第2希望 B保育園 1歳児 に入所");
        assertThat(round.explain(base, "z").summary()).contains("入所できませんでした（保留）");
    }

    @Test
    void aTieIsBrokenByTheRuleListAndTheExplanationNamesTheRule() {
        // same 指数 20; the rule list is 基準指数 (equal) then 所得割額: the lower income wins.
        Family rich = new Family("R", List.of(new Guardian("W"), new Guardian("W")), List.of(), SiblingOption.ANY,
                List.of(child("rich", 0, ONE_YEAR_OLD, "A")), 300_000, 0, 1);
        Family poor = new Family("P", List.of(new Guardian("W"), new Guardian("W")), List.of(), SiblingOption.ANY,
                List.of(child("poor", 0, ONE_YEAR_OLD, "A")), 100_000, 0, 2);
        NurseryMatching round = Rounds.round().facility("A", 1, AgeClass.AGE_1).family(rich).family(poor).prepare();
        AllocationResult base = round.baseline();
        assertThat(where(base)).isEqualTo(Map.of("poor", "A", "rich", "-"));
        assertThat(round.explain(base, "rich").reasons()).containsExactly("第1希望 A保育園 1歳児: 定員1名は指数20以上の1名で"
                + "埋まりました。同じ指数20の方とは、同点時の優先順位の第2項目「所得割額の低い方」で後になりました（あなたの指数20）。");
    }

    @Test
    void sameFacilityOnlyPlacesBothOrNeither() {
        // A has one 1歳児 seat and one 2歳児 seat; B has a 1歳児 seat only for 2歳児 none.
        NurseryMatching round = Rounds.round()
                .facility(new Facility("A", "A保育園", Map.of(AgeClass.AGE_1, 1, AgeClass.AGE_2, 0)))
                .facility(new Facility("B", "B保育園", Map.of(AgeClass.AGE_1, 1, AgeClass.AGE_2, 1)))
                .family(Rounds.siblings("S", SiblingOption.SAME_FACILITY_ONLY, child("s1", 5, ONE_YEAR_OLD, "A", "B"),
                        child("s2", 5, TWO_YEAR_OLD, "A", "B")))
                .single("o", 0, ONE_YEAR_OLD, "A", "B").prepare();
        AllocationResult base = round.baseline();
        // A has no 2歳児 seat: the family takes B (row 2); o takes A
        assertThat(where(base)).isEqualTo(Map.of("s1", "B", "s2", "B", "o", "A"));
        assertThat(round.explain(base, "s1").reasons()).singleElement().asString()
                .startsWith("第1希望（きょうだいの組み合わせ: 児童 s1→A保育園 1歳児、児童 s2→A保育園 2歳児）: 児童 s2 の A保育園 2歳児 は 今回の受入可能数は0名でした。")
                .endsWith("「同じ園のみ希望」の希望のため、この組み合わせは成立しませんでした。");
        assertThat(round.optimal(FAST, base).stable()).isTrue();
    }

    @Test
    void allOrNoneLeavesTheSeatToOthersWhenOneSiblingCannotGetIn() {
        // The 0歳児 class is full with a higher-priority child, so the family (all or none) gets nothing and the
        // 1歳児 seat goes to the lower-priority single child.
        NurseryMatching round = Rounds.round().facility("A", 1, AgeClass.AGE_0, AgeClass.AGE_1)
                .single("top", 20, BABY, "A")
                .family(Rounds.siblings("F", SiblingOption.ALL_OR_NONE, child("f1", 10, ONE_YEAR_OLD, "A"),
                        child("f0", 10, BABY, "A")))
                .single("low", 0, ONE_YEAR_OLD, "A").prepare();
        AllocationResult base = round.baseline();
        assertThat(where(base)).isEqualTo(Map.of("top", "A", "f1", "-", "f0", "-", "low", "A"));
        assertThat(base.stable()).isTrue();
        assertThat(round.feasibilityProblems(base)).isEmpty();
    }

    @Test
    void youngerFirstPlacesTheOlderChildOnlyWithTheYounger() {
        // no 0歳児 seat: the baby cannot get in, so the older sibling is not placed although its class has a seat
        NurseryMatching round = Rounds.round()
                .facility(new Facility("A", "A保育園", Map.of(AgeClass.AGE_0, 0, AgeClass.AGE_1, 1)))
                .family(Rounds.siblings("Y", SiblingOption.YOUNGER_FIRST, child("older", 10, ONE_YEAR_OLD, "A"),
                        child("baby", 10, BABY, "A")))
                .single("other", 0, ONE_YEAR_OLD, "A").prepare();
        AllocationResult base = round.baseline();
        assertThat(where(base)).isEqualTo(Map.of("older", "-", "baby", "-", "other", "A"));
        assertThat(round.explain(base, "older").reasons()).containsExactly("第1希望 A保育園 1歳児: 「下の子を優先」の希望により、"
                + "年下の児童 baby が入所できないため、入所しません。");
        AllocationResult best = round.optimal(FAST, base);
        assertThat(best.stable()).isTrue();
        assertThat(where(best)).isEqualTo(where(base));
    }

    @Test
    void aTransferFreesItsSeatAndReprocessingOffersIt() {
        // t (priority 1) holds a seat at B and moves to A; a (priority 2) wanted B first, took C in the first pass,
        // and moves up to B in the second pass.
        NurseryMatching round = Rounds.round().facility("A", 1, AgeClass.AGE_1).facility("B", 0, AgeClass.AGE_1)
                .facility("C", 1, AgeClass.AGE_1)
                .family(new Family("T", List.of(new Guardian("W"), new Guardian("W")), List.of("P20"),
                        SiblingOption.ANY, List.of(new Child("t", ONE_YEAR_OLD, List.of("A"), "B", List.of())), 0, 0,
                        0))
                .single("a", 10, ONE_YEAR_OLD, "B", "C").prepare();
        AllocationResult base = round.baseline();
        assertThat(where(base)).isEqualTo(Map.of("t", "A", "a", "B"));
        assertThat(base.transfersMoved()).isEqualTo(1);
        assertThat(base.solverStats()).isEqualTo("2 passes");
        assertThat(round.explain(base, "t").summary()).contains("（転園）", "B保育園 の席は、ほかの申込者に提供されます");
    }

    @Test
    void theBaselineCanLeaveJustifiedEnvyThatTheOptimalModeRemovesAtTheCostOfAPlacement() {
        // Envy arises when a freed seat is taken in the first pass by someone of lower priority than a child
        // processed earlier: hi (35) wants B then C; t (30) holds B, moves to A; lo (20) wants B only.
        // pass 1: hi → C (B full), t → A (frees B), lo → B. pass 2: hi wants B, but it is taken: hi envies lo.
        NurseryMatching round = Rounds.round().facility("A", 1, AgeClass.AGE_1).facility("B", 0, AgeClass.AGE_1)
                .facility("C", 1, AgeClass.AGE_1)
                .single("hi", 15, ONE_YEAR_OLD, "B", "C")
                .family(new Family("T", List.of(new Guardian("W"), new Guardian("W")), List.of("P10"),
                        SiblingOption.ANY, List.of(new Child("t", ONE_YEAR_OLD, List.of("A"), "B", List.of())), 0, 0,
                        0))
                .single("lo", 0, ONE_YEAR_OLD, "B").prepare();
        AllocationResult base = round.baseline();
        assertThat(where(base)).isEqualTo(Map.of("hi", "C", "t", "A", "lo", "B"));
        assertThat(base.blockings()).singleElement().satisfies(b -> {
            assertThat(b.childIds()).containsExactly("hi");
            assertThat(b.facilityIds()).containsExactly("B");
        });
        assertThat(round.explain(base, "hi").reasons()).singleElement().asString().contains("優先順位が下の方（指数20）が入所しています");
        // the only stable allocation: hi at B, C left empty (nobody else wants it): one child fewer than the baseline
        AllocationResult best = round.optimal(FAST, base);
        assertThat(where(best)).isEqualTo(Map.of("hi", "B", "t", "A", "lo", "-"));
        assertThat(best.stable()).isTrue();
        assertThat(best.status()).isEqualTo(ProofStatus.OPTIMAL);
        ModeComparison diff = ModeComparison.of(base, best);
        assertThat(diff.placedDifference()).isEqualTo(-1);
        assertThat(diff.blockingDifference()).isEqualTo(-1);
        assertThat(diff.changed()).hasSize(2);
        assertThat(diff.byFacility()).isEqualTo(Map.of("C", -1));
    }
}
