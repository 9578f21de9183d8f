package jp.madoguchi.kit;

/**
 * JIS漢字コードの規格 — the coded character sets against which {@link JisCharacters} checks text.
 */
public enum JisStandard {
    /** JIS X 0208:1997 (7ビット及び8ビットの2バイト情報交換用符号化漢字集合; 第1・第2水準, incl. 凜 熙 of 1990). */
    JIS_X_0208("JIS X 0208"),
    /** JIS X 0213:2004 (7ビット及び8ビットの2バイト情報交換用符号化拡張漢字集合; 第1–第4水準, planes 1 and 2). */
    JIS_X_0213("JIS X 0213");

    private final String title;

    JisStandard(String title) {
        this.title = title;
    }

    /** @return the standard's number, e.g. "JIS X 0208" */
    public String title() {
        return title;
    }
}
