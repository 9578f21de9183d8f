package jp.madoguchi.counter;

import java.util.EnumSet;
import java.util.Set;

/** 来庁受付の状態 — the state of a visit at the counter, with its allowed transitions (the one place applying them). */
public enum VisitState {
    /** 受付中 — identified; staff prepare the procedures with the visitor. */
    OPEN("受付中"),
    /** 確認済み — the visitor confirmed on the tablet; the cases exist. */
    CONFIRMED("確認済み"),
    /** 終了 — the visit is over (after confirmation, or given up). */
    CLOSED("終了");

    private final String label;

    VisitState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Set<VisitState> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(CONFIRMED, CLOSED);
            case CONFIRMED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(VisitState.class);
        };
    }

    /** The state after moving to {@code to}; refuses a transition the table does not allow. */
    public VisitState moveTo(VisitState to) {
        if (!next().contains(to)) {
            throw new IllegalStateException("受付の状態を「" + label + "」から「" + to.label + "」には変えられません");
        }
        return to;
    }
}
