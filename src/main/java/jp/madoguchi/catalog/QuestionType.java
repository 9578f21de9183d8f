package jp.madoguchi.catalog;

import jp.madoguchi.catalog.rules.ValueType;

/** The kinds of question a life event may ask; written in lower case in the files ({@code boolean}, {@code group}). */
public enum QuestionType implements Keyed {
    BOOLEAN(ValueType.BOOLEAN),
    DATE(ValueType.DATE),
    CHOICE(ValueType.TEXT),
    MULTI(ValueType.SET),
    NUMBER(ValueType.NUMBER),
    /** A repeatable group of fields (children, family members). */
    GROUP(ValueType.GROUP);

    private final ValueType valueType;

    QuestionType(ValueType valueType) {
        this.valueType = valueType;
    }

    public ValueType valueType() {
        return valueType;
    }

    public static QuestionType ofKey(String key) {
        return Keyed.byKey(QuestionType.class, key);
    }
}
