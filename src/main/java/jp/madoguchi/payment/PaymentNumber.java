package jp.madoguchi.payment;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import jp.madoguchi.kit.CheckDigits;
import jp.madoguchi.kit.ConvenienceStoreBarcode;

/**
 * 納付番号 — the number that identifies one installment on every channel: 16 digits, a 15-digit serial issued per
 * municipality and its modulus-11 check digit (the kit's {@link CheckDigits#appendModulus11(String) 宛名番号 rule};
 * serials whose remainder is 1 are skipped, so every single-digit error and adjacent swap is caught).
 *
 * <p>Where it is carried (see docs/payments.md):
 * <ul>
 *   <li>convenience-store barcode 自由使用欄 (21 digits) = 科目番号 (2) + 納付番号 (16) + 予備 {@code 000} (3);</li>
 *   <li>Pay-easy 納付番号 = the 16 digits; 納付区分 = {@code 0} + 科目番号;</li>
 *   <li>全銀 口座振替 顧客番号 (20 digits) = {@code 0000} + the 16 digits;</li>
 *   <li>generic agent CSV: the column mapped to 納付番号.</li>
 * </ul>
 *
 * @param digits the 16 digits
 */
public record PaymentNumber(String digits) {

    /** The length, 16 (Pay-easy 納付番号 allows 16–20). */
    public static final int LENGTH = 16;

    public PaymentNumber {
        Objects.requireNonNull(digits, "digits");
        if (!isValid(digits)) {
            throw new IllegalArgumentException("納付番号は検査数字の正しい半角数字16桁が必要です: " + digits);
        }
    }

    /** Whether the text is a well-formed 納付番号 (16 digits, modulus-11 check digit). */
    public static boolean isValid(String text) {
        return text != null && text.length() == LENGTH && CheckDigits.isValidModulus11(text);
    }

    /** The base (15 digits) after {@code lastBase} that can carry a check digit, for numbering. */
    public static String nextBase(String lastBase) {
        return CheckDigits.nextIssuable(lastBase);
    }

    /** The number with base {@code base} (15 digits). */
    public static PaymentNumber ofBase(String base) {
        return new PaymentNumber(CheckDigits.appendModulus11(base));
    }

    /** The barcode's 自由使用欄: 科目番号 + 納付番号 + 000. */
    public String freeField(String fundNumber) {
        return fundNumber + digits + "000";
    }

    /**
     * The 納付番号 a barcode's 自由使用欄 carries, or empty when the field is not in this layout (the caller reports
     * why).
     */
    public static Optional<String> fromFreeField(String freeField) {
        if (freeField.length() != 21 || !freeField.endsWith("000")) {
            return Optional.empty();
        }
        return Optional.of(freeField.substring(2, 18));
    }

    /** The 科目番号 of a 自由使用欄 in this layout. */
    public static String fundNumberOfFreeField(String freeField) {
        return freeField.substring(0, 2);
    }

    /** The convenience-store barcode of the slip (kit {@link ConvenienceStoreBarcode}); 再発行区分 0, 印紙フラグ 0. */
    public ConvenienceStoreBarcode barcode(String companyCode, String fundNumber, Optional<LocalDate> deadline,
            int amount) {
        return new ConvenienceStoreBarcode(companyCode, freeField(fundNumber), 0, deadline, 0, amount);
    }

    /** The 全銀 口座振替 顧客番号 (20 digits). */
    public String zenginCustomerNumber() {
        return "0000" + digits;
    }

    /** The 納付番号 in a 全銀 顧客番号 ({@code 0000} + 16 digits), as read (not validated). */
    public static String fromZenginCustomerNumber(String customerNumber) {
        return customerNumber.startsWith("0000") ? customerNumber.substring(4) : customerNumber;
    }

    /** The Pay-easy 納付区分 (3 digits) of a fund. */
    public static String payEasyCategory(String fundNumber) {
        return "0" + fundNumber;
    }
}
