package jp.madoguchi.application;

/** 案件の状態 — where a case stands. */
public enum CaseStatus {
    RECEIVED("受付"),
    UNDER_REVIEW("審査中"),
    CORRECTION_REQUESTED("補正依頼中"),
    DECIDED("決定"),
    REJECTED("却下"),
    COMPLETED("完了"),
    WITHDRAWN("取下げ");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still being worked on (counts towards the queue and its deadlines). */
    public boolean open() {
        return this == RECEIVED || this == UNDER_REVIEW || this == CORRECTION_REQUESTED;
    }
}
