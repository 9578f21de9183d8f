package jp.madoguchi.payment.internal.format;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Reads the typed fields of one record, turning a malformed one into a {@link BadField} whose message names the
 * field and what was expected (Japanese). Used by the formats of this module.
 */
public final class FieldReader {

    private FieldReader() {
    }

    /** A field that does not parse; the message is Japanese and names the field. */
    public static final class BadField extends RuntimeException {
        public BadField(String message) {
            super(message, null, false, false);
        }
    }

    /** Only ASCII digits, exactly {@code length} of them (or any length ≥ 1 when length is 0). */
    public static String digits(String field, String value, int length) {
        boolean ok = !value.isEmpty() && (length == 0 || value.length() == length);
        for (int i = 0; ok && i < value.length(); i++) {
            char c = value.charAt(i);
            ok = c >= '0' && c <= '9';
        }
        if (!ok) {
            throw new BadField(field + "「" + value + "」は半角数字" + (length == 0 ? "" : length + "桁")
                    + "ではありません");
        }
        return value;
    }

    /** A positive amount in yen written with digits only (no sign, comma or decimals). */
    public static long amount(String field, String value) {
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > 12) {
            throw new BadField(field + "「" + value + "」は金額（半角数字、12桁まで）ではありません");
        }
        long n = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < '0' || c > '9') {
                throw new BadField(field + "「" + value + "」は金額（半角数字のみ）ではありません");
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** A date written YYYYMMDD. */
    public static LocalDate yyyymmdd(String field, String value) {
        digits(field, value, 8);
        try {
            return LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
                    Integer.parseInt(value.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new BadField(field + "「" + value + "」は存在しない日付です（YYYYMMDD）");
        }
    }

    /** A time written HHMM. */
    public static LocalTime hhmm(String field, String value) {
        digits(field, value, 4);
        try {
            return LocalTime.of(Integer.parseInt(value.substring(0, 2)), Integer.parseInt(value.substring(2, 4)));
        } catch (DateTimeException e) {
            throw new BadField(field + "「" + value + "」は存在しない時刻です（HHMM）");
        }
    }

    /**
     * A day written MMDD without the year (全銀 引落日): the date nearest to {@code today} among last year, this year
     * and next year.
     */
    public static LocalDate mmddNear(String field, String value, LocalDate today) {
        digits(field, value, 4);
        int month = Integer.parseInt(value.substring(0, 2));
        int day = Integer.parseInt(value.substring(2, 4));
        LocalDate best = null;
        for (int year = today.getYear() - 1; year <= today.getYear() + 1; year++) {
            try {
                LocalDate candidate = LocalDate.of(year, month, day);
                if (best == null || Math.abs(candidate.toEpochDay() - today.toEpochDay())
                        < Math.abs(best.toEpochDay() - today.toEpochDay())) {
                    best = candidate;
                }
            } catch (DateTimeException e) {
                // 2/29 in a year without it: try the others
            }
        }
        if (best == null) {
            throw new BadField(field + "「" + value + "」は存在しない月日です（MMDD）");
        }
        return best;
    }
}
