package jp.madoguchi.reservation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** 整理券の状態 — the state machine of a queue ticket; {@link #canBecome(TicketState)} is the one table. */
public enum TicketState {
    /** 待ち. */
    WAITING("お待ち"),
    /** 呼出中. */
    CALLED("呼出中"),
    /** 対応済み. */
    DONE("対応済み"),
    /** 不在 — called but did not come (by staff, or after the grace period). */
    ABSENT("不在");

    private static final Map<TicketState, Set<TicketState>> ALLOWED = Map.of(
            WAITING, EnumSet.of(CALLED),
            CALLED, EnumSet.of(DONE, ABSENT),
            DONE, EnumSet.noneOf(TicketState.class),
            ABSENT, EnumSet.noneOf(TicketState.class));

    private final String label;

    TicketState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a ticket in this state may move to {@code next}. */
    public boolean canBecome(TicketState next) {
        return ALLOWED.get(this).contains(next);
    }
}
