package jp.madoguchi.certificate;

/** 省略可能な記載事項 — items of a 住民票 printed only when asked for and allowed. */
public enum OptionalItem {
    /** 世帯主の氏名及び続柄. */
    RELATIONSHIP("世帯主・続柄"),
    /** 本籍・筆頭者. */
    DOMICILE("本籍・筆頭者"),
    /** 住民票コード. */
    JUMINHYO_CODE("住民票コード"),
    /** 個人番号 (マイナンバー). */
    MY_NUMBER("個人番号");

    private final String label;

    OptionalItem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
