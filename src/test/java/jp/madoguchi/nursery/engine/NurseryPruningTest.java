package jp.madoguchi.nursery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import jp.madoguchi.nursery.AdmissionInstance;
import jp.madoguchi.nursery.GeneratorParameters;
import jp.madoguchi.nursery.InstanceGenerator;
import jp.madoguchi.nursery.OptimalOptions;
import jp.madoguchi.nursery.ProofStatus;
import org.junit.jupiter.api.Test;

/**
 * Pruning choices before the CP-SAT model is built changes the model's size, never its answer: on generated instances
 * (tight seats, many siblings of every option and transfers) the optimum, its proof and the existence of a stable
 * allocation are the same with and without it; and it does prune.
 */
class NurseryPruningTest {

    private static final OptimalOptions OPTIONS = new OptimalOptions(20, 1, 1);

    @Test
    void pruningNeverChangesTheOptimum() {
        int[] pruned = {0};
        qt().withFixedSeed(20_261_123L).withExamples(30)
                .forAll(longs().all(), integers().between(10, 80), integers().between(2, 8))
                .checkAssert((seed, children, facilities) -> {
                    GeneratorParameters p = GeneratorParameters.defaults(seed, children, facilities);
                    AdmissionInstance instance = InstanceGenerator.generate(p.withSiblings(0.35, p.siblingOptions())
                            .withTransferShare(0.12).withCapacityTightness(0.6));
                    CompiledInstance in = CompiledInstance.of(instance);
                    int[] hint = new BaselineAllocator(in).run();
                    CpSatAllocator.Outcome with = new CpSatAllocator(in, OPTIONS, true).solve(hint);
                    CpSatAllocator.Outcome without = new CpSatAllocator(in, OPTIONS, false).solve(hint);
                    assertThat(with.status()).isEqualTo(ProofStatus.OPTIMAL);
                    assertThat(without.status()).isEqualTo(ProofStatus.OPTIMAL);
                    assertThat(with.provenNoStable()).isEqualTo(without.provenNoStable());
                    assertThat(placed(with.assign())).isEqualTo(placed(without.assign()));
                    assertThat(new StabilityChecker(in, with.assign()).blockings().size())
                            .isEqualTo(new StabilityChecker(in, without.assign()).blockings().size());
                    assertThat(new StabilityChecker(in, with.assign()).feasibilityProblems()).isEmpty();
                    boolean[][] impossible = new CpSatAllocator(in, OPTIONS, true).prune(without.provenNoStable()).impossible();
                    for (int c = 0; c < in.n; c++) {
                        int k = without.assign()[c];
                        assertThat(k < 0 || !impossible[c][k])
                                .as("the unpruned model's optimum never uses a choice found impossible").isTrue();
                        for (boolean b : impossible[c]) {
                            pruned[0] += b ? 1 : 0;
                        }
                    }
                });
        assertThat(pruned[0]).as("choices pruned over all examples").isGreaterThan(100);
    }

    private static int placed(int[] assign) {
        int n = 0;
        for (int k : assign) {
            n += k >= 0 ? 1 : 0;
        }
        return n;
    }
}
