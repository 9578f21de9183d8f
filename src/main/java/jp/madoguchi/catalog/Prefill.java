package jp.madoguchi.catalog;

/**
 * What the identity provider (or the My Number Card) already told us and a field may be filled with — 基本4情報 plus
 * the e-mail address (once-only: the resident does not type it again).
 */
public enum Prefill implements Keyed {
    NAME, KANA, BIRTHDATE, SEX, ADDRESS, EMAIL;

    public static Prefill ofKey(String key) {
        return Keyed.byKey(Prefill.class, key);
    }
}
