package jp.madoguchi.kit;

/**
 * 宛名番号 — a resident's addressee number with its modulus-11 check digit (weights 2–7; rule and the remainder-1
 * decision in {@link CheckDigits}). 住民記録システム標準仕様書 uses it as the key of a person across the standardized
 * businesses.
 *
 * @param value 2–16 ASCII digits, the last being the check digit
 */
public record AtenaNumber(String value) {

    /**
     * @param value the digits including the check digit
     * @throws KitFormatException unless valid
     */
    public AtenaNumber {
        if (!CheckDigits.isValidModulus11(value)) {
            throw new KitFormatException("宛名番号は2〜16桁の数字で、末尾の検査数字（モジュラス11）が正しい必要があります（入力: \""
                    + value + "\"）", "An atena number is 2–16 digits ending in a correct modulus-11 check digit (got \""
                    + value + "\")");
        }
    }

    /**
     * Parses a number including its check digit.
     *
     * @param text the digits
     * @return the number
     * @throws KitFormatException unless valid
     */
    public static AtenaNumber parse(String text) {
        return new AtenaNumber(text);
    }

    /**
     * The number for a base, with its check digit appended.
     *
     * @param base 1–15 digits
     * @return the number
     * @throws KitFormatException if malformed or the base cannot carry a check digit
     */
    public static AtenaNumber of(String base) {
        return new AtenaNumber(CheckDigits.appendModulus11(base));
    }

    /** @return the digits without the check digit */
    public String base() {
        return value.substring(0, value.length() - 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
