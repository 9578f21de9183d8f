package jp.madoguchi.application;

import java.time.Instant;

/** One entry of a case's history: a state change or a comment, who, when, through which channel. */
public record CaseEvent(long id, long caseId, Instant at, String action, CaseStatus from, CaseStatus to,
        String actorKind, String actorName, String channel, String comment, boolean visibleToResident) {

    public String actionLabel() {
        try {
            return CaseAction.valueOf(action).label();
        } catch (IllegalArgumentException e) {
            return switch (action) {
                case "SUBMITTED" -> "申請を受付";
                case "COMMENT" -> "コメント";
                case "ASSIGN" -> "担当者を設定";
                default -> action;
            };
        }
    }
}
