package jp.madoguchi.catalog;

import java.util.Locale;

/**
 * An enum of the catalog whose constants the files write as their lower-case name: {@code self}, {@code online},
 * {@code date}.
 */
public interface Keyed {

    /** The key used in catalog files and the API: the constant's name in lower case. */
    default String key() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

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
