package jp.madoguchi.kit;

/**
 * 個人番号 (マイナンバー) — a 12-digit individual number with a valid check digit.
 *
 * <p>番号法 (行政手続における特定の個人を識別するための番号の利用等に関する法律) restricts its collection and use; the
 * number must be shown masked and never logged. So {@link #toString()} reveals <em>no</em> digit, {@link #masked()} shows
 * only the last 4 digits (「********9012」, the usual counter practice), and error messages never contain the input.
 * Reading the number itself requires the explicit {@link #digits()} accessor (for encrypted storage or 情報提供ネットワーク
 * use permitted by law). The check digit follows 番号法施行令第8条 (see {@link CheckDigits}).
 *
 * @param digits the 12 ASCII digits
 */
public record MyNumber(String digits) {

    /**
     * @param digits the 12 digits
     * @throws KitFormatException unless 12 ASCII digits with a correct check digit (the message omits the input)
     */
    public MyNumber {
        if (!CheckDigits.isValidMyNumber(digits)) {
            throw new KitFormatException("個人番号は12桁の数字で、末尾の検査数字が正しい必要があります",
                    "A My Number is 12 digits ending in a correct check digit");
        }
    }

    /**
     * Parses a 12-digit number.
     *
     * @param text the digits
     * @return the number
     * @throws KitFormatException unless valid (the message omits the input)
     */
    public static MyNumber parse(String text) {
        return new MyNumber(text);
    }

    /** @return the number with all but the last 4 digits masked: 「********9012」 */
    public String masked() {
        return "********" + digits.substring(8);
    }

    /** @return {@code MyNumber[************]}: never any digit */
    @Override
    public String toString() {
        return "MyNumber[************]";
    }
}
