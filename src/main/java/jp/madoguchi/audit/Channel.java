package jp.madoguchi.audit;

/** The channel (チャネル) through which something happened. */
public enum Channel {
    /** 庁内の職員画面 — the office screens. */
    OFFICE,
    /** オンライン — the resident portal. */
    ONLINE,
    /** 窓口 — at the counter, with staff. */
    COUNTER,
    /** キオスク端末 — a self-service kiosk. */
    KIOSK,
    /** 郵送 — by post. */
    POST,
    /** 外部システムからの API 呼出し — the HTTP API. */
    API,
    /** システム処理 — a batch or background job. */
    SYSTEM;

}
