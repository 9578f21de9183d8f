package jp.madoguchi.nursery;

import static jp.madoguchi.nursery.Rounds.ONE_YEAR_OLD;
import static jp.madoguchi.nursery.Rounds.child;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdmissionInstanceValidationTest {

    private static Rounds valid() {
        return Rounds.round().facility("A", 1, AgeClass.AGE_1).facility("B", 1, AgeClass.AGE_0, AgeClass.AGE_1);
    }

    @Test
    void aValidInstanceHasNoIssue() {
        assertThat(valid().single("c1", 0, ONE_YEAR_OLD, "A", "B").build().validate()).isEmpty();
    }

    @Test
    void aChildInTwoFamiliesIsReportedWithBothFamilies() {
        AdmissionInstance in = valid().family(Rounds.siblings("X", SiblingOption.ANY, child("c1", 0, ONE_YEAR_OLD, "A")))
                .family(Rounds.siblings("Y", SiblingOption.ANY, child("c1", 0, ONE_YEAR_OLD, "B"))).build();
        assertThat(in.validate()).singleElement().hasToString("児童 c1: 2つの世帯に含まれています（世帯 X と 世帯 Y）");
    }

    @Test
    void anUnknownFacilityAndAMissingClassAreReportedWithTheChoice() {
        AdmissionInstance in = valid().single("c1", 0, Rounds.TWO_YEAR_OLD, "Z", "A").build();
        assertThat(in.validate()).extracting(ValidationIssue::toString).containsExactly(
                "児童 c1 の第1希望: 施設 Z はありません",
                "児童 c1 の第2希望: A保育園（A）には2歳児のクラスがありません");
    }

    @Test
    void duplicatesAndNegativeSeatsAreReported() {
        AdmissionInstance in = valid()
                .facility(new Facility("A", "重複保育園", Map.of(AgeClass.AGE_1, 2)))
                .facility(new Facility("N", "負の保育園", Map.of(AgeClass.AGE_1, -1)))
                .single("c1", 0, ONE_YEAR_OLD, "A", "A").build();
        assertThat(in.validate()).extracting(ValidationIssue::toString).containsExactlyInAnyOrder(
                "施設 A: 施設番号が重複しています",
                "施設 N 1歳児: 受入可能数が負の数です（-1）",
                "児童 c1 の第2希望: 施設 A を重ねて希望しています");
    }

    @Test
    void tooManyChoicesUnknownCodesAndSchoolAgeAreReported() {
        Rounds r = valid().rules(new RoundRules(Rounds.TABLE, BaseIndexRule.LOWER_OF_GUARDIANS, List.of(), 1));
        AdmissionInstance in = r.family(new Family("H", List.of(new Guardian("NOPE")), List.of("X9"),
                SiblingOption.ANY, List.of(Child.applying("old", LocalDate.of(2019, 6, 1), List.of("A", "B"))), null,
                0, 0)).build();
        assertThat(in.validate()).extracting(ValidationIssue::toString).containsExactlyInAnyOrder(
                "世帯 H 保護者1: 基準指数の項目コード「NOPE」は指数表にありません",
                "世帯 H: 調整指数の項目コード「X9」は指数表にありません",
                "児童 old: 2026年度は就学年齢（4月1日に6歳以上）です",
                "児童 old: 希望施設は1か所までです（2か所）");
    }

    @Test
    void siblingListsMustFitTheOption() {
        AdmissionInstance in = valid()
                .family(Rounds.siblings("S", SiblingOption.SAME_FACILITY_ONLY, child("s1", 0, ONE_YEAR_OLD, "A", "B"),
                        child("s2", 0, ONE_YEAR_OLD, "B", "A")))
                .family(Rounds.siblings("T", SiblingOption.ALL_OR_NONE, child("t1", 0, ONE_YEAR_OLD, "A", "B"),
                        child("t2", 0, ONE_YEAR_OLD, "B")))
                .build();
        assertThat(in.validate()).extracting(ValidationIssue::where).containsExactly("世帯 S", "世帯 T");
    }

    @Test
    void aTransferApplicantMayNotListItsCurrentFacility() {
        AdmissionInstance in = valid().family(Rounds.siblings("H", SiblingOption.ANY,
                new Child("t", ONE_YEAR_OLD, List.of("A", "B"), "B", List.of()))).build();
        assertThat(in.validate()).singleElement()
                .hasToString("児童 t の第2希望: 在園中の施設 B を転園先として希望しています");
    }

    @Test
    void aRunRefusesInvalidData() {
        AdmissionInstance in = valid().single("c1", 0, ONE_YEAR_OLD, "Z").build();
        assertThatThrownBy(() -> NurseryMatching.prepare(in)).isInstanceOf(InvalidInstanceException.class)
                .hasMessageContaining("児童 c1 の第1希望: 施設 Z はありません")
                .satisfies(e -> assertThat(((InvalidInstanceException) e).issues()).hasSize(1));
    }
}
