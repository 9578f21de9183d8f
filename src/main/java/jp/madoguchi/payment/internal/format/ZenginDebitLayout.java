package jp.madoguchi.payment.internal.format;

import jp.madoguchi.kit.TextEncodings;
import java.util.Arrays;
import java.util.Map;
import jp.madoguchi.kit.CharacterWidth;

/**
 * 全銀協規定形式 預金口座振替 (種別コード 91) — the 120-byte records of the direct-debit request and result files, one
 * definition for the writer and the reader. N fields are digits, right-aligned and padded with 0; C fields are
 * single-byte characters (upper-case letters, digits, half-width kana, space, a few symbols), left-aligned and padded
 * with spaces. Text is JIS X 0201 in CP932 single-byte form. Records are followed by CR LF (banks also accept
 * records without line breaks; the reader takes both).
 *
 * <pre>
 * ヘッダー (1)  データ区分 1 N「1」, 種別コード 2 N「91」, コード区分 1 N「0」(JIS), 委託者コード 10 N, 委託者名 40 C,
 *               引落日 4 N (MMDD), 取引銀行番号 4 N, 取引銀行名 15 C, 取引支店番号 3 N, 取引支店名 15 C,
 *               預金種目 1 N, 口座番号 7 N, ダミー 17 C
 * データ (2)    データ区分 1 N「2」, 引落銀行番号 4 N, 引落銀行名 15 C, 引落支店番号 3 N, 引落支店名 15 C,
 *               ダミー 4 C, 預金種目 1 N, 口座番号 7 N, 預金者名 30 C, 引落金額 10 N, 新規コード 1 N,
 *               顧客番号 20 N, 振替結果コード 1 N, ダミー 8 C
 * トレーラー (8) データ区分 1 N「8」, 合計件数 6 N, 合計金額 12 N, 振替済件数 6 N, 振替済金額 12 N,
 *               振替不能件数 6 N, 振替不能金額 12 N, ダミー 65 C
 * エンド (9)    データ区分 1 N「9」, ダミー 119 C
 * </pre>
 */
public final class ZenginDebitLayout {

    public static final int RECORD_LENGTH = 120;
    public static final String TYPE_CODE = "91";

    /** A field: name, 1-based start column, length, numeric. */
    public record Field(String name, int start, int length, boolean numeric) {
        int end() {
            return start - 1 + length;
        }
    }

    // header
    public static final Field H_TYPE_CODE = new Field("種別コード", 2, 2, true);
    public static final Field H_CODE_SET = new Field("コード区分", 4, 1, true);
    public static final Field H_CONSIGNOR_CODE = new Field("委託者コード", 5, 10, true);
    public static final Field H_CONSIGNOR_NAME = new Field("委託者名", 15, 40, false);
    public static final Field H_DEBIT_DATE = new Field("引落日", 55, 4, true);
    public static final Field H_BANK_CODE = new Field("取引銀行番号", 59, 4, true);
    public static final Field H_BANK_NAME = new Field("取引銀行名", 63, 15, false);
    public static final Field H_BRANCH_CODE = new Field("取引支店番号", 78, 3, true);
    public static final Field H_BRANCH_NAME = new Field("取引支店名", 81, 15, false);
    public static final Field H_ACCOUNT_TYPE = new Field("預金種目（委託者）", 96, 1, true);
    public static final Field H_ACCOUNT_NUMBER = new Field("口座番号（委託者）", 97, 7, true);
    public static final Field H_DUMMY = new Field("ダミー", 104, 17, false);
    // data
    public static final Field D_BANK_CODE = new Field("引落銀行番号", 2, 4, true);
    public static final Field D_BANK_NAME = new Field("引落銀行名", 6, 15, false);
    public static final Field D_BRANCH_CODE = new Field("引落支店番号", 21, 3, true);
    public static final Field D_BRANCH_NAME = new Field("引落支店名", 24, 15, false);
    public static final Field D_DUMMY1 = new Field("ダミー", 39, 4, false);
    public static final Field D_ACCOUNT_TYPE = new Field("預金種目", 43, 1, true);
    public static final Field D_ACCOUNT_NUMBER = new Field("口座番号", 44, 7, true);
    public static final Field D_HOLDER = new Field("預金者名", 51, 30, false);
    public static final Field D_AMOUNT = new Field("引落金額", 81, 10, true);
    public static final Field D_NEW_CODE = new Field("新規コード", 91, 1, true);
    public static final Field D_CUSTOMER_NUMBER = new Field("顧客番号", 92, 20, true);
    public static final Field D_RESULT_CODE = new Field("振替結果コード", 112, 1, true);
    public static final Field D_DUMMY2 = new Field("ダミー", 113, 8, false);
    // trailer
    public static final Field T_TOTAL_COUNT = new Field("合計件数", 2, 6, true);
    public static final Field T_TOTAL_AMOUNT = new Field("合計金額", 8, 12, true);
    public static final Field T_DEBITED_COUNT = new Field("振替済件数", 20, 6, true);
    public static final Field T_DEBITED_AMOUNT = new Field("振替済金額", 26, 12, true);
    public static final Field T_FAILED_COUNT = new Field("振替不能件数", 38, 6, true);
    public static final Field T_FAILED_AMOUNT = new Field("振替不能金額", 44, 12, true);
    public static final Field T_DUMMY = new Field("ダミー", 56, 65, false);

