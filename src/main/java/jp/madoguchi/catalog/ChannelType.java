package jp.madoguchi.catalog;

/** Where a procedure can be done. Order of the constants is the order of preference: online first. */
public enum ChannelType implements Keyed {
    ONLINE("online", "オンライン"),
    KIOSK("kiosk", "セルフ端末・コンビニ"),
    POST("post", "郵送"),
    COUNTER("counter", "窓口");

    private final String key;
    private final String label;

    ChannelType(String key, String label) {
        this.key = key;
        this.label = label;
    }

    @Override
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static ChannelType ofKey(String key) {
        return Keyed.byKey(ChannelType.class, key);
    }
}
