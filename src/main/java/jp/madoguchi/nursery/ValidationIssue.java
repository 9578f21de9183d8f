package jp.madoguchi.nursery;

/**
 * 入力の誤り — one problem in an instance, in Japanese: where (「児童 C0012 の第2希望」, 「3行目」) and what.
 *
 * @param where the place
 * @param message what is wrong
 */
public record ValidationIssue(String where, String message) {
    @Override
    public String toString() {
        return where + ": " + message;
    }
}
