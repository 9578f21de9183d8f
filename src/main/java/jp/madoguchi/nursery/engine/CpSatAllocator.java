package jp.madoguchi.nursery.engine;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.nursery.OptimalOptions;
import jp.madoguchi.nursery.ProofStatus;
import jp.madoguchi.nursery.SiblingOption;

/**
 * 最適モード — with OR-Tools CP-SAT, the stable allocation (no justified envy, no wasted seat) that places the most
 * children; when none exists, that is proven and reported, and the allocation with the fewest families blocking.
 *
 * <p>Formulation (docs/nursery.md has the derivation):
 * <ul>
 * <li>a Boolean per acceptable (child, choice) — for a family placed row by row, one per row, shared by its
 * children; at most one per child (per family);</li>
 * <li>seats per slot: occupants − transfer applicants of that slot who moved ≤ seats;</li>
 * <li>下の子優先: an older child is placed only if the next younger one is;</li>
 * <li><em>cutoffs</em> instead of pairwise envy constraints: for each slot, a Boolean e per child that finds it
 * acceptable, monotone along the priority order (a prefix: "ranked high enough to claim a seat here"); every
 * occupant is in the prefix; if the prefix is not everyone, the slot is full. A child acting alone in the prefix of
 * its k-th choice gets its k-th choice or better. A family row is blocked unless the family has that row or better,
 * or some member cannot claim its seat (not in the prefix and no sibling gives the seat up). This is linear in the number of acceptable pairs,
 * where pairwise constraints are quadratic.</li>
 * <li>objective: maximise children placed.</li>
 * </ul>
 * If that model is infeasible — proven: no stable allocation exists — a second model lets a family with a sibling
 * condition off its stability constraints (one Boolean per family, counted as a violation) while every child acting
 * alone keeps them, and minimises (children + 1) × families let off − children placed. Letting every such family
 * off and leaving it unplaced is always feasible, so the second model always has a solution; its blocking
 * coalitions come only from the families let off. This is the fewest <em>families</em> with a blocking coalition,
 * not necessarily the fewest blocking pairs over all allocations (counting pairs makes every constraint soft and
 * did not solve at 8,000 children within minutes; see docs/nursery.md).
 * Siblings of one family who share a slot in a row claim their seats together, with Hall's condition on the nested
 * seat sets, as {@link StabilityChecker} does. The result's blocking pairs are counted again, exactly, by
 * {@link StabilityChecker}; the claim "stable" rests on that check, not on the model.
 */
public final class CpSatAllocator {

    /** The solver's answer. */
    public record Outcome(int[] assign, ProofStatus status, double wallSeconds, String stats, String solverStatus) {

        /** The first model (stability required) was proven infeasible. */
        public boolean provenNoStable() {
            return stats.startsWith("stable: none");
        }
    }

    private final CompiledInstance in;
    private final OptimalOptions options;

    public CpSatAllocator(CompiledInstance in, OptimalOptions options) {
        this.in = in;
        this.options = options;
    }

    /**
     * Solves, starting from a hint (the baseline's allocation).
     *
     * @param hint for each child its choice index or −1; may be {@code null}
     */
    public Outcome solve(int[] hint) {
        Loader.loadNativeLibraries(); // once per JVM: the loader keeps its own flag
        long start = System.nanoTime();
        Outcome hard = attempt(hint, false, options.maxSeconds());
        if (!"INFEASIBLE".equals(hard.solverStatus())) {
            return hard;
        }
        double left = options.maxSeconds() - (System.nanoTime() - start) / 1e9;
        // model 2's hint, needed only when model 1 is infeasible
        Outcome soft = attempt(IndividualDeferredAcceptance.run(in), true, Math.max(1, left));
        return new Outcome(soft.assign(), soft.status(), hard.wallSeconds() + soft.wallSeconds(),
                "stable: none (proven in " + String.format("%.2f", hard.wallSeconds()) + " s); fewest blocking: "
                + soft.stats(), soft.solverStatus());
    }

