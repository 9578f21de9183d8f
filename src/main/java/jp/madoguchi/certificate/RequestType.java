package jp.madoguchi.certificate;

/** 請求者の種別 — who asks, which decides what may be issued and under which article. */
public enum RequestType {
    /** 本人 — the person. */
    SELF("本人"),
    /** 同一世帯の者 — a member of the same household. */
    SAME_HOUSEHOLD("同一世帯の者"),
    /** 代理人 — an agent with a 委任状 from the person. */
    PROXY("代理人（委任状）"),
    /** 国又は地方公共団体の機関 — a public body (住民基本台帳法第12条の2). */
    PUBLIC_AGENCY("国・地方公共団体の機関"),
    /** 第三者 — another person with a legitimate purpose (住民基本台帳法第12条の3第1項). */
    THIRD_PARTY("第三者（本人等以外）"),
    /** 職務上請求 — a 特定事務受任者 (弁護士, 司法書士, 行政書士 …) with their registration number (第12条の3第2項). */
    OFFICIAL_DUTY("職務上請求（特定事務受任者）");

    private final String label;

    RequestType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 本人等 — the person, the household, or their agent (住民基本台帳法第12条第1項). */
    public boolean personOrFamily() {
        return this == SELF || this == SAME_HOUSEHOLD || this == PROXY;
    }

    /** Whether a registrant of 本人通知制度 is told of the issuance (第三者請求・職務上請求). */
    public boolean triggersPersonalNotification() {
        return this == THIRD_PARTY || this == OFFICIAL_DUTY;
    }
}
