package jp.madoguchi.kit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The 44-digit convenience-store payment barcode (コンビニ収納用バーコード) of a payment slip: a GS1-128 symbol
 * carrying application identifier (91) with the data fixed by GS1 Japan's 標準料金代理収納ガイドライン.
 *
 * <pre>
 *  digits  field                       component
 *   1– 2   AI 「91」                    (constant)
 *   3– 8   企業コード (収納企業コード)      companyCode, 6 digits
 *   9–29   自由使用欄                    freeField, 21 digits (the 収納企業's own reference: 納付番号 etc.)
 *  30      再発行区分                    reissueFlag, one digit 0–9
 *  31–36   支払期限 YYMMDD               paymentDeadline; 999999 = none
 *  37      印紙フラグ                    stampFlag, 0 or 1
 *  38–43   金額 (円)                    amount, 0–999,999
 *  44      チェックデジット                modulus 10, weights 3,1,3,1… from the rightmost data digit
 * </pre>
 *
 * <p>The 支払期限 has a two-digit year which is always read as 20YY (2000–2099; the barcode has no century digit,
 * and a 99MMDD date is 2099, not "none": only {@code 999999} means no deadline). Values are validated on
 * construction; {@link #parse(String)} rejects malformed input with a message in Japanese and English naming the
 * field and what was expected, and never corrects anything.
 *
 * @param companyCode 企業コード, six ASCII digits (assigned through the collection agent / GS1 Japan)
 * @param freeField 自由使用欄, 21 ASCII digits
 * @param reissueFlag 再発行区分, 0–9 (its meaning is fixed by the 収納企業; commonly 0 for the first issue)
 * @param paymentDeadline 支払期限, empty for none; a date in 2000–2099
 * @param stampFlag 印紙フラグ, 0 or 1 (whether a 収入印紙 is needed on the receipt, as agreed with the agent)
 * @param amount 金額 in yen, 0–999,999
 */
public record ConvenienceStoreBarcode(String companyCode, String freeField, int reissueFlag,
        Optional<LocalDate> paymentDeadline, int stampFlag, int amount) {

    /** The GS1 application identifier of the data, 「91」 (GS1 General Specifications: company internal information). */
    public static final String APPLICATION_IDENTIFIER = "91";

    /** The number of digits, 44 (標準料金代理収納ガイドライン). */
    public static final int LENGTH = 44;

    /** The largest amount that fits the six-digit 金額 field, 999,999 yen. */
    public static final int MAX_AMOUNT = 999_999;

    private static final String NO_DEADLINE = "999999";

    /**
     * Validates the fields (標準料金代理収納ガイドライン layout).
     *
     * @throws KitFormatException naming the field and what was expected
     */
    public ConvenienceStoreBarcode {
        Objects.requireNonNull(companyCode, "companyCode");
        Objects.requireNonNull(freeField, "freeField");
        Objects.requireNonNull(paymentDeadline, "paymentDeadline");
        requireDigits(companyCode, 6, "企業コード", "company code");
        requireDigits(freeField, 21, "自由使用欄", "free field");
        if (reissueFlag < 0 || reissueFlag > 9) {
            throw new KitFormatException("再発行区分は0～9の1桁が必要です（指定値: " + reissueFlag + "）",
                    "the reissue flag must be one digit 0 to 9 (was " + reissueFlag + ")");
        }
        paymentDeadline.ifPresent(d -> {
            if (d.getYear() < 2000 || d.getYear() > 2099) {
                throw new KitFormatException("支払期限は2000～2099年の日付が必要です（YYMMDDで表すため）: " + d,
                        "the payment deadline must be in 2000 to 2099 (it is written YYMMDD): " + d);
            }
        });
        if (stampFlag != 0 && stampFlag != 1) {
            throw new KitFormatException("印紙フラグは0または1が必要です（指定値: " + stampFlag + "）",
                    "the stamp flag must be 0 or 1 (was " + stampFlag + ")");
        }
        if (amount < 0 || amount > MAX_AMOUNT) {
            throw new KitFormatException("金額は0～999,999円が必要です（指定値: " + amount + "）",
                    "the amount must be 0 to 999,999 yen (was " + amount + ")");
        }
    }

    /**
     * The 44 digits of the barcode (標準料金代理収納ガイドライン), check digit included, without the GS1 FNC1 (which
     * the symbol carries, see {@link BarcodeImages}).
     *
     * @return 44 ASCII digits starting with 「91」
     */
    public String digits() {
        StringBuilder sb = new StringBuilder(LENGTH);
        sb.append(APPLICATION_IDENTIFIER).append(companyCode).append(freeField).append(reissueFlag);
        sb.append(paymentDeadline.map(d -> String.format(Locale.ROOT, "%02d%02d%02d", d.getYear() % 100, d.getMonthValue(),
                d.getDayOfMonth())).orElse(NO_DEADLINE));
        sb.append(stampFlag).append(String.format(Locale.ROOT, "%06d", amount));
        sb.append(modulus10Weight3(sb));
        return sb.toString();
    }

    /**
     * Parses and validates 44 digits read from a slip (標準料金代理収納ガイドライン, GS1-128 AI 91).
     *
     * @param digits exactly 44 ASCII digits: no spaces, parentheses, symbology identifier or full-width digits
     * @return the barcode's fields
     * @throws KitFormatException naming the field and what was expected: length, a non-digit, the AI, the check
     *     digit, the 支払期限 (a date YYMMDD or 999999) or the 印紙フラグ (0 or 1)
     */
    public static ConvenienceStoreBarcode parse(String digits) {
        Objects.requireNonNull(digits, "digits");
        if (digits.length() != LENGTH) {
            throw new KitFormatException("バーコードは44桁が必要です（" + digits.length() + "桁でした）",
                    "a convenience-store barcode has 44 digits (got " + digits.length() + ")");
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new KitFormatException((i + 1) + "桁目が半角数字ではありません（「" + c + "」）",
                        "character " + (i + 1) + " is not an ASCII digit ('" + c + "')");
            }
        }
        if (!digits.startsWith(APPLICATION_IDENTIFIER)) {
            throw new KitFormatException("1～2桁目（AI）は「91」が必要です（「" + digits.substring(0, 2) + "」でした）",
                    "digits 1-2 (application identifier) must be '91' (got '" + digits.substring(0, 2) + "')");
        }
        int expected = modulus10Weight3(digits.subSequence(0, LENGTH - 1));
        int actual = digits.charAt(LENGTH - 1) - '0';
        if (expected != actual) {
            throw new KitFormatException("44桁目（チェックデジット）が一致しません（計算値 " + expected + "、読取値 " + actual + "）",
                    "digit 44 (check digit) does not match (computed " + expected + ", read " + actual + ")");
        }
        String deadline = digits.substring(30, 36);
        Optional<LocalDate> paymentDeadline;
        if (deadline.equals(NO_DEADLINE)) {
            paymentDeadline = Optional.empty();
        } else {
            try {
                paymentDeadline = Optional.of(LocalDate.of(2000 + Integer.parseInt(deadline.substring(0, 2)),
                        Integer.parseInt(deadline.substring(2, 4)), Integer.parseInt(deadline.substring(4, 6))));
            } catch (DateTimeException e) {
                throw new KitFormatException(
                        "31～36桁目（支払期限）「" + deadline + "」は存在しない日付です（YYMMDD、期限なしは999999）",
                        "digits 31-36 (payment deadline) '" + deadline
                                + "' is not a date (expected YYMMDD, or 999999 for none)");
            }
        }
        int stamp = digits.charAt(36) - '0';
        if (stamp > 1) {
            throw new KitFormatException("37桁目（印紙フラグ）は0または1が必要です（「" + stamp + "」でした）",
                    "digit 37 (stamp flag) must be 0 or 1 (got '" + stamp + "')");
        }
        return new ConvenienceStoreBarcode(digits.substring(2, 8), digits.substring(8, 29), digits.charAt(29) - '0',
                paymentDeadline, stamp, Integer.parseInt(digits.substring(37, 43)));
    }

    /**
     * The check digit of the first 43 digits: modulus 10, weights 3,1,3,1… from the rightmost digit, CD =
     * (10 − Σ mod 10) mod 10 (標準料金代理収納ガイドライン; the same rule as GS1 GTIN check digits).
     *
     * @param first43 the first 43 digits
     * @return the check digit 0–9
     * @throws KitFormatException if the argument is not 43 ASCII digits
     */
    public static int checkDigit(String first43) {
        Objects.requireNonNull(first43, "first43");
        if (first43.length() != LENGTH - 1 || !first43.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new KitFormatException("チェックデジットの計算には半角数字43桁が必要です（" + first43.length() + "文字でした）",
                    "the check digit needs 43 ASCII digits (got " + first43.length() + " characters)");
        }
        return modulus10Weight3(first43);
    }

    /** GS1 modulus 10: weight 3 on the rightmost digit, then 1, 3, 1 … to the left. Digits are not checked. */
    static int modulus10Weight3(CharSequence digits) {
        int sum = 0;
        boolean three = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            sum += three ? 3 * d : d;
            three = !three;
        }
        return (10 - sum % 10) % 10;
    }

    private static void requireDigits(String value, int length, String ja, String en) {
        if (value.length() != length || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new KitFormatException(ja + "は半角数字" + length + "桁が必要です: 「" + value + "」",
                    "the " + en + " must be " + length + " ASCII digits: '" + value + "'");
        }
    }
}
