package jp.madoguchi.nursery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Properties on generated instances (small, with tight seats, siblings of every option and transfers). The checks
 * of envy and seats here are written again from the definitions, independently of the engine's StabilityChecker.
 */
class MatchingProperties {

    private static final long SEED = 20_260_401L;
    private static final OptimalOptions OPTIONS = new OptimalOptions(20, 1, 1);

    static AdmissionInstance instance(long seed, int children, int facilities) {
        GeneratorParameters p = GeneratorParameters.defaults(seed, children, facilities);
        // more siblings and transfers than a city has, so that small instances exercise them
        return InstanceGenerator.generate(p.withSiblings(0.25, p.siblingOptions()).withTransferShare(0.1));
    }

    @Test
    void seatsAreNeverExceededAndSiblingOptionsAreHonoured() {
        qt().withFixedSeed(SEED).withExamples(25)
                .forAll(longs().all(), integers().between(10, 60), integers().between(2, 8))
                .checkAssert((seed, children, facilities) -> {
                    AdmissionInstance in = instance(seed, children, facilities);
                    NurseryMatching round = NurseryMatching.prepare(in);
                    AllocationResult base = round.baseline();
                    AllocationResult best = round.optimal(OPTIONS, base);
                    for (AllocationResult r : List.of(base, best)) {
                        assertSeatsRespected(in, r);
                        assertSiblingOptionsHonoured(in, r);
                    }
                });
    }

    @Test
    void whatIsClaimedStableHasNoJustifiedEnvyAndNoWastedSeat() {
        qt().withFixedSeed(SEED).withExamples(25)
                .forAll(longs().all(), integers().between(10, 60), integers().between(2, 8))
                .checkAssert((seed, children, facilities) -> {
                    AdmissionInstance in = instance(seed, children, facilities);
                    NurseryMatching round = NurseryMatching.prepare(in);
                    AllocationResult best = round.optimal(OPTIONS, round.baseline());
                    if (best.stable()) {
                        assertNoChildAloneBlocks(in, best);
                    }
                    if (best.provenNoStableAllocation()) {
                        assertThat(best.stable()).isFalse();
                    }
                });
    }

    @Test
    void theOptimalModeNeverPlacesFewerThanAStableBaseline() {
        // When the baseline is itself stable, it is one of the allocations the optimal mode maximises over. (When
        // it is not, the optimal mode may place fewer: HandCheckedAllocationTest has such a case.)
        int[] stableBaselines = {0};
        qt().withFixedSeed(SEED).withExamples(30)
                .forAll(longs().all(), integers().between(10, 60), integers().between(2, 8))
                .checkAssert((seed, children, facilities) -> {
                    NurseryMatching round = NurseryMatching.prepare(instance(seed, children, facilities));
                    AllocationResult base = round.baseline();
                    AllocationResult best = round.optimal(OPTIONS, base);
                    if (base.stable() && best.status() == ProofStatus.OPTIMAL) {
                        stableBaselines[0]++;
                        assertThat(best.stable()).isTrue();
                        assertThat(best.placed()).isGreaterThanOrEqualTo(base.placed());
                    }
                });
        assertThat(stableBaselines[0]).as("examples with a stable baseline").isGreaterThan(3);
    }

    @Test
    void withoutSiblingsOrTransfersTheBaselineIsStableAndTheOptimalModeAgrees() {
        qt().withFixedSeed(SEED).withExamples(20)
                .forAll(longs().all(), integers().between(10, 80), integers().between(2, 8))
                .checkAssert((seed, children, facilities) -> {
                    GeneratorParameters p = GeneratorParameters.defaults(seed, children, facilities)
                            .withSiblings(0, Map.of(SiblingOption.ANY, 1.0)).withTransferShare(0);
                    AdmissionInstance in = InstanceGenerator.generate(p);
                    NurseryMatching round = NurseryMatching.prepare(in);
                    AllocationResult base = round.baseline();
                    assertNoChildAloneBlocks(in, base);
                    AllocationResult best = round.optimal(OPTIONS, base);
                    assertThat(best.status()).isEqualTo(ProofStatus.OPTIMAL);
                    // the stable allocation is unique under one priority order
                    assertThat(best.placements()).isEqualTo(base.placements());
                });
    }

