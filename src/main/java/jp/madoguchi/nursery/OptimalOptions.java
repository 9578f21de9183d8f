package jp.madoguchi.nursery;

/**
 * Settings of the optimal mode.
 *
 * @param maxSeconds the solver's time limit (wall clock)
 * @param workers the solver's threads (CP-SAT {@code num_workers}); 0 lets it choose
 * @param seed the solver's random seed (fixed, so runs repeat)
 */
public record OptimalOptions(double maxSeconds, int workers, int seed) {

    public OptimalOptions {
        if (maxSeconds <= 0 || workers < 0) {
            throw new IllegalArgumentException("maxSeconds > 0, workers ≥ 0");
        }
    }

    /** 60 s, as many threads as processors (at most 8), seed 1. */
    public static OptimalOptions defaults() {
        return new OptimalOptions(60, Math.min(8, Runtime.getRuntime().availableProcessors()), 1);
    }

    public OptimalOptions withMaxSeconds(double seconds) {
        return new OptimalOptions(seconds, workers, seed);
    }
}
