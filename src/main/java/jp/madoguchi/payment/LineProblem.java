package jp.madoguchi.payment;

/**
 * A problem in an imported file: the line (1-based; 0 for the file as a whole) and the reason in Japanese.
 *
 * @param line the line number, or 0 for the file as a whole
 * @param reason what is wrong and where (field, expected value)
 */
public record LineProblem(int line, String reason) {

    /** "12行目: 金額「12a」が数字ではありません" or the reason alone for the whole file. */
    public String message() {
        return line == 0 ? "ファイル全体: " + reason : line + "行目: " + reason;
    }
}
