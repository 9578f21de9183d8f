package jp.madoguchi.kit;

import java.util.Objects;

/**
 * A municipality (市区町村), or a ward of a 政令指定都市 (行政区), with its 全国地方公共団体コード (総務省).
 *
 * <p>Names follow the 総務省 code list: wards of designated cities are written with their city and without a
 * space (「札幌市中央区」, kana 「さっぽろしちゅうおうく」); Tokyo's special wards are written alone (「千代田区」).
 *
 * @param code the six-digit 地方公共団体コード with its check digit (for example {@code "131016"})
 * @param prefectureCode the two-digit 都道府県コード (JIS X 0401), the first two digits of {@code code}
 * @param prefectureName the prefecture's name (for example 「東京都」)
 * @param name the name (for example 「千代田区」, 「札幌市中央区」)
 * @param kana the reading in hiragana
 * @param type the kind of local government, derived from the code and the name (see {@link Type})
 */
public record Municipality(String code, String prefectureCode, String prefectureName, String name, String kana,
        Type type) {

    /**
     * Validates the components (全国地方公共団体コード: six digits, the prefecture code as prefix, valid check digit).
     *
     * @throws KitFormatException if the code is malformed, its check digit is wrong or the prefecture code does
     *     not match
     */
    public Municipality {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(prefectureCode, "prefectureCode");
        Objects.requireNonNull(prefectureName, "prefectureName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kana, "kana");
        Objects.requireNonNull(type, "type");
        Municipalities.requireWellFormedCode(code);
        if (!code.startsWith(prefectureCode)) {
            throw new KitFormatException("団体コード " + code + " が都道府県コード " + prefectureCode + " で始まりません",
                    "code " + code + " does not start with prefecture code " + prefectureCode);
        }
    }

    /**
     * The prefecture's name followed by the municipality's (for example 「東京都府中市」), unique nationwide in the
     * 全国地方公共団体コード list.
     *
     * @return the full name
     */
    public String fullName() {
        return prefectureName + name;
    }

    /**
     * The kind of entry — a local government (地方自治法第1条の3: 市・町・村・特別区; 政令指定都市 under 第252条の19) or a
     * 行政区 (第252条の20, an administrative division with its own code but not a local government) — as far as it can be
     * derived reliably from the 全国地方公共団体コード and the name. The code's digits 3–5 are 100–199 for a 政令指定都市,
     * its wards and Tokyo's special wards, 200–299 for other cities, and 300 and above for towns and villages
     * (grouped by 郡); the name's last character tells 市・区・町・村 apart. Statuses that neither carries — 中核市,
     * 施行時特例市, the reading of 町 (ちょう/まち) or 村 (そん/むら) — are deliberately not derived.
     */
    public enum Type {
        /** 政令指定都市 (地方自治法第252条の19): code 1xx, name ending in 市. */
        DESIGNATED_CITY("政令指定都市"),
        /** 行政区, a ward of a 政令指定都市 (地方自治法第252条の20): code 1xx, name 「○○市○○区」. */
        WARD("行政区"),
        /** 特別区, Tokyo's 23 special wards (地方自治法第281条): code 131xx, name ending in 区. */
        SPECIAL_WARD("特別区"),
        /** 市 other than a 政令指定都市: code 2xx. */
        CITY("市"),
        /** 町: code 3xx and above, name ending in 町. */
        TOWN("町"),
        /** 村: code 3xx and above, name ending in 村. */
        VILLAGE("村");

        private final String japaneseName;

        Type(String japaneseName) {
            this.japaneseName = japaneseName;
        }

        /**
         * The Japanese term (地方自治法).
         *
         * @return for example 「政令指定都市」
         */
        public String japaneseName() {
            return japaneseName;
        }
    }
}
