package jp.madoguchi.catalog;

import jp.madoguchi.catalog.rules.ValueType;

/**
 * The kinds of field an application form may have; written in lower case in the files ({@code kana},
 * {@code attachment}). Each has the rule-language type its value takes in {@code when} and {@code checks}.
 */
public enum FieldType implements Keyed {
    /** One line of text. */
    TEXT(ValueType.TEXT),
    /** Several lines of text. */
    LONGTEXT(ValueType.TEXT),
    /** カナ (full-width katakana; hiragana and half-width kana are converted). */
    KANA(ValueType.TEXT),
    /** A date typed as 和暦 or 西暦. */
    DATE(ValueType.DATE),
    CHOICE(ValueType.TEXT),
    MULTI(ValueType.SET),
    /** A yes/no tick. */
    BOOLEAN(ValueType.BOOLEAN),
    /** A whole number. */
    NUMBER(ValueType.NUMBER),
    /** An amount in yen (a whole number, commas allowed). */
    MONEY(ValueType.NUMBER),
    /** 郵便番号 (7 digits). */
    POSTCODE(ValueType.TEXT),
    /** 住所. */
    ADDRESS(ValueType.TEXT),
    /** 電話番号. */
    PHONE(ValueType.TEXT),
    EMAIL(ValueType.TEXT),
    /** An uploaded file (PDF, PNG or JPEG, checked by content); its value is the attachment's id. */
    ATTACHMENT(ValueType.TEXT),
    /** A repeatable group of fields (children, household members). */
    GROUP(ValueType.GROUP);

    private final ValueType valueType;

    FieldType(ValueType valueType) {
        this.valueType = valueType;
    }

    public ValueType valueType() {
        return valueType;
    }

    public static FieldType ofKey(String key) {
        return Keyed.byKey(FieldType.class, key);
    }
}
