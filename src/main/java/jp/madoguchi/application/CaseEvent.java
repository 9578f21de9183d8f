package jp.madoguchi.application;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a case's history: a state change or a comment, who, when, through which channel, and the files that
 * came with it (a resident's answer to a correction request).
 */
public record CaseEvent(long id, long caseId, Instant at, String action, CaseStatus from, CaseStatus to,
        String actorKind, String actorName, String channel, String comment, boolean visibleToResident,
        List<AttachmentInfo> attachments) {

    public CaseEvent {
        attachments = List.copyOf(attachments);
    }

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
