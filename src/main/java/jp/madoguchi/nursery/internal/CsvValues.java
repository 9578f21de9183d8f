package jp.madoguchi.nursery.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import jp.madoguchi.kit.CharacterWidth;
import jp.madoguchi.kit.KitFormatException;
import jp.madoguchi.kit.Wareki;

/**
 * Reading the values of CSV fields, with the Japanese message of what was expected: numbers (full-width digits and
 * thousands separators allowed), dates (西暦 2024-05-03, 2024/5/3, 20240503 or 和暦 via the kit's {@link Wareki}),
 * codes (full-width letters allowed, upper-cased) and lists of codes.
 */
final class CsvValues {

    /** A field that cannot be read; the message says what was expected. */
    static final class BadValue extends RuntimeException {
        BadValue(String message) {
            super(message, null, false, false);
        }
    }

    private static final List<DateTimeFormatter> DATES = List.of("uuuu-M-d", "uuuu/M/d", "uuuuMMdd").stream()
            .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();

    private CsvValues() {
    }

    /** Half-width letters and digits, stripped. */
    static String normal(String text) {
        return CharacterWidth.alphanumericsToHalfWidth(text).strip();
    }

    /** An identifier (施設番号, 世帯番号, 児童番号): half-width letters, digits, '-' and '_', 1–20 characters. */
    static String id(String text, String what) {
        String s = normal(text);
        if (s.isEmpty()) {
            throw new BadValue(what + "が空です");
        }
        if (!s.matches("[0-9A-Za-z_-]{1,20}")) {
            throw new BadValue(what + "「" + text.strip() + "」は英数字・ハイフン・下線の20文字までです");
        }
        return s;
    }

    /** An integer, or null for a blank field. */
    static Long number(String text, String what) {
        String s = normal(text).replace(",", "").replace("，", "");
        if (s.isEmpty()) {
            return null;
        }
        if (!s.matches("-?[0-9]{1,12}")) {
            throw new BadValue(what + "「" + text.strip() + "」は整数ではありません");
        }
        return Long.parseLong(s);
    }

    /**
     * An integer that must be given and pass {@code check} (which answers the problem's message, or null when the
     * value is fine); the message of a blank field is 「…が空です」.
     */
    static int checkedNumber(String text, String what, LongFunction<String> check) {
        Long n = number(text == null ? "" : text, what);
        String problem = n == null ? what + "が空です" : check.apply(n);
        if (problem != null) {
            throw new BadValue(problem);
        }
        return n.intValue();
    }

    /** A date in 西暦 or 和暦. */
    static LocalDate date(String text, String what) {
        String s = normal(text);
        if (s.isEmpty()) {
            throw new BadValue(what + "が空です");
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        try {
            return Wareki.parse(text.strip());
        } catch (KitFormatException e) {
            throw new BadValue(what + "「" + text.strip() + "」は日付として読めません（例: 2025-05-03、2025/5/3、令和7年5月3日）");
        }
    }

    /** A code of the points table ("WORK_160"), upper-cased; empty for a blank field. */
    static String code(String text) {
        return normal(text).toUpperCase(java.util.Locale.ROOT);
    }

    /** Codes separated by spaces, commas, 「、」 or semicolons. */
    static List<String> codes(String text) {
        String s = code(text);
        if (s.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(s.split("[\\s,、;；・]+")).filter(x -> !x.isEmpty()).toList();
    }
}
