package jp.madoguchi.card;

/**
 * 性別 as the card's 券面事項入力補助AP records it: a code of ISO/IEC 5218 (JIS X 0303), as read by the public
 * implementations cited in docs/card.md.
 */
public enum CardSex {
    NOT_KNOWN("0", "不明"),
    MALE("1", "男"),
    FEMALE("2", "女"),
    NOT_APPLICABLE("9", "適用不能");

    private final String code;
    private final String label;

    CardSex(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** The Japanese label, as the register writes 男 and 女. */
    public String label() {
        return label;
    }

    /**
     * @return the sex for an ISO/IEC 5218 code
     * @throws IllegalArgumentException for any other value
     */
    public static CardSex ofCode(String code) {
        for (CardSex s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not an ISO/IEC 5218 code");
    }
}
