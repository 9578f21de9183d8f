package jp.madoguchi.nursery.internal;

/**
 * 取込の誤り — one problem of an imported CSV file: the line (1 = the header; 0 = the file as a whole), the column when
 * one is at fault, and the reason in Japanese.
 *
 * @param row the line number in the file, or 0
 * @param column the column's heading (「生年月日」), or null
 * @param message what is wrong
 */
public record ImportProblem(int row, String column, String message) {

    /** 「12行目「生年月日」: …」, 「12行目: …」 or 「ファイル全体: …」. */
    public String text() {
        String where = row == 0 ? "ファイル全体" : row + "行目" + (column == null ? "" : "「" + column + "」");
        return where + ": " + message;
    }

    @Override
    public String toString() {
        return text();
    }
}
