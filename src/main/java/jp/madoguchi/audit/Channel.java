package jp.madoguchi.audit;

/** The channel (チャネル) through which something happened. */
public enum Channel {
    /** 庁内の職員画面 — the office screens. */
    OFFICE("職員画面"),
    /** オンライン — the resident portal. */
    ONLINE("オンライン"),
    /** 窓口 — at the counter, with staff. */
    COUNTER("窓口"),
    /** キオスク端末 — a self-service kiosk. */
    KIOSK("キオスク"),
    /** 郵送 — by post. */
    POST("郵送"),
    /** 外部システムからの API 呼出し — the HTTP API. */
    API("API"),
    /** システム処理 — a batch or background job. */
    SYSTEM("システム");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    /** The Japanese name shown on screens. */
    public String label() {
        return label;
    }

}
