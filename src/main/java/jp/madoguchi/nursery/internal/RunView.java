package jp.madoguchi.nursery.internal;

import java.time.Instant;
import java.util.List;
import jp.madoguchi.nursery.AllocationMode;
import jp.madoguchi.nursery.Blocking;
import jp.madoguchi.nursery.ProofStatus;

/**
 * 利用調整の実行 as stored: how it was asked, its state, and its outcome once finished (null before).
 *
 * @param id the run's number
 * @param roundId its round
 * @param mode baseline or optimal
 * @param state the state
 * @param timeLimitSeconds the solver's time limit (optimal mode), or null
 * @param parentRunId the run whose input a re-run with fixes reused, or null
 * @param children children in the input
 * @param fixedCount placements fixed by hand
 * @param inputSha256 SHA-256 of the input snapshot
 * @param proofStatus what is known about optimality
 * @param placed children placed
 * @param newlyAdmitted children placed who were not transfers
 * @param transfersMoved transfer applicants who moved
 * @param stable no blocking pair or coalition
 * @param provenNoStable the solver proved that no stable allocation exists
 * @param blockings blocking pairs and coalitions that remain
 * @param solverStats the solver's or the baseline's summary
 * @param allocationMillis time of the allocation itself
 * @param failure why it failed (Japanese), or null
 */
public record RunView(long id, long roundId, AllocationMode mode, RunState state, Integer timeLimitSeconds,
        Long parentRunId, int children, int fixedCount, String inputSha256, ProofStatus proofStatus, Integer placed,
        Integer newlyAdmitted, Integer transfersMoved, Boolean stable, Boolean provenNoStable,
        List<Blocking> blockings, String solverStats, Double allocationMillis, String failure, Instant createdAt,
        String createdBy, Instant startedAt, Instant finishedAt, Instant publishedAt, String publishedBy) {

    /** 「一般的な手順」 or 「最適化」, with 「（手作業の決定 n件）」 when placements were fixed. */
    public String label() {
        return mode.label() + (fixedCount > 0 ? "（手作業の決定 " + fixedCount + "件）" : "");
    }

    /** Seconds the run took (from start to end), or null. */
    public Double seconds() {
        return startedAt == null || finishedAt == null ? null
                : java.time.Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
    }
}
