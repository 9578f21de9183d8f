package jp.madoguchi.nursery.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * 実行の状態 — the state machine of a run; {@link #canBecome(RunState)} is the one table of transitions, applied only
 * by {@link NurseryRuns}. A run waits (QUEUED), runs in the background (RUNNING) and ends FINISHED or FAILED; a
 * finished run may be published (PUBLISHED, at most one per round) and the publication withdrawn (back to FINISHED).
 */
public enum RunState {
    /** 待機中. */
    QUEUED("待機中"),
    /** 実行中. */
    RUNNING("実行中"),
    /** 完了. */
    FINISHED("完了"),
    /** 失敗 — the reason is kept with the run. */
    FAILED("失敗"),
    /** 公開済み — the round's result; decision letters are made from it. */
    PUBLISHED("公開済み");

    private static final Map<RunState, Set<RunState>> ALLOWED = Map.of(
            QUEUED, EnumSet.of(RUNNING, FAILED),
            RUNNING, EnumSet.of(FINISHED, FAILED),
            FINISHED, EnumSet.of(PUBLISHED),
            FAILED, EnumSet.noneOf(RunState.class),
            PUBLISHED, EnumSet.of(FINISHED));

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a run in this state may move to {@code next}. */
    public boolean canBecome(RunState next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Whether the run has ended with a result (finished or published). */
    public boolean hasResult() {
        return this == FINISHED || this == PUBLISHED;
    }

    /** Whether the run has not ended yet. */
    public boolean pending() {
        return this == QUEUED || this == RUNNING;
    }
}
