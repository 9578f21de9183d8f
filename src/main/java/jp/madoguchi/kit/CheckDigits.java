package jp.madoguchi.kit;

/**
 * 検査数字 — check digits of Japanese public identifiers: compute and validate.
 *
 * <p>Digits are ASCII {@code 0}–{@code 9} only: no full-width digits, spaces or hyphens (strip them deliberately before).
 * Validation methods return {@code false} for any malformed input; compute methods throw {@link KitFormatException}.
 * Messages about 個人番号 never echo the input.
 *
 * <ul>
 *   <li><b>個人番号</b> (12 digits = 11 + check digit): 行政手続における特定の個人を識別するための番号の利用等に関する法律施行令
 *       第8条 and 行政手続における特定の個人を識別するための番号の利用等に関する法律の規定による通知カード及び個人番号
 *       カード並びに情報提供ネットワークシステムによる特定個人情報の提供等に関する省令 (平成26年総務省令第85号) 第5条: with Pn the nth digit counted from the rightmost of the 11, Qn = n+1 for
 *       1 ≤ n ≤ 6 and n−5 for 7 ≤ n ≤ 11, r = Σ Pn×Qn mod 11; check digit = 0 if r ≤ 1, else 11 − r. As remainders 0
 *       and 1 share the digit 0, a single-digit error in a number whose check digit is 0 can go undetected.</li>
 *   <li><b>法人番号</b> (13 digits = check digit + 12): 法人番号の指定等に関する省令第2条: with Pn the nth digit from the
 *       rightmost of the 12, Qn = 1 for odd n and 2 for even n; check digit = 9 − (Σ Pn×Qn mod 9). A 0↔9 error goes
 *       undetected. 国税庁 is 7000012050002.</li>
 *   <li><b>地方公共団体コード</b> (6 digits = 5 + check digit; 総務省「全国地方公共団体コード」, established by 自治省 in
 *       1968 and taken over by JIS X 0401 / JIS X 0402): weights 6, 5, 4, 3, 2 from the left, r = Σ mod 11, check digit = the last digit of 11 − r,
 *       i.e. {@code (11 − r) % 10} (r = 0 → 1, r = 1 → 0). Verified against every code of the national list.</li>
 *   <li><b>宛名番号・世帯番号</b> (modulus 11, weights 2–7): as the municipal systems compute them (住民記録システム標準仕様書
 *       leaves the numbering to each municipality; modulus 11 with weights 2, 3, 4, 5, 6, 7, 2, 3, … from the rightmost
 *       base digit is the common vendor rule): r = Σ mod 11; check digit = 0 if r = 0, else 11 − r. <b>Decision for
 *       r = 1</b> (11 − 1 = 10 is not a digit): such a base number is never issued; {@link #modulus11CheckDigit} throws,
 *       {@link #canCarryModulus11} tells in advance, {@link #nextIssuable} skips it when numbering, and
 *       {@link #isValidModulus11} rejects any number whose base has r = 1. With this rule every single-digit error is
 *       detected. Bases have 1–15 digits (宛名番号 is often 9 + 1, 世帯番号 varies).</li>
 * </ul>
 */
public final class CheckDigits {

    private CheckDigits() {
    }

    // ---------------------------------------------------------------- 個人番号

    /**
     * The check digit of a 個人番号 (see the type's documentation).
     *
     * @param eleven the first 11 digits
     * @return the check digit, 0–9
     * @throws KitFormatException unless 11 ASCII digits (the message does not contain the input)
     */
    public static int myNumberCheckDigit(String eleven) {
        if (!isDigits(eleven, 11)) {
            throw new KitFormatException("個人番号の検査数字を計算するには11桁の数字が必要です",
                    "Computing a My Number check digit needs 11 digits");
        }
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = eleven.charAt(11 - n) - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int r = sum % 11;
        return r <= 1 ? 0 : 11 - r;
    }

    /**
     * Whether a 個人番号 is 12 ASCII digits with a correct check digit.
     *
     * @param twelve the number
     * @return whether it is valid
     */
    public static boolean isValidMyNumber(String twelve) {
        return isDigits(twelve, 12) && myNumberCheckDigit(twelve.substring(0, 11)) == twelve.charAt(11) - '0';
    }

    // ---------------------------------------------------------------- 法人番号

    /**
     * The check digit of a 法人番号 (see the type's documentation).
     *
     * @param twelve the 12 digits after the check digit
     * @return the check digit, 1–9
     * @throws KitFormatException unless 12 ASCII digits
     */
    public static int corporateNumberCheckDigit(String twelve) {
        if (!isDigits(twelve, 12)) {
            throw new KitFormatException("法人番号の検査数字を計算するには12桁の数字が必要です（入力: \"" + twelve + "\"）",
                    "Computing a corporate number check digit needs 12 digits (got \"" + twelve + "\")");
        }
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            sum += (twelve.charAt(12 - n) - '0') * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }

    /**
     * Whether a 法人番号 is 13 ASCII digits whose first digit is the correct check digit.
     *
     * @param thirteen the number
     * @return whether it is valid
     */
    public static boolean isValidCorporateNumber(String thirteen) {
        return isDigits(thirteen, 13) && corporateNumberCheckDigit(thirteen.substring(1)) == thirteen.charAt(0) - '0';
    }

    // ---------------------------------------------------------------- 地方公共団体コード

