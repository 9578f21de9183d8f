package jp.madoguchi.catalog;

/**
 * Where a procedure can be done; written {@code online}, {@code kiosk}, {@code post}, {@code counter} in the files.
 * The order of the constants is the order of preference: online first.
 */
public enum ChannelType implements Keyed {
    ONLINE("オンライン"),
    KIOSK("セルフ端末・コンビニ"),
    POST("郵送"),
    COUNTER("窓口");

    private final String label;

    ChannelType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ChannelType ofKey(String key) {
        return Keyed.byKey(ChannelType.class, key);
    }
}
