package jp.madoguchi.catalog.rules;

/** An expression that does not parse or does not type-check; {@code position} is 1-based within the expression. */
public class ExpressionException extends RuntimeException {

    private final int position;

    public ExpressionException(int position, String message) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }

    /** 「式の5文字目: …」. */
    public String describe(String source) {
        return "式「" + source + "」の" + position + "文字目: " + getMessage();
    }
}
