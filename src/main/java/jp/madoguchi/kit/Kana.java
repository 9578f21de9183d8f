package jp.madoguchi.kit;

/**
 * 仮名 — hiragana and katakana, the stored form of 氏名カナ, and a search key for it.
 *
 * <p>住民記録システム標準仕様書 keeps 氏名カナ (フリガナ) in full-width katakana. Input arrives as half-width kana,
 * hiragana and mixed spaces; {@link #toFullWidthKatakana(String)} normalizes it deliberately, and {@link #searchKey}
 * compares names without ever changing a stored one. Kana per JIS X 0208/0213 and the Unicode Hiragana and Katakana
 * blocks; half-width kana per JIS X 0201 (see {@link CharacterWidth}). No NFKC: only kana, digits, Latin letters and
 * spaces are touched.
 */
public final class Kana {

    private static final String DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFF0D\uFE63\uFF70\u30FC";
    private static final String DOTS = "\u30FB\uFF65\u00B7\u2027\u30A0";

    private Kana() {
    }

    /**
     * Hiragana to katakana: ぁ–ゖ → ァ–ヶ (small kana stay small, ゔ→ヴ, ゕ→ヵ), ゝゞ → ヽヾ. Nothing else changes.
     *
     * @param text the text
     * @return the converted text
     */
    public static String hiraganaToKatakana(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            b.append((char) toKatakana(text.charAt(i)));
        }
        return b.toString();
    }

    /**
     * Katakana to hiragana: ァ–ヶ → ぁ–ゖ (ヴ→ゔ), ヽヾ → ゝゞ. ヷヸヹヺ, ー, ・ and half-width kana are unchanged (convert
     * them with {@link CharacterWidth#katakanaToFullWidth} first).
     *
     * @param text the text
     * @return the converted text
     */
    public static String katakanaToHiragana(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\u30A1' && c <= '\u30F6') || c == '\u30FD' || c == '\u30FE') {
                b.append((char) (c - 0x60));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static int toKatakana(int c) {
        return (c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E ? c + 0x60 : c;
    }

    /**
     * A search key for 氏名カナ (and names in general): two names match when their keys are equal. The key is derived;
     * the name itself is never changed. Rules, in order:
     * <ol>
     *   <li>half-width katakana → full-width (ｶﾞ→ガ); full-width digits and Latin letters → ASCII;</li>
     *   <li>hiragana → katakana (か→カ, ゔ→ヴ);</li>
     *   <li>a voiced or semi-voiced mark (゛゜, combining U+3099/U+309A, ﾞﾟ) is combined with the kana before it
     *       (カ゛→ガ);</li>
     *   <li>spaces are removed: every Unicode space and white space (half- and full-width space, tab, no-break space)
     *       and U+200B; so are the name separators ・ ･ · ‧ ゠;</li>
     *   <li>long-vowel-like dashes - ‐ ‑ ‒ – — ― − － ﹣ ｰ ー all become ー;</li>
     *   <li>ASCII Latin letters become upper case.</li>
     * </ol>
     * Distinctions that remain (they spell a different name): small and large kana (ァ≠ア, ッ≠ツ), voiced and unvoiced
     * (ガ≠カ), ヴ≠ブ, ヂ≠ジ, ヅ≠ズ, ヰ≠イ, ヱ≠エ, ヲ≠オ; kanji and all other characters are compared as they are.
     *
     * @param name the name (not modified)
     * @return the key
     */
    public static String searchKey(String name) {
        StringBuilder b = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 0xFF61 && c <= 0xFF9F) {
                c = CharacterWidth.HALF_KANA_AS_FULL.charAt(c - 0xFF61);
            } else if (CharacterWidth.isFullWidthAlphanumeric(c)) {
                c -= 0xFEE0;
            }
            c = toKatakana(c);
            if (c == 0x3099 || c == 0x309B || c == 0x309A || c == 0x309C) {
                char mark = c == 0x3099 || c == 0x309B ? '\u3099' : '\u309A';
                if (!b.isEmpty()) {
                    int composed = CharacterWidth.compose(b.charAt(b.length() - 1), mark);
                    if (composed >= 0) {
                        b.setCharAt(b.length() - 1, (char) composed);
                        continue;
                    }
                }
            } else if (isSpace(c) || DOTS.indexOf(c) >= 0) {
                continue;
            } else if (c < 0x10000 && DASHES.indexOf(c) >= 0) {
                c = 'ー';
            } else if (c >= 'a' && c <= 'z') {
                c -= 0x20;
            }
            b.appendCodePoint(c);
        }
        return b.toString();
    }

    /**
     * Normalizes input into the stored form of 氏名カナ: full-width katakana, one full-width space (U+3000) wherever the
     * input had a run of spaces (half- or full-width, tabs) between parts, none at either end. Half-width kana are
     * widened (ｶﾞ→ガ), hiragana become katakana, voiced marks combine with the kana before them (カ゛→ガ); ｰ becomes ー
     * and ･ becomes ・. Allowed in the result: katakana ァ–ヺ, ー, ・, ヽヾ, the small katakana U+31F0–U+31FF, and the
     * separating space.
     *
     * @param input the text as entered
     * @return the stored form
     * @throws KitFormatException for anything else (Latin letters, digits, kanji, hyphens instead of ー, a voiced mark
     *     that combines with nothing, empty input), naming the position (1-based, in characters of the input) and the
     *     character with its code point
     */
    public static String toFullWidthKatakana(String input) {
        StringBuilder b = new StringBuilder(input.length());
        boolean pendingSpace = false;
        int position = 0;
        int i = 0;
        while (i < input.length()) {
            int original = input.codePointAt(i);
            i += Character.charCount(original);
            position++;
            if (isSpace(original)) {
                pendingSpace = !b.isEmpty();
                continue;
            }
            int c = original;
            if (c >= 0xFF61 && c <= 0xFF9F) {
                c = CharacterWidth.HALF_KANA_AS_FULL.charAt(c - 0xFF61);
            }
            c = toKatakana(c);
            if (c == 0x3099 || c == 0x309B || c == 0x309A || c == 0x309C) {
                int composed = pendingSpace || b.isEmpty() ? -1
                        : CharacterWidth.compose(b.charAt(b.length() - 1),
                                c == 0x3099 || c == 0x309B ? '\u3099' : '\u309A');
                if (composed < 0) {
                    throw reject(position, original, "濁点・半濁点を前の文字と組み合わせられません",
                            "the voiced mark does not combine with the preceding character");
                }
                b.setCharAt(b.length() - 1, (char) composed);
                continue;
            }
            if (!isStoredKana(c)) {
                boolean dash = c < 0x10000 && DASHES.indexOf(c) >= 0;
                throw reject(position, original, dash ? "長音には「ー」を使ってください" : "カタカナ・ひらがな・長音「ー」・中点「・」・空白だけが使えます",
                        dash ? "use ー for the long vowel" : "only kana, the long vowel mark ー, the middle dot ・ and spaces are allowed");
            }
            if (pendingSpace) {
                b.append('\u3000');
                pendingSpace = false;
            }
            b.appendCodePoint(c);
        }
        if (b.isEmpty()) {
            throw new KitFormatException("氏名カナが入力されていません", "No kana name given");
        }
        return b.toString();
    }

    private static boolean isStoredKana(int c) {
        return (c >= 0x30A1 && c <= 0x30FE) || (c >= 0x31F0 && c <= 0x31FF);
    }

    private static KitFormatException reject(int position, int c, String ja, String en) {
        String cp = String.format("U+%04X", c);
        String shown = Character.isISOControl(c) ? "" : new String(Character.toChars(c));
        return new KitFormatException("氏名カナに使えない文字があります: " + position + "文字目「" + shown + "」（" + cp + "）。" + ja,
                "Not allowed in a kana name: character " + position + " '" + shown + "' (" + cp + "); " + en);
    }

    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x200B;
    }
}
