package jp.madoguchi.nursery;

import static jp.madoguchi.nursery.Rounds.ONE_YEAR_OLD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Explanations of siblings who need seats of one class together (twins under 同じ園のみ). */
class NurseryExplanationTest {

    @Test
    void twinsAreToldHowManySeatsTheyNeededAndHowManyThereWere() {
        // x (score 30) takes one of A's two 1歳児 seats; the twins (score 20, 同じ園のみ) need two: they go to B
        NurseryMatching round = Rounds.round().facility("A", 2, AgeClass.AGE_1).facility("B", 2, AgeClass.AGE_1)
                .single("x", 10, ONE_YEAR_OLD, "A")
                .family(Rounds.siblings("T", SiblingOption.SAME_FACILITY_ONLY,
                        Rounds.child("t1", 0, ONE_YEAR_OLD, "A", "B"), Rounds.child("t2", 0, ONE_YEAR_OLD, "A", "B")))
                .prepare();
        AllocationResult base = round.baseline();
        assertThat(base.placements()).extracting(Placement::childId, Placement::facilityId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("x", "A"), org.assertj.core.groups.Tuple.tuple("t1", "B"),
                        org.assertj.core.groups.Tuple.tuple("t2", "B"));
        assertThat(base.stable()).isTrue();
        assertThat(round.explain(base, "t1").reasons()).containsExactly("第1希望（きょうだいの組み合わせ: 児童 t1→A保育園 1歳児、"
                + "児童 t2→A保育園 1歳児）: A保育園 1歳児 には、きょうだい2名分の席が必要でしたが、空きと優先順位が下の方の席を"
                + "合わせても1名分でした（受入可能数2名、入所1名（指数30以上））。「同じ園のみ希望」の希望のため、この組み合わせは成立しませんでした。");
        AllocationResult best = round.optimal(new OptimalOptions(10, 1, 1), List.of());
        assertThat(round.explain(best, "t2").reasons()).isEqualTo(round.explain(base, "t2").reasons());
    }
}