    /**
     * The check digit of a 地方公共団体コード (see the type's documentation): 01100 → 2 (札幌市 011002).
     *
     * @param five the 5-digit code (2 digits prefecture + 3 digits municipality)
     * @return the check digit, 0–9
     * @throws KitFormatException unless 5 ASCII digits
     */
    public static int municipalityCodeCheckDigit(String five) {
        if (!isDigits(five, 5)) {
            throw new KitFormatException("地方公共団体コードの検査数字を計算するには5桁の数字が必要です（入力: \"" + five + "\"）",
                    "Computing a local government code check digit needs 5 digits (got \"" + five + "\")");
        }
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (five.charAt(i) - '0') * (6 - i);
        }
        return (11 - sum % 11) % 10;
    }

    /**
     * Whether a 地方公共団体コード is 6 ASCII digits with a correct check digit.
     *
     * @param six the code
     * @return whether it is valid
     */
    public static boolean isValidMunicipalityCode(String six) {
        return isDigits(six, 6) && municipalityCodeCheckDigit(six.substring(0, 5)) == six.charAt(5) - '0';
    }

    // ---------------------------------------------------------------- 受付番号など（Luhn）

    /**
     * The Luhn (ISO/IEC 7812-1) check digit of a number the municipality issues itself, such as an online
     * application's 受付番号: it catches every single-digit typo and most transpositions, and every base can carry it.
     *
     * @param base 1–30 ASCII digits
     * @return the check digit, 0–9
     * @throws KitFormatException if malformed
     */
    public static int luhnCheckDigit(String base) {
        if (base == null || !base.matches("[0-9]{1,30}")) {
            throw new KitFormatException("番号は1〜30桁の半角数字にしてください（" + base + "）",
                    "a Luhn base must be 1-30 ASCII digits: " + base);
        }
        int sum = 0;
        boolean doubled = true;
        for (int i = base.length() - 1; i >= 0; i--) {
            int d = base.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    // ---------------------------------------------------------------- 宛名番号・世帯番号

    /**
     * The modulus-11 check digit of a 宛名番号 or 世帯番号 base (see the type's documentation).
     *
     * @param base 1–15 ASCII digits
     * @return the check digit, 0–9
     * @throws KitFormatException if malformed, or if the base cannot carry a check digit (remainder 1): such a number
     *     is not issued and must be skipped when numbering
     */
    public static int modulus11CheckDigit(String base) {
        requireBase(base);
        int r = remainder(base);
        if (r == 1) {
            throw new KitFormatException(
                    "この番号（" + base + "）はモジュラス11の検査数字を付けられません（余りが1）。採番では飛ばしてください",
                    "This number (" + base + ") cannot carry a modulus-11 check digit (remainder 1); skip it when numbering");
        }
        return r == 0 ? 0 : 11 - r;
    }

    /**
     * The base followed by its modulus-11 check digit.
     *
     * @param base 1–15 ASCII digits
     * @return the full number
     * @throws KitFormatException as {@link #modulus11CheckDigit(String)}
     */
    public static String appendModulus11(String base) {
        return base + modulus11CheckDigit(base);
    }

    /**
     * Whether a 宛名番号 or 世帯番号 (2–16 ASCII digits, the last being the check digit) is valid. A number whose base
     * has remainder 1 is never valid.
     *
     * @param withCd the number including its check digit
     * @return whether it is valid
     */
    public static boolean isValidModulus11(String withCd) {
        if (withCd == null || withCd.length() < 2 || withCd.length() > 16 || !isDigits(withCd, withCd.length())) {
            return false;
        }
        String base = withCd.substring(0, withCd.length() - 1);
        int r = remainder(base);
        return r != 1 && (r == 0 ? 0 : 11 - r) == withCd.charAt(withCd.length() - 1) - '0';
    }

    /**
     * Whether a base number can carry a modulus-11 check digit (its remainder is not 1).
     *
     * @param base 1–15 ASCII digits
     * @return whether a number with this base may be issued
     * @throws KitFormatException if malformed
     */
    public static boolean canCarryModulus11(String base) {
        requireBase(base);
        return remainder(base) != 1;
    }

    /**
     * The next base number to issue after {@code lastBase}: the smallest greater base of the same length (leading
     * zeros kept) that can carry a check digit. Usage: {@code appendModulus11(nextIssuable(lastIssuedBase))}.
     *
     * @param lastBase the last base issued (or the one before the first to issue), 1–15 ASCII digits
     * @return the next issuable base
     * @throws KitFormatException if malformed or if the numbering space of that length is exhausted
     */
    public static String nextIssuable(String lastBase) {
        requireBase(lastBase);
        long n = Long.parseLong(lastBase);
        long max = (long) Math.pow(10, lastBase.length()) - 1;
        while (n < max) {
            n++;
            String candidate = String.format("%0" + lastBase.length() + "d", n);
            if (remainder(candidate) != 1) {
                return candidate;
            }
        }
        throw new KitFormatException("" + lastBase.length() + "桁の番号を使い切りました",
                "No more " + lastBase.length() + "-digit numbers to issue");
    }

    private static void requireBase(String base) {
        if (base == null || base.isEmpty() || base.length() > 15 || !isDigits(base, base.length())) {
            throw new KitFormatException("モジュラス11の元の番号は1〜15桁の数字です（入力: \"" + base + "\"）",
                    "A modulus-11 base number is 1–15 digits (got \"" + base + "\")");
        }
    }

    private static int remainder(String base) {
        int sum = 0;
        for (int i = 0; i < base.length(); i++) {
            int weight = 2 + i % 6;
            sum += (base.charAt(base.length() - 1 - i) - '0') * weight;
        }
        return sum % 11;
    }

    static boolean isDigits(String s, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
