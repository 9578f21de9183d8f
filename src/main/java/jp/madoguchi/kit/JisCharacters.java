package jp.madoguchi.kit;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * JIS文字の範囲 — whether text stays inside JIS X 0208 or JIS X 0213, and which characters fall outside (外字 candidates).
 *
 * <p>行政事務標準文字 (MJ+) holds far more than JIS: a name whose character lies outside the JIS set a system or font
 * supports must be handled as 外字 — kept byte-exact, never "corrected". This class reports; it never changes text.
 *
 * <p><b>Units.</b> Text is split into units: one base code point followed by every combining mark (Unicode general
 * category M). This keeps an ideographic variation sequence (IVS: base + U+E0100–U+E01EF, registered in the Unicode
 * Ideographic Variation Database), a standardized variation sequence (SVS: base + U+FE00–U+FE0F) and kana with a
 * combining voiced mark (か + U+309A, a JIS X 0213 character) together as ONE unit. 「葛󠄀」 (U+845B U+E0100) is one unit,
 * and it is outside both standards: JIS defines no variation sequences.
 *
 * <p><b>Membership</b>, using the JDK's charsets (module {@code jdk.charsets}, present in every full JDK):
 * <ul>
 *   <li>JIS X 0208: the unit is encodable in {@code x-JIS0208} (the JIS X 0208 mapping of the Unicode consortium's
 *       JIS0208.TXT, incl. 凜 U+51DC and 熙 U+7199 of JIS X 0208:1990), or is one of the 7 characters that Microsoft's
 *       code page 932 maps differently for the same JIS X 0208 positions (～ U+FF5E for 1-01-33 〜, ∥ U+2225, － U+FF0D,
 *       ￠ U+FFE0, ￡ U+FFE1, ￢ U+FFE2, ― U+2015);</li>
 *   <li>JIS X 0213: inside JIS X 0208 as above, or encodable in {@code x-SJIS_0213} (Shift_JIS-2004, JIS X 0213:2004
 *       planes 1 and 2, including its combining sequences);</li>
 *   <li>for both: ASCII (U+0000–U+007F) and the half-width katakana of JIS X 0201 (U+FF61–U+FF9F), the single-byte part
 *       every Shift_JIS / EUC-JP system carries.</li>
 * </ul>
 * Note that 髙 (U+9AD9, はしご高) and 𠮷 (U+20BB7, つちよし) are outside JIS X 0213 too: JIS unifies them with 高 and 吉
 * (包摂規準); 﨑 (U+FA11) and 𠀋 (U+2000B) are in JIS X 0213 but not in JIS X 0208.
 */
public final class JisCharacters {

    private static final Charset JIS0208 = Charset.forName("x-JIS0208");
    private static final Charset SJIS0213 = Charset.forName("x-SJIS_0213");
    private static final String CP932_VARIANTS = "\uFF5E\u2225\uFF0D\uFFE0\uFFE1\uFFE2\u2015";

    private JisCharacters() {
    }

    /**
     * A unit of text outside a JIS standard.
     *
     * @param text the unit: one code point, or a base with its combining marks / variation selector
     * @param position the 0-based index of the unit among the units of the text
     * @param charIndex the index of its first {@code char} in the {@link String} (for {@code substring})
     */
    public record OutsideCharacter(String text, int position, int charIndex) {

        /** @return the code points, e.g. {@code "U+845B U+E0100"} */
        public String codePoints() {
            return text.codePoints().mapToObj(c -> String.format("U+%04X", c)).collect(Collectors.joining(" "));
        }

        @Override
        public String toString() {
            return text + " (" + codePoints() + ") at " + position;
        }
    }

    /**
     * Splits text into units as described on the type: a base code point with its combining marks.
     *
     * @param text the text
     * @return the units, in order
     */
    public static List<String> units(String text) {
        List<String> units = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (i > start && !isExtender(c)) {
                units.add(text.substring(start, i));
                start = i;
            }
            i += Character.charCount(c);
        }
        if (i > start) {
            units.add(text.substring(start, i));
        }
        return units;
    }

    /**
     * The units of the text outside a standard.
     *
     * @param text the text
     * @param standard the standard
     * @return the outside units, in order; empty if the text stays inside
     */
    public static List<OutsideCharacter> outside(String text, JisStandard standard) {
        CharsetEncoder jis0208 = JIS0208.newEncoder();
        CharsetEncoder sjis0213 = standard == JisStandard.JIS_X_0213 ? SJIS0213.newEncoder() : null;
        List<OutsideCharacter> result = new ArrayList<>();
        int position = 0;
        int charIndex = 0;
        for (String unit : units(text)) {
            if (!inside(unit, jis0208, sjis0213)) {
                result.add(new OutsideCharacter(unit, position, charIndex));
            }
            position++;
            charIndex += unit.length();
        }
        return result;
    }

    /**
     * Whether every unit of the text is inside a standard.
     *
     * @param text the text
     * @param standard the standard
     * @return whether the text stays inside
     */
    public static boolean isWithin(String text, JisStandard standard) {
        return outside(text, standard).isEmpty();
    }

    /**
     * The smallest standard the text stays inside.
     *
     * @param text the text
     * @return JIS X 0208, else JIS X 0213, else empty (the text needs 外字 handling)
     */
    public static Optional<JisStandard> smallestStandard(String text) {
        for (JisStandard s : JisStandard.values()) {
            if (isWithin(text, s)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static boolean inside(String unit, CharsetEncoder jis0208, CharsetEncoder sjis0213) {
        if (unit.length() == 1) {
            char c = unit.charAt(0);
            if (c <= 0x7F || (c >= 0xFF61 && c <= 0xFF9F) || CP932_VARIANTS.indexOf(c) >= 0) {
                return true;
            }
        }
        if (!hasUnpairedSurrogate(unit) && jis0208.canEncode(unit)) {
            return true;
        }
        return sjis0213 != null && !hasUnpairedSurrogate(unit) && sjis0213.canEncode(unit);
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
                return true;
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return false;
    }

    private static boolean isExtender(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
