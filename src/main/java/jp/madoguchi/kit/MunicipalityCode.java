package jp.madoguchi.kit;

/**
 * 地方公共団体コード — a 6-digit local government code with its check digit (総務省「全国地方公共団体コード」; the check
 * digit rule is in {@link CheckDigits}).
 *
 * <p>Only 6 ASCII digits with a correct check digit are accepted: no full-width digits, spaces, or 5-digit codes (use
 * {@link #ofFiveDigits(String)} for those, deliberately). Whether the code is currently assigned to a municipality is
 * not checked here.
 *
 * @param value the six digits, e.g. {@code 131016} (千代田区)
 */
public record MunicipalityCode(String value) {

    /**
     * @param value the six digits
     * @throws KitFormatException unless 6 ASCII digits with a correct check digit
     */
    public MunicipalityCode {
        if (!CheckDigits.isValidMunicipalityCode(value)) {
            throw new KitFormatException(
                    "地方公共団体コードは6桁の数字で、末尾の検査数字が正しい必要があります（入力: \"" + value + "\"）",
                    "A local government code is 6 digits ending in a correct check digit (got \"" + value + "\")");
        }
    }

    /**
     * Parses a 6-digit code.
     *
     * @param text the six digits
     * @return the code
     * @throws KitFormatException unless 6 ASCII digits with a correct check digit
     */
    public static MunicipalityCode parse(String text) {
        return new MunicipalityCode(text);
    }

    /**
     * The code from its 5 digits without check digit (as some datasets carry it): 13101 → 131016.
     *
     * @param five the 5 digits
     * @return the code
     * @throws KitFormatException unless 5 ASCII digits
     */
    public static MunicipalityCode ofFiveDigits(String five) {
        return new MunicipalityCode(five + CheckDigits.municipalityCodeCheckDigit(five));
    }

    /** @return the 2-digit prefecture code (都道府県コード, JIS X 0401), e.g. "13" */
    public String prefectureCode() {
        return value.substring(0, 2);
    }

    /** @return the 5 digits without check digit */
    public String withoutCheckDigit() {
        return value.substring(0, 5);
    }

    @Override
    public String toString() {
        return value;
    }
}
