package jp.madoguchi.kit;

import java.text.Normalizer;

/**
 * 全角・半角 — conversion between full-width and half-width forms of digits, Latin letters, spaces and katakana.
 *
 * <p>Follows the half-width katakana of JIS X 0201 (片仮名用図形文字集合, U+FF61–U+FF9F) and their full-width counterparts
 * in JIS X 0208, and the Unicode Halfwidth and Fullwidth Forms block. Voiced half-width pairs become one full-width
 * character (ｶﾞ→ガ, ﾊﾟ→パ, ｳﾞ→ヴ, ﾜﾞ→ヷ, ｦﾞ→ヺ) and back. Unlike NFKC, only digits, Latin letters, spaces, katakana and
 * the kana punctuation of JIS X 0201 (｡｢｣､･ｰﾞﾟ) change: ㈱, ①, compatibility ideographs and every other character are
 * left exactly as they are.
 */
public final class CharacterWidth {

    /** Full-width forms of U+FF61–U+FF9F, in order. */
    static final String HALF_KANA_AS_FULL =
            "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜";

    private CharacterWidth() {
    }

    /**
     * Everything this class converts, to full width: ASCII digits, Latin letters and space (→ U+3000), and half-width
     * katakana with their punctuation.
     *
     * @param text the text
     * @return the converted text
     */
    public static String toFullWidth(String text) {
        return katakanaToFullWidth(alphanumericsToFullWidth(text));
    }

    /**
     * Everything this class converts, to half width: full-width digits, Latin letters and the ideographic space, and
     * full-width katakana that have a half-width form (ヵ, ヶ, ヮ, ヰ, ヱ have none and stay).
     *
     * @param text the text
     * @return the converted text
     */
    public static String toHalfWidth(String text) {
        return katakanaToHalfWidth(alphanumericsToHalfWidth(text));
    }

    /**
     * ASCII digits, Latin letters and the space to their full-width forms (1→１, a→ａ, space→U+3000); nothing else.
     *
     * @param text the text
     * @return the converted text
     */
    public static String alphanumericsToFullWidth(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                b.append((char) (c + 0xFEE0));
            } else if (c == ' ') {
                b.append('\u3000');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Full-width digits, Latin letters and the ideographic space to ASCII (１→1, ａ→a, U+3000→space); nothing else.
     *
     * @param text the text
     * @return the converted text
     */
    public static String alphanumericsToHalfWidth(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isFullWidthAlphanumeric(c)) {
                b.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Half-width katakana (U+FF61–U+FF9F) to full width; a half-width ﾞ or ﾟ that follows a half-width kana with a
     * voiced form is combined with it (ｶﾞ→ガ, ﾊﾟ→パ, ｳﾞ→ヴ); otherwise it becomes ゛ or ゜.
     *
     * @param text the text
     * @return the converted text
     */
    public static String katakanaToFullWidth(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '\uFF61' || c > '\uFF9F') {
                b.append(c);
                continue;
            }
            char full = HALF_KANA_AS_FULL.charAt(c - 0xFF61);
            if (c != '\uFF9E' && c != '\uFF9F' && i + 1 < text.length()
                    && (text.charAt(i + 1) == '\uFF9E' || text.charAt(i + 1) == '\uFF9F')) {
                int composed = compose(full, text.charAt(i + 1) == '\uFF9E' ? '\u3099' : '\u309A');
                if (composed >= 0) {
                    b.append((char) composed);
                    i++;
                    continue;
                }
            }
            b.append(full);
        }
        return b.toString();
    }

    /**
     * Full-width katakana and kana punctuation that have a half-width form to half width (ガ→ｶﾞ, パ→ﾊﾟ, ヴ→ｳﾞ, ー→ｰ,
     * 「」。、・→｢｣｡､･). Hiragana and katakana without a half-width form are unchanged.
     *
     * @param text the text
     * @return the converted text
     */
    public static String katakanaToHalfWidth(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int idx = HALF_KANA_AS_FULL.indexOf(c);
            if (idx >= 0) {
                b.append((char) (0xFF61 + idx));
                continue;
            }
            if (c >= '\u30A1' && c <= '\u30FE') {
                String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                if (d.length() == 2 && HALF_KANA_AS_FULL.indexOf(d.charAt(0)) >= 0) {
                    b.append((char) (0xFF61 + HALF_KANA_AS_FULL.indexOf(d.charAt(0))));
                    b.append(d.charAt(1) == '\u3099' ? '\uFF9E' : '\uFF9F');
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    static boolean isFullWidthAlphanumeric(int c) {
        return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
    }

    /**
     * The precomposed kana for a kana followed by a combining voiced (U+3099) or semi-voiced (U+309A) mark.
     *
     * @return the composed code point, or -1 if there is none (ア + ゛)
     */
    static int compose(int kana, char combiningMark) {
        boolean isKana = (kana >= 0x3041 && kana <= 0x309F) || (kana >= 0x30A0 && kana <= 0x30FF);
        if (!isKana) {
            return -1;
        }
        String n = Normalizer.normalize(new String(Character.toChars(kana)) + combiningMark, Normalizer.Form.NFC);
        return n.length() == 1 ? n.charAt(0) : -1;
    }
}
