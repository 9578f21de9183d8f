package jp.madoguchi.card.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.madoguchi.card.FieldComparison.Agreement;
import jp.madoguchi.kit.CharacterWidth;

/**
 * 表記ゆれ — the keys under which two writings of a name or an address compare equal, and the agreement of two
 * values: {@link Agreement#SAME} (the same characters), {@link Agreement#NOTATION} (equal keys),
 * {@link Agreement#VARIANT_CHARACTERS} (equal after {@link VariantCharacters#fold}), else
 * {@link Agreement#DIFFERENT}. Keys are for comparison only; nothing displayed or stored is changed.
 *
 * <p>Names: spaces of any width removed, digits, Latin letters and katakana to one width
 * ({@link CharacterWidth}), Latin letters upper-case. Addresses, besides: the prefecture (and a 郡) before the
 * municipality's name dropped, 大字 dropped, 漢数字 to digits (一丁目→1丁目, 十二→12, 一〇五→105), dashes between digits
 * (ー − ‐ - – — ―) made one hyphen, 丁目・番地・番・の between numbers and a closing 号 written as hyphens
 * (一丁目3番12号 = 1-3-12, 512番地3 = 512-3), and ケ/ヶ/が/ガ between kanji (緑が丘 = 緑ヶ丘), ノ/の/之 between kanji
 * written one way.
 */
public final class Notation {

    private static final Pattern KANJI_NUMBER = Pattern.compile("[〇一二三四五六七八九十百千]+");
    private static final Pattern DASH_BETWEEN_DIGITS =
            Pattern.compile("(?<=[0-9])[-‐‑‒–—―−－ー─━ｰ](?=[0-9])");
    private static final Pattern CHOME = Pattern.compile("([0-9]+)丁目");
    private static final Pattern BANCHI = Pattern.compile("([0-9]+)番地の?");
    private static final Pattern BAN = Pattern.compile("([0-9]+)番");
    private static final Pattern GO = Pattern.compile("([0-9]+)号(?!室)");
    private static final Pattern NO = Pattern.compile("([0-9]+)の(?=[0-9])");
    private static final Pattern TRAILING_HYPHEN = Pattern.compile("-(?![0-9])");
    private static final Pattern KE_BETWEEN_KANJI = Pattern.compile("(?<=\\p{IsHan})[ヶケがガ](?=\\p{IsHan})");
    private static final Pattern NO_BETWEEN_KANJI = Pattern.compile("(?<=\\p{IsHan})[ノの之](?=\\p{IsHan})");

    private Notation() {
    }

    /** How two names agree. */
    public static Agreement names(String card, String register) {
        return agree(card, register, nameKey(card), nameKey(register));
    }

    /** How two addresses agree, given the municipality's prefecture and name. */
    public static Agreement addresses(String card, String register, String prefecture, String municipality) {
        return agree(card, register, addressKey(card, prefecture, municipality),
                addressKey(register, prefecture, municipality));
    }

    private static Agreement agree(String card, String register, String cardKey, String registerKey) {
        if (card.equals(register)) {
            return Agreement.SAME;
        }
        if (cardKey.equals(registerKey)) {
            return Agreement.NOTATION;
        }
        if (VariantCharacters.fold(cardKey).equals(VariantCharacters.fold(registerKey))) {
            return Agreement.VARIANT_CHARACTERS;
        }
        return Agreement.DIFFERENT;
    }

    /** A name for comparison: no spaces, one width, Latin upper-case. */
    static String nameKey(String name) {
        return CharacterWidth.alphanumericsToHalfWidth(CharacterWidth.katakanaToFullWidth(withoutSpaces(name)))
                .toUpperCase(Locale.ROOT);
    }

    /** An address for comparison (see the type's documentation). */
    static String addressKey(String address, String prefecture, String municipality) {
        String s = CharacterWidth.alphanumericsToHalfWidth(CharacterWidth.katakanaToFullWidth(withoutSpaces(address)));
        if (!prefecture.isEmpty() && s.startsWith(prefecture)) {
            s = s.substring(prefecture.length());
        }
        int at = municipality.isEmpty() ? -1 : s.indexOf(municipality);
        if (at > 0 && at <= 8 && s.substring(0, at).endsWith("郡")) {
            s = s.substring(at);
        }
        s = s.replace("大字", "");
        s = kanjiNumbersToDigits(s);
        s = DASH_BETWEEN_DIGITS.matcher(s).replaceAll("-");
        s = CHOME.matcher(s).replaceAll("$1-");
        s = BANCHI.matcher(s).replaceAll("$1-");
        s = BAN.matcher(s).replaceAll("$1-");
        s = GO.matcher(s).replaceAll("$1");
        s = NO.matcher(s).replaceAll("$1-");
        s = TRAILING_HYPHEN.matcher(s).replaceAll("");
        s = KE_BETWEEN_KANJI.matcher(s).replaceAll("ケ");
        s = NO_BETWEEN_KANJI.matcher(s).replaceAll("ノ");
        return s.toUpperCase(Locale.ROOT);
    }

    private static String withoutSpaces(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** Every run of 漢数字 as decimal digits: 十二 → 12, 二十 → 20, 百五 → 105, 一〇五 → 105, 千二百 → 1200. */
    static String kanjiNumbersToDigits(String s) {
        Matcher m = KANJI_NUMBER.matcher(s);
        StringBuilder b = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(b, Long.toString(kanjiNumber(m.group())));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static long kanjiNumber(String run) {
        String digits = "〇一二三四五六七八九";
        boolean positional = run.chars().noneMatch(c -> c == '十' || c == '百' || c == '千');
        if (positional) {
            long v = 0;
            for (char c : run.toCharArray()) {
                v = v * 10 + digits.indexOf(c);
            }
            return v;
        }
        long total = 0;
        long current = 0;
        for (char c : run.toCharArray()) {
            int d = digits.indexOf(c);
            if (d >= 0) {
                current = current * 10 + d;
                continue;
            }
            int unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
        }
        return total + current;
    }
}