    /**
     * One model: {@code soft} = false requires stability (violations impossible) and maximises children placed;
     * {@code soft} = true minimises violations first.
     */
    private Outcome attempt(int[] hint, boolean soft, double seconds) {
        long buildStart = System.nanoTime();
        CpModel model = new CpModel();
        HintState h = hint == null ? null : new HintState(hint);
        int n = in.n;
        // X(c,k): the literal placing child c at its k-th choice
        Literal[][] x = new Literal[n][];
        BoolVar[][] rows = new BoolVar[in.families.length][];
        List<Literal> placedTerms = new ArrayList<>();
        for (int fam = 0; fam < in.families.length; fam++) {
            int[] members = in.familyMembers[fam];
            if (in.familyOption[fam].isJoint()) {
                int count = in.prefSlots[members[0]].length;
                rows[fam] = new BoolVar[count];
                for (int j = 0; j < count; j++) {
                    rows[fam][j] = model.newBoolVar("y" + fam + "_" + j);
                }
                model.addAtMostOne(rows[fam]);
                for (int c : members) {
                    x[c] = rows[fam];
                    placedTerms.addAll(Arrays.asList(rows[fam]));
                }
            } else {
                for (int c : members) {
                    int count = in.prefSlots[c].length;
                    BoolVar[] xs = new BoolVar[count];
                    for (int k = 0; k < count; k++) {
                        xs[k] = model.newBoolVar("x" + c + "_" + k);
                    }
                    model.addAtMostOne(xs);
                    x[c] = xs;
                    placedTerms.addAll(Arrays.asList(xs));
                }
            }
        }
        // per slot: occupancy terms and the transfer applicants holding a seat there
        int slots = in.seats.length;
        List<List<int[]>> acceptable = new ArrayList<>(slots); // (child, k)
        List<List<Integer>> transfersAt = new ArrayList<>(slots);
        for (int s = 0; s < slots; s++) {
            acceptable.add(new ArrayList<>(0));
            transfersAt.add(new ArrayList<>(0));
        }
        for (int c = 0; c < n; c++) {
            for (int k = 0; k < in.prefSlots[c].length; k++) {
                acceptable.get(in.prefSlots[c][k]).add(new int[] {c, k});
            }
            if (in.transferSlot[c] >= 0) {
                transfersAt.get(in.transferSlot[c]).add(c);
            }
        }
        // e[(c, slot)] cutoff literals
        Map<Long, Literal> cutoff = new HashMap<>();
        for (int s = 0; s < slots; s++) {
            List<int[]> pairs = acceptable.get(s);
            if (pairs.isEmpty()) {
                continue;
            }
            LinearExprBuilder occupancy = LinearExpr.newBuilder();
            for (int[] p : pairs) {
                occupancy.add(x[p[0]][p[1]]);
            }
            for (int t : transfersAt.get(s)) {
                for (Literal l : x[t]) {
                    occupancy.addTerm(l, -1);
                }
            }
            LinearExpr occ = occupancy.build();
            model.addLessOrEqual(occ, in.seats[s]);
            // distinct children by priority
            int[] kids = in.byPriority(pairs.stream().mapToInt(p -> p[0]).distinct());
            Literal previous = null;
            for (int c : kids) {
                BoolVar e = model.newBoolVar("e" + c + "_" + s);
                cutoff.put(key(c, s), e);
                if (h != null) {
                    model.addHint(e, h.inPrefix(c, s));
                }
                if (previous != null) {
                    model.addImplication(e, previous);
                }
                previous = e;
            }
            for (int[] p : pairs) {
                model.addImplication(x[p[0]][p[1]], cutoff.get(key(p[0], s)));
            }
            if (in.seats[s] > 0 || !transfersAt.get(s).isEmpty()) {
                model.addGreaterOrEqual(occ, in.seats[s]).onlyEnforceIf(previous.not());
            }
        }
        // capacity of slots nobody finds acceptable but transfers leave: nothing to constrain
        List<Literal> violations = new ArrayList<>();
        for (int fam = 0; fam < in.families.length; fam++) {
            int[] members = in.familyMembers[fam];
            SiblingOption option = in.familyOption[fam];
            // soft: a family with a sibling condition may be let off its stability constraints, at a cost
            BoolVar relax = null;
            if (soft && option != SiblingOption.ANY) {
                relax = model.newBoolVar("relax" + fam);
                violations.add(relax);
                if (h != null) {
                    model.addHint(relax, h.familyBlocks(fam));
                }
            }
            if (option.isJoint()) {
                for (int j = 0; j < rows[fam].length; j++) {
                    LinearExprBuilder b = LinearExpr.newBuilder();
                    for (int jj = 0; jj <= j; jj++) {
                        b.add(rows[fam][jj]);
                    }
                    for (int c : members) {
                        int slot = in.prefSlots[c][j];
                        int[] group = in.membersAt(fam, j, slot);
                        if (group.length == 1) {
                            b.add(1).addTerm(claim(model, cutoff, x, fam, c, j, h), -1);
                        } else if (group[0] == c) {
                            b.add(1).addTerm(groupClaim(model, x, fam, slot, j, group, acceptable, transfersAt), -1);
                        }
                    }
                    if (relax != null) {
                        b.add(relax);
                    }
                    model.addGreaterOrEqual(b.build(), 1);
                }
            } else {
                for (int i = 0; i < members.length; i++) {
                    int c = members[i];
                    Literal[] younger = option == SiblingOption.YOUNGER_FIRST && i > 0 ? x[members[i - 1]] : null;
                    if (younger != null) {
                        LinearExprBuilder order = LinearExpr.newBuilder();
                        for (Literal l : x[c]) {
                            order.add(l);
                        }
                        for (Literal l : younger) {
                            order.addTerm(l, -1);
                        }
                        model.addLessOrEqual(order.build(), 0);
                    }
                    for (int k = 0; k < x[c].length; k++) {
                        LinearExprBuilder b = LinearExpr.newBuilder();
                        for (int kk = 0; kk <= k; kk++) {
                            b.add(x[c][kk]);
                        }
                        b.addTerm(cutoff.get(key(c, in.prefSlots[c][k])), -1);
                        if (younger != null) {
                            b.add(1);
                            for (Literal l : younger) {
                                b.addTerm(l, -1);
                            }
                        }
                        if (relax != null) {
                            b.add(relax);
                        }
                        model.addGreaterOrEqual(b.build(), 0);
                    }
                }
            }
        }
        long big = n + 1L;
        LinearExprBuilder objective = LinearExpr.newBuilder();
        for (Literal v : violations) {
            objective.addTerm(v, big);
        }
        for (Literal p : placedTerms) {
            objective.addTerm(p, -1);
        }
        model.minimize(objective.build());
        if (hint != null) {
            for (int fam = 0; fam < in.families.length; fam++) {
                if (rows[fam] != null) {
                    int row = hint[in.familyMembers[fam][0]];
                    for (int j = 0; j < rows[fam].length; j++) {
                        model.addHint(rows[fam][j], j == row);
                    }
                }
            }
            for (int c = 0; c < n; c++) {
                if (rows[in.childFamily[c]] == null) {
                    for (int k = 0; k < x[c].length; k++) {
                        model.addHint(x[c][k], hint[c] == k);
                    }
                }
            }
        }
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(options.workers())
                .setRandomSeed(options.seed());
        if (System.getenv("NURSERY_CPSAT_LOG") != null) {
            solver.getParameters().setLogSearchProgress(true);
            solver.setLogCallback(System.out::println);
        }
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new Outcome(null, ProofStatus.UNKNOWN, solver.wallTime(), status.name(), status.name());
        }
        int[] assign = new int[n];
        Arrays.fill(assign, -1);
        for (int c = 0; c < n; c++) {
            for (int k = 0; k < x[c].length; k++) {
                if (solver.booleanValue(x[c][k])) {
                    assign[c] = k;
                }
            }
        }
        return new Outcome(assign, status == CpSolverStatus.OPTIMAL ? ProofStatus.OPTIMAL : ProofStatus.FEASIBLE,
                solver.wallTime(), "objective " + (long) solver.objectiveValue() + ", bound "
                + (long) solver.bestObjectiveBound() + ", " + model.model().getVariablesCount() + " variables, "
                + model.model().getConstraintsCount() + " constraints, model built in "
                + String.format("%.2f", buildSeconds) + " s, solved in " + String.format("%.2f", solver.wallTime())
                + " s", status.name());
    }


    /**
     * The hint's values of the auxiliary variables: the minimal cutoff prefix of each slot, claims. Seats and
     * occupants are counted by a {@link StabilityChecker} of the hinted allocation.
     */
    private final class HintState {
        final int[] assign;
        final StabilityChecker seats;

        HintState(int[] assign) {
            this.assign = assign;
            this.seats = new StabilityChecker(in, assign);
        }

        boolean inPrefix(int c, int slot) {
            return seats.free(slot) > 0 || in.rank[c] <= seats.lowestOccupantRank(slot);
        }

        /** Whether the hinted allocation has a blocking pair or coalition of this family. */
        boolean familyBlocks(int fam) {
            int[] members = in.familyMembers[fam];
            if (in.familyOption[fam].isJoint()) {
                int limit = in.choicesAbove(members[0], assign[members[0]]);
                for (int j = 0; j < limit; j++) {
                    boolean all = true;
                    for (int c : members) {
                        all &= claims(fam, c, j);
                    }
                    if (all) {
                        return true;
                    }
                }
                return false;
            }
            for (int i = 0; i < members.length; i++) {
                int c = members[i];
                if (i > 0 && assign[members[i - 1]] < 0) {
                    continue;
                }
                int limit = in.choicesAbove(c, assign[c]);
                for (int k = 0; k < limit; k++) {
                    if (seats.canClaim(c, k)) {
                        return true;
                    }
                }
            }
            return false;
        }

        boolean claims(int fam, int c, int j) {
            int slot = in.prefSlots[c][j];
            if (inPrefix(c, slot)) {
                return true;
            }
            for (int d : in.familyMembers[fam]) {
                if (d != c && in.heldSlot(d, assign[d]) == slot) {
                    return true;
                }
            }
            return false;
        }
    }

    private static long key(int c, int slot) {
        return ((long) c << 32) | slot;
    }

    /**
     * "The members of a family who share a slot in row j can all have seats there": Hall's condition on the nested
     * seat sets (free seats + the family's own seats there + seats of non-family occupants of lower priority than the
     * member, for each member from the best-ranked down). Only the direction the row constraint needs is encoded: if
     * the condition holds, the literal is true.
     */
    private Literal groupClaim(CpModel model, Literal[][] x, int fam, int slot, int j, int[] group,
            List<List<int[]>> acceptable, List<List<Integer>> transfersAt) {
        int[] members = in.familyMembers[fam];
        int q = group.length;
        BoolVar claim = model.newBoolVar("group" + fam + "_" + j);
        List<Literal> either = new ArrayList<>();
        either.add(claim);
        for (int t = 0; t < q; t++) {
            int r = in.rank[group[t]];
            // free + own + lowerNotOwn = seats + moved − occupants + own + lowerNotOwn
            LinearExprBuilder e = LinearExpr.newBuilder().add(in.seats[slot]);
            for (int tr : transfersAt.get(slot)) {
                for (Literal l : x[tr]) {
                    e.add(l);
                }
            }
            for (int[] p : acceptable.get(slot)) {
                int d = p[0];
                if (in.childFamily[d] == fam) {
                    continue; // −1 as occupant, +1 as own seat
                }
                if (in.rank[d] <= r) {
                    e.addTerm(x[d][p[1]], -1); // occupant not below the member: −1; lower ones cancel out
                }
            }
            for (int d : members) {
                if (in.transferSlot[d] == slot) {
                    e.add(1);
                    for (Literal l : x[d]) {
                        e.addTerm(l, -1);
                    }
                }
            }
            BoolVar fails = model.newBoolVar("hall" + fam + "_" + j + "_" + t);
            model.addLessOrEqual(e.build(), q - t - 1).onlyEnforceIf(fails);
            either.add(fails);
        }
        model.addBoolOr(either);
        return claim;
    }

    /**
     * "Member c can claim its seat of row j": in the cutoff prefix of the slot, or a sibling gives a seat of that slot
     * up (occupies it now, or holds it as a transfer applicant and is unplaced).
     */
    private Literal claim(CpModel model, Map<Long, Literal> cutoff, Literal[][] x, int fam, int c, int j,
            HintState h) {
        int slot = in.prefSlots[c][j];
        Literal e = cutoff.get(key(c, slot));
        List<LinearExpr> helpers = new ArrayList<>();
        for (int d : in.familyMembers[fam]) {
            if (d == c) {
                continue;
            }
            LinearExprBuilder occupies = LinearExpr.newBuilder();
            boolean any = false;
            for (int k = 0; k < in.prefSlots[d].length; k++) {
                if (in.prefSlots[d][k] == slot) {
                    occupies.add(x[d][k]);
                    any = true;
                }
            }
            if (any) {
                helpers.add(occupies.build());
            }
            if (in.transferSlot[d] == slot) {
                LinearExprBuilder unplaced = LinearExpr.newBuilder().add(1);
                for (Literal l : x[d]) {
                    unplaced.addTerm(l, -1);
                }
                helpers.add(unplaced.build());
            }
        }
        if (helpers.isEmpty()) {
            return e;
        }
        BoolVar claim = model.newBoolVar("claim" + c + "_" + j);
        if (h != null) {
            model.addHint(claim, h.claims(fam, c, j));
        }
        model.addImplication(e, claim);
        for (LinearExpr helper : helpers) {
            model.addGreaterOrEqual(LinearExpr.newBuilder().add(claim).addTerm(helper, -1).build(), 0);
        }
        return claim;
    }
}
