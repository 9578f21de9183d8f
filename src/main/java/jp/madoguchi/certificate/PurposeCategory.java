package jp.madoguchi.certificate;

/**
 * 第三者請求の利用目的 — the legitimate purposes of 住民基本台帳法第12条の3第1項 (a third party must state one).
 */
public enum PurposeCategory {
    /** 自己の権利を行使し、又は自己の義務を履行するために必要 (e.g. 債権回収, 相続手続). */
    OWN_RIGHTS_OR_DUTIES("自己の権利行使・義務履行のため（第12条の3第1項第1号）"),
    /** 国又は地方公共団体の機関に提出する必要. */
    SUBMISSION_TO_AUTHORITY("国・地方公共団体の機関への提出のため（同第2号）"),
    /** その他住民票の記載事項を利用する正当な理由. */
    OTHER_LEGITIMATE_REASON("その他正当な理由（同第3号）");

    private final String label;

    PurposeCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
