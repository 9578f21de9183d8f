package jp.madoguchi.kit;

import java.util.Objects;

/**
 * A prefecture (都道府県) as listed in 全国地方公共団体コード (総務省) and JIS X 0401.
 *
 * @param code the two-digit prefecture code of JIS X 0401 (都道府県コード, {@code "01"} to {@code "47"}): the first
 *     two digits of every municipality code in the prefecture
 * @param localGovernmentCode the prefecture's own six-digit 地方公共団体コード with check digit (for example
 *     {@code "010006"} for 北海道, {@code "130001"} for 東京都)
 * @param name the name (for example 「東京都」)
 * @param kana the reading in hiragana (for example 「とうきょうと」)
 * @param englishName the name in English as in the source data (for example {@code "Tokyo"})
 */
public record Prefecture(String code, String localGovernmentCode, String name, String kana, String englishName) {

    /**
     * Validates the components (全国地方公共団体コード: {@code localGovernmentCode} is {@code code + "000"} and a
     * check digit).
     *
     * @throws KitFormatException if a code is malformed or inconsistent
     */
    public Prefecture {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(localGovernmentCode, "localGovernmentCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kana, "kana");
        Objects.requireNonNull(englishName, "englishName");
        if (!code.matches("0[1-9]|[1-3][0-9]|4[0-7]")) {
            throw new KitFormatException("都道府県コードは01～47の2桁が必要です: 「" + code + "」",
                    "a prefecture code is two digits 01 to 47: '" + code + "'");
        }
        if (!localGovernmentCode.startsWith(code + "000")
                || !CheckDigits.isValidMunicipalityCode(localGovernmentCode)) {
            throw new KitFormatException(
                    "都道府県の団体コードは「" + code + "000」と検査数字の6桁が必要です: 「" + localGovernmentCode + "」",
                    "the prefecture's local government code must be '" + code + "000' and a check digit: '"
                            + localGovernmentCode + "'");
        }
    }
}
