package jp.madoguchi.nursery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.nursery.engine.BaselineAllocator;
import jp.madoguchi.nursery.engine.CompiledInstance;
import jp.madoguchi.nursery.engine.CpSatAllocator;
import jp.madoguchi.nursery.engine.Explainer;
import jp.madoguchi.nursery.engine.StabilityChecker;

/**
 * 利用調整 — runs, compares and explains allocations of one instance. {@link #prepare} validates the instance (a run
 * never starts on invalid data: {@link InvalidInstanceException} with every issue) and computes the 指数 and the
 * priority order once; then {@link #baseline()} and {@link #optimal} allocate.
 *
 * <pre>{@code
 * NurseryMatching round = NurseryMatching.prepare(instance);
 * AllocationResult base = round.baseline();
 * AllocationResult best = round.optimal(OptimalOptions.defaults(), base);
 * ModeComparison diff = ModeComparison.of(base, best);
 * ChildExplanation why = round.explain(best, "C0001");
 * }</pre>
 */
public final class NurseryMatching {

    private final CompiledInstance compiled;
    private final Map<String, Integer> childIndex = new HashMap<>();

    private NurseryMatching(CompiledInstance compiled) {
        this.compiled = compiled;
        for (int c = 0; c < compiled.childCount(); c++) {
            childIndex.put(compiled.childId(c), c);
        }
    }

    /**
     * Validates and prepares an instance.
     *
     * @throws InvalidInstanceException if the instance has issues
     */
    public static NurseryMatching prepare(AdmissionInstance instance) {
        return new NurseryMatching(CompiledInstance.of(instance));
    }

    /**
     * Loads the solver's native library now (a few seconds, once per JVM) rather than in the first run of the optimal
     * mode.
     */
    public static void loadSolver() {
        CpSatAllocator.loadNativeLibraries();
    }

    public AdmissionInstance instance() {
        return compiled.source();
    }

    /** The procedure most municipalities use ({@link BaselineAllocator}). */
    public AllocationResult baseline() {
        return baseline(compiled);
    }

    /**
     * The baseline with placements fixed by hand: the fixed children take their seats first and never move, the others
     * follow the procedure with the same priority order.
     *
     * @throws InvalidInstanceException if the fixes do not fit the instance (see {@link CompiledInstance#withFixes})
     */
    public AllocationResult baseline(List<FixedPlacement> fixes) {
        return baseline(compiled.withFixes(fixes));
    }

    private AllocationResult baseline(CompiledInstance in) {
        long t0 = System.nanoTime();
        BaselineAllocator allocator = new BaselineAllocator(in);
        int[] assign = allocator.run();
        double millis = (System.nanoTime() - t0) / 1e6;
        return result(in, AllocationMode.BASELINE, ProofStatus.PROCEDURE, assign, millis,
                allocator.passes() + " passes", false);
    }

    /** The optimal allocation, starting from a fresh baseline as the solver's hint. */
    public AllocationResult optimal(OptimalOptions options) {
        return optimal(options, baseline());
    }

    /**
     * The optimal allocation ({@link CpSatAllocator}): a stable allocation placing the most children; when none exists
     * (reported), the fewest families with a blocking coalition, then the most children placed.
     * If the solver finds nothing within its time limit, the result is the baseline's allocation with status
     * {@link ProofStatus#UNKNOWN}.
     *
     * @param hint a baseline result of the same instance, used as the solver's starting point
     */
    public AllocationResult optimal(OptimalOptions options, AllocationResult hint) {
        return optimal(compiled, options, hint);
    }

    /**
     * The optimal allocation with placements fixed by hand: the fixed children hold their seats (others may envy them,
     * which the result reports; the children fixed are not counted as envious themselves) and the rest is allocated
     * optimally under the same definitions. The hint is the baseline with the same fixes.
     *
     * @throws InvalidInstanceException if the fixes do not fit the instance
     */
    public AllocationResult optimal(OptimalOptions options, List<FixedPlacement> fixes) {
        CompiledInstance in = compiled.withFixes(fixes);
        return optimal(in, options, baseline(in));
    }

    private AllocationResult optimal(CompiledInstance in, OptimalOptions options, AllocationResult hint) {
        long t0 = System.nanoTime();
        int[] start = assignOf(hint);
        CpSatAllocator.Outcome outcome = new CpSatAllocator(in, options).solve(start);
        int[] assign = outcome.assign() != null ? outcome.assign() : start;
        // with fixes, "no stable allocation" is about the rest given the fixes, not the instance: the stats say it
        boolean provenNone = outcome.provenNoStable() && !in.hasFixes();
        long t1 = System.nanoTime();
        AllocationResult r = result(in, AllocationMode.OPTIMAL, outcome.status(), assign, 0, outcome.stats(), provenNone);
        double millis = (System.nanoTime() - t0) / 1e6;
        return new AllocationResult(r.mode(), r.status(), r.placements(), r.blockings(), millis, r.solverStats()
                + String.format(", result checked in %.2f s", (System.nanoTime() - t1) / 1e9), r.provenNoStableAllocation());
    }

