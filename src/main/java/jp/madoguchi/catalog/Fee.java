package jp.madoguchi.catalog;

/** 手数料 in yen, with a note such as 「1通につき」. */
public record Fee(int yen, String note) {

    public static final Fee FREE = new Fee(0, null);

    /** 「無料」, 「300円（1通につき）」. */
    public String describe() {
        String amount = yen == 0 ? "無料" : String.format("%,d円", yen);
        return note == null || note.isBlank() ? amount : amount + "（" + note + "）";
    }
}