    /** 振替結果コード and their meaning (全銀協). */
    public static final Map<String, String> RESULT_CODES = Map.of(
            "0", "振替済",
            "1", "資金不足",
            "2", "取引なし",
            "3", "預金者都合による振替停止",
            "4", "預金口座振替依頼書なし",
            "8", "委託者都合による振替停止",
            "9", "その他");

    private ZenginDebitLayout() {
    }

    /** A new record of spaces with its データ区分. */
    public static byte[] record(char dataType) {
        byte[] r = new byte[RECORD_LENGTH];
        Arrays.fill(r, (byte) ' ');
        r[0] = (byte) dataType;
        return r;
    }

    /** Writes a number, right-aligned with leading zeros. */
    public static void put(byte[] record, Field field, long value) {
        String digits = Long.toString(value);
        if (!field.numeric() || value < 0 || digits.length() > field.length()) {
            throw new IllegalArgumentException(field.name() + "に" + value + "は入りません（" + field.length() + "桁）");
        }
        put(record, field, "0".repeat(field.length() - digits.length()) + digits);
    }

    /**
     * Writes text: for N fields the digits (exact length), for C fields converted to half width (kit CharacterWidth),
     * left-aligned and padded with spaces.
     *
     * @throws IllegalArgumentException (Japanese) when it does not fit or has a character outside the single-byte set
     */
    public static void put(byte[] record, Field field, String value) {
        String text = field.numeric() ? value : CharacterWidth.toHalfWidth(value).toUpperCase(java.util.Locale.ROOT);
        if (field.numeric() && (text.length() != field.length() || !text.chars().allMatch(c -> c >= '0' && c <= '9'))) {
            throw new IllegalArgumentException(field.name() + "は半角数字" + field.length() + "桁が必要です: " + value);
        }
        byte[] bytes = text.getBytes(TextEncodings.CP932);
        if (bytes.length != text.length() || !isSingleByteText(bytes, 0, bytes.length)
                || !new String(bytes, TextEncodings.CP932).equals(text)) {
            throw new IllegalArgumentException(field.name() + "「" + value + "」に半角カナ・英数字にできない文字があります");
        }
        if (bytes.length > field.length()) {
            throw new IllegalArgumentException(field.name() + "「" + value + "」が長すぎます（" + field.length() + "桁まで）");
        }
        System.arraycopy(bytes, 0, record, field.start() - 1, bytes.length);
    }

    /** The field's text (CP932 single-byte), trailing spaces removed for C fields. */
    public static String get(byte[] file, int recordStart, Field field) {
        String s = new String(file, recordStart + field.start() - 1, field.length(), TextEncodings.CP932);
        return field.numeric() ? s : s.stripTrailing();
    }

    /** Whether every byte is printable ASCII or a half-width katakana (0xA1–0xDF) — JIS X 0201. */
    public static boolean isSingleByteText(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (!((b >= 0x20 && b <= 0x7E) || (b >= 0xA1 && b <= 0xDF))) {
                return false;
            }
        }
        return true;
    }

    /** The 1-based column of the first byte that is not JIS X 0201 single-byte text, or 0. */
    public static int firstBadColumn(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSingleByteText(bytes, i, i + 1)) {
                return i - from + 1;
            }
        }
        return 0;
    }
}
