package jp.madoguchi.card.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * 異体字 — folds variant forms of a character to one form, for comparing text written with different 字形. Reads the
 * documented table {@code variant-characters.tsv} next to this class (髙→高, 﨑→崎, 邊/邉→辺, 齋/齊/斉→斎, 𠮷→吉,
 * 濵/濱→浜…), drops ideographic and standardized variation selectors (IVS U+E0100–U+E01EF, SVS U+FE00–U+FE0F) and
 * folds CJK compatibility ideographs to their canonical equivalents (NFC). Used only to decide that two writings are
 * "the same apart from 字形" — never to change stored or displayed text.
 */
final class VariantCharacters {

    private static final Map<Integer, Integer> TABLE = load();

    private VariantCharacters() {
    }

    /**
     * The text with every variant form folded and variation selectors dropped.
     *
     * @param text any text
     * @return the folded text (only for comparison)
     */
    static String fold(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (isVariationSelector(c)) {
                return;
            }
            int folded = TABLE.getOrDefault(canonical(c), canonical(c));
            b.appendCodePoint(folded);
        });
        return b.toString();
    }

    /** IVS (U+E0100–U+E01EF) or SVS (U+FE00–U+FE0F) selectors. */
    static boolean isVariationSelector(int c) {
        return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
    }

    /** A CJK compatibility ideograph's canonical (NFC) equivalent; any other code point unchanged. */
    private static int canonical(int c) {
        boolean compatibility = (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
        if (!compatibility) {
            return c;
        }
        String n = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFC);
        return n.codePointCount(0, n.length()) == 1 ? n.codePointAt(0) : c;
    }

    private static Map<Integer, Integer> load() {
        Map<Integer, Integer> table = new HashMap<>();
        try (InputStream in = VariantCharacters.class.getResourceAsStream("variant-characters.tsv")) {
            if (in == null) {
                throw new IllegalStateException("variant-characters.tsv is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length < 2 || f[0].codePointCount(0, f[0].length()) != 1
                        || f[1].codePointCount(0, f[1].length()) != 1) {
                    throw new IllegalStateException("variant-characters.tsv line " + lineNumber
                            + ": expected one character, a tab and one character");
                }
                table.put(f[0].codePointAt(0), f[1].codePointAt(0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
