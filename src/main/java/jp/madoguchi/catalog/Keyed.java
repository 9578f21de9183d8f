package jp.madoguchi.catalog;

/** An enum of the catalog whose constants the files write as a key ("self", "online", "date"). */
interface Keyed {

    String key();

    /** The constant of {@code type} written as {@code key}; {@link IllegalArgumentException} when there is none. */
    static <E extends Enum<E> & Keyed> E byKey(Class<E> type, String key) {
        for (E constant : type.getEnumConstants()) {
            if (constant.key().equals(key)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(key);
    }
}
