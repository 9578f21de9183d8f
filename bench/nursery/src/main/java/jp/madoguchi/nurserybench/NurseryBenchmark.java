package jp.madoguchi.nurserybench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.madoguchi.nursery.AdmissionInstance;
import jp.madoguchi.nursery.AllocationResult;
import jp.madoguchi.nursery.GeneratorParameters;
import jp.madoguchi.nursery.InstanceGenerator;
import jp.madoguchi.nursery.ModeComparison;
import jp.madoguchi.nursery.NurseryMatching;
import jp.madoguchi.nursery.OptimalOptions;

/**
 * Times both modes on generated instances and prints what it measured: the median of several runs per mode, the
 * children placed, blocking pairs/coalitions and the solver's proof status.
 *
 * <p>Arguments (all optional): {@code --optimal-runs N} (default 3), {@code --baseline-runs N} (default 21),
 * {@code --workers N} (CP-SAT threads, default 2), {@code --seconds S} (CP-SAT limit, default 60),
 * {@code --seed S} (default 2026), {@code --only 8000|20000}, {@code --second-child-share P} (default 0.07: the
 * probability that a family applies for a second child).
 */
public final class NurseryBenchmark {

    public static void main(String[] args) {
        int optimalRuns = 3;
        int baselineRuns = 21;
        int workers = 2;
        double seconds = 60;
        long seed = 2026;
        String only = null;
        double siblings = -1;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--optimal-runs" -> optimalRuns = Integer.parseInt(args[i + 1]);
                case "--baseline-runs" -> baselineRuns = Integer.parseInt(args[i + 1]);
                case "--workers" -> workers = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--only" -> only = args[i + 1];
                case "--second-child-share" -> siblings = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.printf("nursery matching benchmark: JDK %s, %d processors, CP-SAT workers %d, limit %.0f s,"
                + " seed %d%n", Runtime.version(), Runtime.getRuntime().availableProcessors(), workers, seconds, seed);
        OptimalOptions options = new OptimalOptions(seconds, workers, 1);
        if (only == null || only.equals("8000")) {
            run("さいたま市 scale", params(seed, 8_000, 311, siblings), baselineRuns, optimalRuns, options);
        }
        if (only == null || only.equals("20000")) {
            run("large", params(seed, 20_000, 600, siblings), baselineRuns, optimalRuns, options);
        }
    }

    private static GeneratorParameters params(long seed, int children, int facilities, double secondChildShare) {
        GeneratorParameters p = GeneratorParameters.defaults(seed, children, facilities);
        return secondChildShare < 0 ? p : p.withSiblings(secondChildShare, p.siblingOptions());
    }

    private static void run(String label, GeneratorParameters params, int baselineRuns, int optimalRuns,
            OptimalOptions options) {
        long t0 = System.nanoTime();
        AdmissionInstance instance = InstanceGenerator.generate(params);
        double genMs = ms(t0);
        int children = instance.children().size();
        long siblingFamilies = instance.families().stream().filter(f -> f.children().size() > 1).count();
        long transfers = instance.children().stream().filter(c -> c.isTransfer()).count();
        int seats = instance.facilities().stream().mapToInt(f -> f.seats().values().stream()
                .mapToInt(Integer::intValue).sum()).sum();
        System.out.printf("%n== %s: %,d children (%,d families with siblings, %,d transfer applicants), %d"
                + " facilities, %,d seats; generated in %.0f ms%n", label, children, siblingFamilies, transfers,
                instance.facilities().size(), seats, genMs);

        double[] prepare = new double[baselineRuns];
        double[] alloc = new double[baselineRuns];
        double[] total = new double[baselineRuns];
        NurseryMatching round = null;
        AllocationResult base = null;
        for (int w = 0; w < 5; w++) { // warm-up
            NurseryMatching.prepare(instance).baseline();
        }
        for (int i = 0; i < baselineRuns; i++) {
            long s = System.nanoTime();
            round = NurseryMatching.prepare(instance);
            prepare[i] = ms(s);
            base = round.baseline();
            alloc[i] = base.allocationMillis();
            total[i] = ms(s);
        }
        System.out.printf("baseline: median %.1f ms allocation, %.1f ms validate+compile, %.1f ms total (%d runs)"
                + "; placed %,d (new %,d, transfers moved %d), blocking pairs/coalitions %d%n",
                median(alloc), median(prepare), median(total), baselineRuns, base.placed(), base.newlyAdmitted(),
                base.transfersMoved(), base.blockings().size());

        double[] times = new double[optimalRuns];
        List<AllocationResult> results = new ArrayList<>();
        for (int i = 0; i < optimalRuns; i++) {
            AllocationResult best = round.optimal(options, base);
            times[i] = best.allocationMillis();
            results.add(best);
            System.out.printf("  optimal run %d: %.2f s, %s, placed %,d, blocking %d%s; %s%n", i + 1,
                    best.allocationMillis() / 1000, best.status(), best.placed(), best.blockings().size(),
                    best.provenNoStableAllocation() ? " (proven: no stable allocation exists)" : "",
                    best.solverStats());
        }
        AllocationResult best = results.get(results.size() - 1);
        System.out.printf("optimal: median %.2f s (%d runs), status %s; placed %,d (new %,d), blocking %d%n",
                median(times) / 1000, optimalRuns, best.status(), best.placed(), best.newlyAdmitted(),
                best.blockings().size());
        ModeComparison diff = ModeComparison.of(base, best);
        System.out.printf("difference optimal − baseline: placed %+d, by age %s, facilities differing %d,"
                + " children placed differently %d, blocking %+d%n", diff.placedDifference(), diff.byAge(),
                diff.byFacility().size(), diff.changed().size(), diff.blockingDifference());
        List<String> problems = round.feasibilityProblems(best);
        if (!problems.isEmpty() || !round.feasibilityProblems(base).isEmpty()) {
            System.out.println("INFEASIBLE RESULT: " + problems);
        }
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
