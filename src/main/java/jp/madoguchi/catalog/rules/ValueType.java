package jp.madoguchi.catalog.rules;

/** The type of a value in the rule language. */
public enum ValueType {
    BOOLEAN("真偽値（はい/いいえ）"),
    NUMBER("数値"),
    DATE("日付"),
    TEXT("選択肢・文字列"),
    /** The answer to a {@code multi} question: the chosen option values. */
    SET("複数選択"),
    /** The answer to a {@code group} question: its items. */
    GROUP("繰り返し項目"),
    /** A list literal {@code ['a', 'b']}, only on the right of {@code in}. */
    LIST("リスト");

    private final String label;

    ValueType(String label) {
        this.label = label;
    }

    /** The type's name in error messages. */
    public String label() {
        return label;
    }
}
