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
 * Before the model is built, {@link #prune} removes the (child, choice) pairs no solution can use and fixes the
 * placements every solution has (a Java fixed point of a few milliseconds that replaces most of CP-SAT's probing at
 * city scale); the property test NurseryPruningTest checks that the optimum never changes.
 * Placements fixed by hand ({@link CompiledInstance#withFixes}) are equalities; those children hold their seats without
 * claiming them, so others may envy them and the result says so.
 * 
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

    private final boolean pruning;

    public CpSatAllocator(CompiledInstance in, OptimalOptions options) {
        this(in, options, System.getenv("NURSERY_NO_PRUNING") == null);
    }

    /** With {@code pruning} false, every (child, choice) gets its literal (to compare, in tests and benchmarks). */
    CpSatAllocator(CompiledInstance in, OptimalOptions options, boolean pruning) {
        this.in = in;
        this.options = options;
        this.pruning = pruning;
    }

    /** Loads OR-Tools' native library (once per JVM; a few seconds the first time). */
    public static void loadNativeLibraries() {
        Loader.loadNativeLibraries(); // the loader keeps its own flag
    }

    /**
     * Solves, starting from a hint (the baseline's allocation).
     *
     * @param hint for each child its choice index or −1; may be {@code null}
     */
    public Outcome solve(int[] hint) {
        loadNativeLibraries();
        long start = System.nanoTime();
        Pruning pruned = pruning ? prune(false) : Pruning.none(in.n);
        double pruneSeconds = (System.nanoTime() - start) / 1e9;
        Outcome hard = attempt(hint, false, options.maxSeconds(), pruned, pruneSeconds);
        if (!"INFEASIBLE".equals(hard.solverStatus())) {
            return hard;
        }
        double left = options.maxSeconds() - (System.nanoTime() - start) / 1e9;
        // model 2's hint, needed only when model 1 is infeasible
        long softStart = System.nanoTime();
        Pruning prunedSoft = pruning ? prune(true) : Pruning.none(in.n);
        Outcome soft = attempt(IndividualDeferredAcceptance.run(in), true, Math.max(1, left), prunedSoft,
                (System.nanoTime() - softStart) / 1e9);
        return new Outcome(soft.assign(), soft.status(), hard.wallSeconds() + soft.wallSeconds(),
                "stable: none (proven in " + String.format("%.2f", hard.wallSeconds()) + " s); fewest blocking: "
                + soft.stats(), soft.solverStatus());
    }

    /**
     * Choices no feasible solution of the model can use, found before the model is built (what CP-SAT's probing
     * would otherwise find, at a cost of seconds at city scale). Child c cannot occupy slot s when at least
     * {@code capacity(s)} children of higher priority are <em>sure</em> to occupy s if c does: children acting alone
     * with a hard stability constraint (any child of an {@link SiblingOption#ANY} family; in model 1, where no family
     * is let off, also the youngest of a {@link SiblingOption#YOUNGER_FIRST} family), not fixed by hand, whose every
     * better choice is already impossible. Why: an occupant is in the slot's cutoff prefix, the prefix is
     * monotone, and a child acting alone in the prefix of its first possible choice gets it — so all of them and c would
     * occupy s, more than its capacity (seats + seats of its transfer applicants that still have a possible choice, so
     * may move − placements fixed there). Repeated to a fixed point, since pruning a choice can make a child sure of its next one. At a slot the
     * pruned children are a suffix of the priority order, so their cutoff literals are false and the slot is full in
     * every solution. For a family placed row by row, a pruned member's choice removes the row. Placements fixed by hand
     * are never pruned.
     *
     * <p>Conversely, a sure child whose first possible choice s has fewer possible occupants of higher priority (and
     * placements fixed there) than seats cannot be left out of s's prefix — the slot could not be full without it — so
     * it gets s: its later choices are impossible too (its cutoff literals there stay: they are not a suffix).
     */
    Pruning prune(boolean soft) {
        int n = in.n;
        boolean[][] pruned = new boolean[n][];
        boolean[][] outside = new boolean[n][];
        for (int c = 0; c < n; c++) {
            pruned[c] = new boolean[in.prefSlots[c].length];
            outside[c] = new boolean[in.prefSlots[c].length];
        }
        int slots = in.seats.length;
        int[] capacity = new int[slots];
        // per slot the (child, choice) pairs by priority
        int[] count = new int[slots];
        for (int c = 0; c < n; c++) {
            for (int slot : in.prefSlots[c]) {
                count[slot]++;
            }
        }
        long[][] bySlot = new long[slots][];
        for (int s = 0; s < slots; s++) {
            bySlot[s] = new long[count[s]];
        }
        int[] fill = new int[slots];
        for (int c = 0; c < n; c++) {
            for (int k = 0; k < in.prefSlots[c].length; k++) {
                int slot = in.prefSlots[c][k];
                bySlot[slot][fill[slot]++] = ((long) in.rank[c] << 32) | ((long) c << 8) | k;
            }
        }
        for (long[] pairs : bySlot) {
            Arrays.sort(pairs);
        }
        boolean[] sure = new boolean[n];
        for (int c = 0; c < n; c++) {
            int fam = in.childFamily[c];
            // acting alone with a hard stability constraint: any child of an ANY family; in model 1 also the youngest
            // of a 下の子優先 family (it acts alone whatever its siblings get)
            sure[c] = !in.isFixed(c) && (in.familyOption[fam] == SiblingOption.ANY
                    || !soft && in.familyOption[fam] == SiblingOption.YOUNGER_FIRST && in.familyMembers[fam][0] == c);
        }
        int[] forced = new int[n];
        Arrays.fill(forced, -1);
        int[] fixedAt = new int[slots];
        for (int c = 0; c < n; c++) {
            if (in.fixedChoice[c] >= 0) {
                fixedAt[in.prefSlots[c][in.fixedChoice[c]]]++;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            // capacity: seats + seats of transfer applicants that may still move − placements fixed there
            System.arraycopy(in.seats, 0, capacity, 0, slots);
            for (int c = 0; c < n; c++) {
                if (in.transferSlot[c] >= 0 && (in.fixedChoice[c] >= 0
                        || in.fixedChoice[c] == CompiledInstance.NOT_FIXED && firstPossible(pruned[c]) >= 0)) {
                    capacity[in.transferSlot[c]]++;
                }
                if (in.fixedChoice[c] >= 0) {
                    capacity[in.prefSlots[c][in.fixedChoice[c]]]--;
                }
            }
            for (int s = 0; s < slots; s++) {
                int claimed = 0;
                int possibleAbove = fixedAt[s];
                for (long pair : bySlot[s]) {
                    int c = (int) ((pair >>> 8) & 0xFFFFFF);
                    int k = (int) (pair & 0xFF);
                    if (in.isFixed(c)) {
                        continue; // counted in fixedAt
                    }
                    if (sure[c] && firstPossible(pruned[c]) == k && possibleAbove < in.seats[s]) {
                        // the slot cannot be full without c, so c is in its prefix and gets it: nothing else
                        forced[c] = k;
                        for (int kk = k + 1; kk < pruned[c].length; kk++) {
                            if (!pruned[c][kk]) {
                                pruned[c][kk] = true;
                                changed = true;
                            }
                        }
                    }
                    if (!pruned[c][k]) {
                        possibleAbove++;
                    }
                    if (claimed >= capacity[s]) {
                        if (!outside[c][k] && !in.isFixed(c)) {
                            changed = true;
                            outside[c][k] = true;
                            int fam = in.childFamily[c];
                            if (in.familyOption[fam].isJoint()) {
                                for (int d : in.familyMembers[fam]) {
                                    pruned[d][k] = true;
                                }
                            } else {
                                pruned[c][k] = true;
                            }
                        }
                    } else if (sure[c] && firstPossible(pruned[c]) == k) {
                        claimed++;
                    }
                }
            }
        }
        return new Pruning(pruned, outside, forced);
    }

    /**
     * What {@link #prune} found: {@code impossible[c][k]}, child c can never be at its k-th choice (its literal is not
     * created); {@code outside[c][k]}, c is below the point where the slot of that choice is surely full, so its cutoff
     * literal there is false. For a family placed row by row a member's choice can be impossible (a sibling's seat in
     * that row is) while the member itself is not outside: its cutoff literal stays, as it still says whether the
     * family could claim that row. {@code forced[c]}: the choice a child acting alone gets in every solution; its
     * other choices are impossible and need no cutoff literal (its stability there holds: it is placed higher).
     */
    record Pruning(boolean[][] impossible, boolean[][] outside, int[] forced) {
        static Pruning none(int n) {
            int[] forced = new int[n];
            Arrays.fill(forced, -1);
            return new Pruning(new boolean[n][0], new boolean[n][0], forced);
        }

        /** The choice child c gets in every solution (a sure child that is in the prefix of it), or −1. */
        int forced(int c) {
            return forced[c];
        }

        boolean impossible(int c, int k) {
            return k < impossible[c].length && impossible[c][k];
        }

        boolean outside(int c, int k) {
            return k < outside[c].length && outside[c][k];
        }
    }

    private static int firstPossible(boolean[] pruned) {
        for (int k = 0; k < pruned.length; k++) {
            if (!pruned[k]) {
                return k;
            }
        }
        return -1;
    }

    /**
     * One model: {@code soft} = false requires stability (violations impossible) and maximises children placed;
     * {@code soft} = true minimises violations first.
     */
    private Outcome attempt(int[] hint, boolean soft, double seconds, Pruning pruned, double pruneSeconds) {
        long buildStart = System.nanoTime();
        CpModel model = new CpModel();
        HintState h = hint == null ? null : new HintState(hint);
        int n = in.n;
        // X(c,k): the literal placing child c at its k-th choice; null where pruned (impossible)
        Literal[][] x = new Literal[n][];
        Literal[][] rows = new Literal[in.families.length][];
        List<Literal> placedTerms = new ArrayList<>();
        int prunedPairs = 0;
        for (int fam = 0; fam < in.families.length; fam++) {
            int[] members = in.familyMembers[fam];
            if (in.familyOption[fam].isJoint()) {
                int count = in.prefSlots[members[0]].length;
                rows[fam] = new Literal[count];
                List<Literal> present = new ArrayList<>();
                for (int j = 0; j < count; j++) {
                    if (!pruned.impossible(members[0], j)) {
                        rows[fam][j] = model.newBoolVar("");
                        present.add(rows[fam][j]);
                    } else {
                        prunedPairs += members.length;
                    }
                }
                if (present.size() > 1) {
                    model.addAtMostOne(present);
                }
                for (int c : members) {
                    x[c] = rows[fam];
                    placedTerms.addAll(present);
                }
            } else {
                for (int c : members) {
                    int count = in.prefSlots[c].length;
                    Literal[] xs = new Literal[count];
                    List<Literal> present = new ArrayList<>();
                    for (int k = 0; k < count; k++) {
                        if (!pruned.impossible(c, k)) {
                            xs[k] = model.newBoolVar("");
                            present.add(xs[k]);
                        } else {
                            prunedPairs++;
                        }
                    }
                    if (present.size() > 1) {
                        model.addAtMostOne(present);
                    }
                    x[c] = xs;
                    placedTerms.addAll(present);
                }
            }
        }
        // placements fixed by hand, and those the pruning found certain
        for (int c = 0; c < n; c++) {
            if (pruned.forced(c) >= 0) {
                model.addEquality(x[c][pruned.forced(c)], 1);
            }
            if (in.fixedChoice[c] >= 0) {
                model.addEquality(x[c][in.fixedChoice[c]], 1);
            } else if (in.fixedChoice[c] == -1) {
                for (Literal l : x[c]) {
                    if (l != null) {
                        model.addEquality(l, 0);
                    }
                }
            }
        }
        // per slot: occupancy terms and the transfer applicants holding a seat there
        int slots = in.seats.length;
        List<List<int[]>> acceptable = new ArrayList<>(slots); // (child, k), possible ones only
        List<List<Integer>> transfersAt = new ArrayList<>(slots);
        boolean[] prunedAt = new boolean[slots];
        List<List<Integer>> claimants = new ArrayList<>(slots); // children with a cutoff literal at the slot
        for (int s = 0; s < slots; s++) {
            acceptable.add(new ArrayList<>(0));
            transfersAt.add(new ArrayList<>(0));
            claimants.add(new ArrayList<>(0));
        }
        for (int c = 0; c < n; c++) {
            for (int k = 0; k < in.prefSlots[c].length; k++) {
                int slot = in.prefSlots[c][k];
                if (x[c][k] != null) {
                    acceptable.get(slot).add(new int[] {c, k});
                }
                if (!in.isFixed(c)) {
                    if (pruned.outside(c, k)) {
                        prunedAt[slot] = true;
                    } else if (pruned.forced(c) < 0 || pruned.forced(c) == k) {
                        claimants.get(slot).add(c);
                    }
                }
            }
            if (in.transferSlot[c] >= 0) {
                transfersAt.get(in.transferSlot[c]).add(c);
            }
        }
        // e[(c, slot)] cutoff literals; none for a pruned pair (false: the pruned children are a suffix)
        Map<Long, Literal> cutoff = new HashMap<>();
        for (int s = 0; s < slots; s++) {
            List<int[]> pairs = acceptable.get(s);
            if (pairs.isEmpty() && transfersAt.get(s).isEmpty() && claimants.get(s).isEmpty()) {
                continue;
            }
            LinearExprBuilder occupancy = LinearExpr.newBuilder();
            for (int[] p : pairs) {
                occupancy.add(x[p[0]][p[1]]);
            }
            for (int t : transfersAt.get(s)) {
                for (Literal l : x[t]) {
                    if (l != null) {
                        occupancy.addTerm(l, -1);
                    }
                }
            }
            LinearExpr occ = occupancy.build();
            model.addLessOrEqual(occ, in.seats[s]);
            // distinct children by priority; a child fixed by hand holds its seat without claiming it
            int[] kids = in.byPriority(claimants.get(s).stream().mapToInt(Integer::intValue).distinct());
            if (kids.length == 0) {
                if (prunedAt[s] && in.seats[s] > 0) {
                    model.addGreaterOrEqual(occ, in.seats[s]);
                }
                continue;
            }
            Literal previous = null;
            for (int c : kids) {
                BoolVar e = model.newBoolVar("");
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
                if (!in.isFixed(p[0])) {
                    model.addImplication(x[p[0]][p[1]], cutoff.get(key(p[0], s)));
                }
            }
            if (prunedAt[s]) {
                model.addGreaterOrEqual(occ, in.seats[s]); // someone is outside the prefix: the slot is full
            } else if (in.seats[s] > 0 || !transfersAt.get(s).isEmpty()) {
                model.addGreaterOrEqual(occ, in.seats[s]).onlyEnforceIf(previous.not());
            }
        }
        // capacity of slots nobody finds acceptable but transfers leave: nothing to constrain
        List<Literal> violations = new ArrayList<>();
        for (int fam = 0; fam < in.families.length; fam++) {
            int[] members = in.familyMembers[fam];
            SiblingOption option = in.familyOption[fam];
            if (option.isJoint() && in.isFixed(members[0])) {
                continue; // decided by hand: no stability constraint of its own
            }
            // soft: a family with a sibling condition may be let off its stability constraints, at a cost
            BoolVar relax = null;
            if (soft && option != SiblingOption.ANY) {
                relax = model.newBoolVar("");
                violations.add(relax);
                if (h != null) {
                    model.addHint(relax, h.familyBlocks(fam));
                }
            }
            if (option.isJoint()) {
                for (int j = 0; j < rows[fam].length; j++) {
                    LinearExprBuilder b = LinearExpr.newBuilder();
                    for (int jj = 0; jj <= j; jj++) {
                        if (rows[fam][jj] != null) {
                            b.add(rows[fam][jj]);
                        }
                    }
                    boolean trivial = false;
                    for (int c : members) {
                        int slot = in.prefSlots[c][j];
                        int[] group = in.membersAt(fam, j, slot);
                        if (group.length == 1) {
                            Literal claim = claim(model, cutoff, x, fam, c, j, h);
                            if (claim == null) {
                                trivial = true; // this member can never claim its seat: the row never blocks
                            } else {
                                b.add(1).addTerm(claim, -1);
                            }
                        } else if (group[0] == c) {
                            b.add(1).addTerm(groupClaim(model, x, fam, slot, j, group, acceptable, transfersAt), -1);
                        }
                    }
                    if (trivial) {
                        continue;
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
                            if (l != null) {
                                order.add(l);
                            }
                        }
                        for (Literal l : younger) {
                            if (l != null) {
                                order.addTerm(l, -1);
                            }
                        }
                        model.addLessOrEqual(order.build(), 0);
                    }
                    for (int k = 0; k < x[c].length && !in.isFixed(c); k++) {
                        Literal e = cutoff.get(key(c, in.prefSlots[c][k]));
                        if (e == null || pruned.forced(c) >= 0 && k > pruned.forced(c)) {
                            continue; // pruned: not in the prefix, no claim; or certain to be placed higher
                        }
                        LinearExprBuilder b = LinearExpr.newBuilder();
                        for (int kk = 0; kk <= k; kk++) {
                            if (x[c][kk] != null) {
                                b.add(x[c][kk]);
                            }
                        }
                        b.addTerm(e, -1);
                        if (younger != null) {
                            b.add(1);
                            for (Literal l : younger) {
                                if (l != null) {
                                    b.addTerm(l, -1);
                                }
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
                        if (rows[fam][j] != null) {
                            model.addHint(rows[fam][j], j == row);
                        }
                    }
                }
            }
            for (int c = 0; c < n; c++) {
                if (rows[in.childFamily[c]] == null) {
                    for (int k = 0; k < x[c].length; k++) {
                        if (x[c][k] != null) {
                            model.addHint(x[c][k], hint[c] == k);
                        }
                    }
                }
            }
        }
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        CpSolver solver = new CpSolver();
        // symmetry_level 0: one strict priority order leaves nothing symmetric to find, and detecting that took about
        // a third of CP-SAT's time at city scale (bench/nursery)
        solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(options.workers())
                .setRandomSeed(options.seed()).setSymmetryLevel(0);
        String extra = System.getenv("NURSERY_CPSAT_PARAMS"); // benchmark knob, e.g. "symmetry_level:0"
        if (extra != null && !extra.isBlank()) {
            try {
                com.google.protobuf.TextFormat.merge(extra, solver.getParameters());
            } catch (com.google.protobuf.TextFormat.ParseException e) {
                throw new IllegalArgumentException("NURSERY_CPSAT_PARAMS: " + e.getMessage(), e);
            }
        }
        if (System.getenv("NURSERY_CPSAT_LOG") != null) {
            solver.getParameters().setLogSearchProgress(true);
            solver.setLogCallback(System.out::println);
        }
        long solveStart = System.nanoTime();
        CpSolverStatus status = solver.solve(model);
        double solveCall = (System.nanoTime() - solveStart) / 1e9;
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new Outcome(null, ProofStatus.UNKNOWN, solver.wallTime(), status.name(), status.name());
        }
        int[] assign = new int[n];
        Arrays.fill(assign, -1);
        for (int c = 0; c < n; c++) {
            for (int k = 0; k < x[c].length; k++) {
                if (x[c][k] != null && solver.booleanValue(x[c][k])) {
                    assign[c] = k;
                }
            }
        }
        return new Outcome(assign, status == CpSolverStatus.OPTIMAL ? ProofStatus.OPTIMAL : ProofStatus.FEASIBLE,
                solver.wallTime(), "objective " + (long) solver.objectiveValue() + ", bound "
                + (long) solver.bestObjectiveBound() + ", " + model.model().getVariablesCount() + " variables, "
                + model.model().getConstraintsCount() + " constraints, " + prunedPairs + " choices pruned in "
                + String.format("%.2f", pruneSeconds) + " s, model built in " + String.format("%.2f", buildSeconds)
                + " s, solved in " + String.format("%.2f", solver.wallTime()) + " s (call "
                + String.format("%.2f", solveCall) + " s)", status.name());
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
        BoolVar claim = model.newBoolVar("");
        List<Literal> either = new ArrayList<>();
        either.add(claim);
        for (int t = 0; t < q; t++) {
            int r = in.rank[group[t]];
            // free + own + lowerNotOwn = seats + moved − occupants + own + lowerNotOwn
            LinearExprBuilder e = LinearExpr.newBuilder().add(in.seats[slot]);
            for (int tr : transfersAt.get(slot)) {
                for (Literal l : x[tr]) {
                    if (l != null) {
                        e.add(l);
                    }
                }
            }
            for (int[] p : acceptable.get(slot)) {
                int d = p[0];
                if (in.childFamily[d] == fam) {
                    continue; // −1 as occupant, +1 as own seat
                }
                if (in.rank[d] <= r || in.isFixed(d)) {
                    // occupant not below the member, or fixed by hand: −1; lower ones cancel out
                    e.addTerm(x[d][p[1]], -1);
                }
            }
            for (int d : members) {
                if (in.transferSlot[d] == slot) {
                    e.add(1);
                    for (Literal l : x[d]) {
                        if (l != null) {
                            e.addTerm(l, -1);
                        }
                    }
                }
            }
            BoolVar fails = model.newBoolVar("");
            model.addLessOrEqual(e.build(), q - t - 1).onlyEnforceIf(fails);
            either.add(fails);
        }
        model.addBoolOr(either);
        return claim;
    }

    /**
     * "Member c can claim its seat of row j": in the cutoff prefix of the slot, or a sibling gives a seat of that slot
     * up (occupies it now, or holds it as a transfer applicant and is unplaced). Null when neither can ever be.
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
                if (in.prefSlots[d][k] == slot && x[d][k] != null) {
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
                    if (l != null) {
                        unplaced.addTerm(l, -1);
                    }
                }
                helpers.add(unplaced.build());
            }
        }
        if (helpers.isEmpty()) {
            return e; // null when pruned: the member can never claim this seat
        }
        BoolVar claim = model.newBoolVar("");
        if (h != null) {
            model.addHint(claim, h.claims(fam, c, j));
        }
        if (e != null) {
            model.addImplication(e, claim);
        }
        for (LinearExpr helper : helpers) {
            model.addGreaterOrEqual(LinearExpr.newBuilder().add(claim).addTerm(helper, -1).build(), 0);
        }
        return claim;
    }
}
