package jp.madoguchi.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * What can happen to a case, and the one table of allowed transitions: 受付 → 審査中 → 補正依頼 (the resident answers
 * online) → 審査中 → 決定 / 却下 → 完了, and 取下げ while the case is open.
 */
public enum CaseAction {
    START_REVIEW("審査を開始", EnumSet.of(CaseStatus.RECEIVED), CaseStatus.UNDER_REVIEW, false),
    REQUEST_CORRECTION("補正を依頼", EnumSet.of(CaseStatus.UNDER_REVIEW), CaseStatus.CORRECTION_REQUESTED, false),
    ANSWER_CORRECTION("補正に回答", EnumSet.of(CaseStatus.CORRECTION_REQUESTED), CaseStatus.UNDER_REVIEW, true),
    DECIDE("決定", EnumSet.of(CaseStatus.UNDER_REVIEW), CaseStatus.DECIDED, false),
    REJECT("却下", EnumSet.of(CaseStatus.UNDER_REVIEW), CaseStatus.REJECTED, false),
    COMPLETE("完了", EnumSet.of(CaseStatus.DECIDED, CaseStatus.REJECTED), CaseStatus.COMPLETED, false),
    WITHDRAW("取下げ", EnumSet.of(CaseStatus.RECEIVED, CaseStatus.UNDER_REVIEW, CaseStatus.CORRECTION_REQUESTED),
            CaseStatus.WITHDRAWN, true);

    private final String label;
    private final Set<CaseStatus> from;
    private final CaseStatus to;
    private final boolean byResident;

    CaseAction(String label, Set<CaseStatus> from, CaseStatus to, boolean byResident) {
        this.label = label;
        this.from = from;
        this.to = to;
        this.byResident = byResident;
    }

    public String label() {
        return label;
    }

    public CaseStatus to() {
        return to;
    }

    /** The resident may take this action (online); staff may take every action except answering a correction. */
    public boolean byResident() {
        return byResident;
    }

    public boolean allowedFrom(CaseStatus status) {
        return from.contains(status);
    }

    /**
     * The status after this action.
     *
     * @throws CaseException when the action is not allowed in {@code status}
     */
    public CaseStatus apply(CaseStatus status) {
        if (!allowedFrom(status)) {
            throw new CaseException("「" + status.label() + "」の案件には「" + label + "」はできません");
        }
        return to;
    }

    /** The actions staff can take on a case in {@code status}. */
    public static java.util.List<CaseAction> forStaff(CaseStatus status) {
        return java.util.Arrays.stream(values()).filter(a -> a != ANSWER_CORRECTION && a.allowedFrom(status)).toList();
    }
}
