package jp.madoguchi.catalog;

import jp.madoguchi.catalog.rules.ValueType;

/** The kinds of question a life event may ask. */
public enum QuestionType implements Keyed {
    BOOLEAN("boolean", ValueType.BOOLEAN),
    DATE("date", ValueType.DATE),
    CHOICE("choice", ValueType.TEXT),
    MULTI("multi", ValueType.SET),
    NUMBER("number", ValueType.NUMBER),
    /** A repeatable group of fields (children, family members). */
    GROUP("group", ValueType.GROUP);

    private final String key;
    private final ValueType valueType;

    QuestionType(String key, ValueType valueType) {
        this.key = key;
        this.valueType = valueType;
    }

    @Override
    public String key() {
        return key;
    }

    public ValueType valueType() {
        return valueType;
    }

    public static QuestionType ofKey(String key) {
        return Keyed.byKey(QuestionType.class, key);
    }
}
