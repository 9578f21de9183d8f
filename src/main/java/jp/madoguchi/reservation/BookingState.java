package jp.madoguchi.reservation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** 予約の状態 — the state machine of a booking; {@link #canBecome(BookingState)} is the one table of transitions. */
public enum BookingState {
    /** 予約済み. */
    CONFIRMED("予約済み"),
    /** 変更済み — replaced by a new booking (its link no longer works). */
    CHANGED("変更済み"),
    /** 取消済み. */
    CANCELLED("取消済み"),
    /** 受付済み — the visitor checked in and holds a ticket. */
    CHECKED_IN("受付済み"),
    /** 来庁なし — not checked in within the grace period after the slot. */
    NO_SHOW("来庁なし");

    private static final Map<BookingState, Set<BookingState>> ALLOWED = Map.of(
            CONFIRMED, EnumSet.of(CHANGED, CANCELLED, CHECKED_IN, NO_SHOW),
            CHANGED, EnumSet.noneOf(BookingState.class),
            CANCELLED, EnumSet.noneOf(BookingState.class),
            CHECKED_IN, EnumSet.noneOf(BookingState.class),
            NO_SHOW, EnumSet.noneOf(BookingState.class));

    private final String label;

    BookingState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a booking in this state may move to {@code next}. */
    public boolean canBecome(BookingState next) {
        return ALLOWED.get(this).contains(next);
    }
}
