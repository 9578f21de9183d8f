package jp.madoguchi.payment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 期別の収納状態 — the payment state of one installment (期別).
 *
 * <p>The state follows from the money: {@link #derive(long, long, long)} gives it from the installment's amount, the
 * confirmed amount paid and the amount of 速報 (preliminary reports) not yet confirmed. Which changes are allowed is
 * fixed here, in {@link #allowedNext()}, and applied in one place: the reconciliation SQL checks every change against
 * {@link #allowedTransitionsSql(String, String)} (rows whose change is not allowed are quarantined, not applied) and
 * office actions call {@link #requireTransition(InstallmentState)}.
 */
public enum InstallmentState {
    /** 未納 — nothing received. */
    UNPAID("未納"),
    /** 速報済 — a convenience-store 速報 was received; the money is not confirmed yet. */
    PENDING("速報済（確報待ち）"),
    /** 一部納付 — less than the amount received (confirmed). */
    PARTIALLY_PAID("一部納付"),
    /** 完納 — the amount (or more) received and confirmed. */
    PAID("完納"),
    /** 取消 — the installment was cancelled (調定取消・減額); payments against it are quarantined. */
    CANCELLED("取消");

    private static final Map<InstallmentState, Set<InstallmentState>> NEXT = Map.of(
            // UNPAID → UNPAID: a record that moves no money (a failed direct debit) leaves the state as it is
            UNPAID, EnumSet.of(UNPAID, PENDING, PARTIALLY_PAID, PAID, CANCELLED),
            PENDING, EnumSet.of(PENDING, UNPAID, PARTIALLY_PAID, PAID),
            PARTIALLY_PAID, EnumSet.of(PARTIALLY_PAID, PENDING, PAID, UNPAID),
            PAID, EnumSet.of(PAID, PARTIALLY_PAID, PENDING, UNPAID),
            CANCELLED, EnumSet.noneOf(InstallmentState.class));

    /**
     * The SQL expression of {@link #derive(long, long, long)} over three column expressions; the reconciliation uses
     * it so that set-based updates and Java agree (tested against each other).
     */
    public static String deriveSql(String amount, String paid, String pending) {
        return "(case when " + paid + " >= " + amount + " then 'PAID' when " + pending + " > 0 then 'PENDING' when "
                + paid + " > 0 then 'PARTIALLY_PAID' else 'UNPAID' end)";
    }

    private final String label;

    InstallmentState(String label) {
        this.label = label;
    }

    /** The Japanese name shown on screens. */
    public String label() {
        return label;
    }

    /** The states this state may change to (a state listed in its own set may be re-entered with new amounts). */
    public Set<InstallmentState> allowedNext() {
        return NEXT.get(this);
    }

    /** Whether the change to {@code next} is allowed. */
    public boolean canChangeTo(InstallmentState next) {
        return NEXT.get(this).contains(next);
    }

    /**
     * Checks a change made by an office action.
     *
     * @throws IllegalStateException with a Japanese message when the change is not allowed
     */
    public InstallmentState requireTransition(InstallmentState next) {
        if (!canChangeTo(next)) {
            throw new IllegalStateException("期別の状態を「" + label + "」から「" + next.label + "」へは変更できません");
        }
        return next;
    }

    /**
     * The state that follows from the money of a (not cancelled) installment.
     *
     * @param amount the installment's amount (yen)
     * @param paid confirmed amount received
     * @param pending 速報 amount not yet confirmed
     */
    public static InstallmentState derive(long amount, long paid, long pending) {
        if (paid >= amount) {
            return PAID;
        }
        if (pending > 0) {
            return PENDING;
        }
        return paid > 0 ? PARTIALLY_PAID : UNPAID;
    }

    /**
     * A SQL boolean expression: whether the change from the state in column {@code from} to the state in expression
     * {@code to} is allowed, generated from {@link #allowedNext()}.
     */
    public static String allowedTransitionsSql(String from, String to) {
        String pairs = NEXT.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(n -> "('" + e.getKey().name() + "','" + n.name() + "')"))
                .sorted().collect(Collectors.joining(","));
        return "((" + from + ", " + to + ") in (" + pairs + "))";
    }
}