    private static Map<String, Placement> byChild(AllocationResult r) {
        Map<String, Placement> m = new HashMap<>();
        r.placements().forEach(p -> m.put(p.childId(), p));
        return m;
    }

    /** Occupants per facility and class, minus transfer applicants who moved away, never above the seats. */
    static void assertSeatsRespected(AdmissionInstance in, AllocationResult r) {
        Map<String, Integer> used = new HashMap<>();
        Map<String, Placement> placed = byChild(r);
        for (Child c : in.children()) {
            Placement p = placed.get(c.id());
            AgeClass age = in.ageClassOf(c).orElseThrow();
            if (p.isPlaced()) {
                assertThat(c.preferences()).contains(p.facilityId());
                assertThat(c.preferences().get(p.preference() - 1)).isEqualTo(p.facilityId());
                used.merge(p.facilityId() + "/" + age, 1, Integer::sum);
                if (c.isTransfer()) {
                    used.merge(c.currentFacility() + "/" + age, -1, Integer::sum);
                }
            }
        }
        for (Facility f : in.facilities()) {
            for (AgeClass a : AgeClass.values()) {
                assertThat(used.getOrDefault(f.id() + "/" + a, 0)).as("%s %s", f.id(), a).isLessThanOrEqualTo(f.seats(a));
            }
        }
    }

    static void assertSiblingOptionsHonoured(AdmissionInstance in, AllocationResult r) {
        Map<String, Placement> placed = byChild(r);
        for (Family f : in.families()) {
            if (f.children().size() < 2) {
                continue;
            }
            List<Placement> ps = f.children().stream().map(c -> placed.get(c.id())).toList();
            switch (f.siblingOption()) {
                case SAME_FACILITY_ONLY -> assertThat(ps.stream().map(Placement::facilityId).distinct()).hasSize(1);
                case ALL_OR_NONE -> {
                    assertThat(ps.stream().map(Placement::isPlaced).distinct()).hasSize(1);
                    assertThat(ps.stream().map(Placement::preference).distinct()).hasSize(1);
                }
                case YOUNGER_FIRST -> {
                    List<Child> byAge = f.children().stream()
                            .sorted((a, b) -> b.birthDate().compareTo(a.birthDate())).toList();
                    for (int i = 1; i < byAge.size(); i++) {
                        if (placed.get(byAge.get(i).id()).isPlaced()
                                && byAge.get(i).birthDate().isBefore(byAge.get(i - 1).birthDate())) {
                            assertThat(placed.get(byAge.get(i - 1).id()).isPlaced()).isTrue();
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    /**
     * No child of a family without a sibling condition (or alone) prefers a choice that has a free seat or an occupant
     * of lower priority.
     */
    static void assertNoChildAloneBlocks(AdmissionInstance in, AllocationResult r) {
        Map<String, Placement> placed = byChild(r);
        Map<String, Integer> free = new HashMap<>();
        Map<String, Integer> worstPriority = new HashMap<>();
        for (Facility f : in.facilities()) {
            f.seats().forEach((a, s) -> free.put(f.id() + "/" + a, s));
        }
        for (Child c : in.children()) {
            Placement p = placed.get(c.id());
            AgeClass age = in.ageClassOf(c).orElseThrow();
            if (p.isPlaced()) {
                free.merge(p.facilityId() + "/" + age, -1, Integer::sum);
                worstPriority.merge(p.facilityId() + "/" + age, p.priority(), Math::max);
                if (c.isTransfer()) {
                    free.merge(c.currentFacility() + "/" + age, 1, Integer::sum);
                }
            }
        }
        for (Family f : in.families()) {
            if (f.children().size() > 1 && f.siblingOption() != SiblingOption.ANY) {
                continue;
            }
            for (Child c : f.children()) {
                Placement p = placed.get(c.id());
                int limit = p.isPlaced() ? p.preference() - 1 : c.preferences().size();
                AgeClass age = in.ageClassOf(c).orElseThrow();
                for (int k = 0; k < limit; k++) {
                    String slot = c.preferences().get(k) + "/" + age;
                    assertThat(free.get(slot)).as("free seat wanted by %s at %s", c.id(), slot).isLessThanOrEqualTo(0);
                    assertThat(worstPriority.getOrDefault(slot, 0)).as("justified envy of %s at %s", c.id(), slot)
                            .isLessThan(p.priority());
                }
            }
        }
    }
}