    /**
     * What fixing one child by hand implies for its siblings: for a family placed row by row (同じ園のみ, 全員), every
     * sibling is fixed to the same row (or 保留); for 下の子優先, leaving a child unplaced leaves its older siblings
     * unplaced too. The fix itself comes first.
     */
    public List<FixedPlacement> implied(FixedPlacement fix) {
        Integer c = childIndex.get(fix.childId());
        if (c == null) {
            throw new IllegalArgumentException("児童 " + fix.childId() + " はこの利用調整にありません");
        }
        Family family = compiled.source().families().get(compiled.familyOf(c));
        List<FixedPlacement> all = new ArrayList<>();
        all.add(fix);
        if (family.children().size() < 2) {
            return all;
        }
        Child child = family.children().stream().filter(x -> x.id().equals(fix.childId())).findFirst().orElseThrow();
        for (Child sibling : family.children()) {
            if (sibling == child) {
                continue;
            }
            if (family.siblingOption().isJoint()) {
                all.add(new FixedPlacement(sibling.id(), fix.preference()));
            } else if (family.siblingOption() == SiblingOption.YOUNGER_FIRST && !fix.placed()
                    && sibling.birthDate().isBefore(child.birthDate())) {
                all.add(new FixedPlacement(sibling.id(), 0));
            }
        }
        return all;
    }

    /** Seats exceeded or sibling options broken, in Japanese; empty for every result this class makes. */
    public List<String> feasibilityProblems(AllocationResult result) {
        return new StabilityChecker(compiled, assignOf(result)).feasibilityProblems();
    }

    /** The blocking pairs and coalitions of any allocation of this instance (for example one fixed by hand). */
    public List<Blocking> blockingsOf(AllocationResult result) {
        return new StabilityChecker(compiled, assignOf(result)).blockings();
    }

    /** Why a child was placed where it was, and not higher. */
    public ChildExplanation explain(AllocationResult result, String childId) {
        return explain(result, childId, List.of());
    }

    /** Why a child was placed where it was, in a result made with placements fixed by hand. */
    public ChildExplanation explain(AllocationResult result, String childId, List<FixedPlacement> fixes) {
        Integer c = childIndex.get(childId);
        if (c == null) {
            throw new IllegalArgumentException("児童 " + childId + " はこの利用調整にありません");
        }
        return new Explainer(compiled.withFixes(fixes), assignOf(result), result.mode()).explain(c);
    }

    /** Explanations for every child, in the instance's order. */
    public List<ChildExplanation> explainAll(AllocationResult result) {
        return explainAll(result, List.of());
    }

    /** Explanations for every child of a result made with placements fixed by hand, in the instance's order. */
    public List<ChildExplanation> explainAll(AllocationResult result, List<FixedPlacement> fixes) {
        Explainer explainer = new Explainer(compiled.withFixes(fixes), assignOf(result), result.mode());
        List<ChildExplanation> all = new ArrayList<>(compiled.childCount());
        for (int c = 0; c < compiled.childCount(); c++) {
            all.add(explainer.explain(c));
        }
        return all;
    }

    private int[] assignOf(AllocationResult result) {
        List<Placement> ps = result.placements();
        if (ps.size() != compiled.childCount()) {
            throw new IllegalArgumentException("この入力の結果ではありません");
        }
        int[] assign = new int[ps.size()];
        for (int c = 0; c < assign.length; c++) {
            if (!ps.get(c).childId().equals(compiled.childId(c))) {
                throw new IllegalArgumentException("この入力の結果ではありません");
            }
            assign[c] = ps.get(c).preference() - 1;
        }
        return assign;
    }

    private AllocationResult result(CompiledInstance in, AllocationMode mode, ProofStatus status, int[] assign,
            double millis, String stats, boolean provenNone) {
        List<Placement> placements = new ArrayList<>(assign.length);
        for (int c = 0; c < assign.length; c++) {
            Family family = compiled.source().families().get(compiled.familyOf(c));
            placements.add(new Placement(compiled.childId(c), family.id(), compiled.ageClass(c),
                    compiled.score(c), compiled.rank(c) + 1,
                    assign[c] < 0 ? null : compiled.facilityOf(c, assign[c]).id(), assign[c] + 1,
                    compiled.isTransfer(c)));
        }
        return new AllocationResult(mode, status, placements,
                new StabilityChecker(in, assign).blockings(), millis, stats, provenNone);
    }
}
