package jp.madoguchi.platform.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Finds the characters a font cannot draw, so they are reported before printing — never dropped, drawn as a blank
 * box, or replaced by a look-alike (a certificate must show the registered character or refuse).
 *
 * <p>Works on Unicode code points, so characters outside the BMP (surrogate pairs, e.g. 𠮷 U+20BB7) count as one.
 * A variation sequence (a character followed by an ideographic variation selector U+E0100..U+E01EF, or a standard
 * variation selector U+FE00..U+FE0F) asks for one particular glyph form; PDFBox itself ignores the font's format-14
 * cmap, so a sequence is drawable only when the font was loaded through {@link JapaneseFonts#embedIn} and its
 * format-14 cmap defines it ({@link VariationSequences}, e.g. IPAmj明朝); otherwise the whole sequence is reported as
 * missing rather than printing the base form. Line
 * breaks (CR, LF) are layout, not glyphs, and are skipped.
 */
public final class MissingGlyphs {

    private MissingGlyphs() {
    }

    /**
     * One character (or variation sequence) the font cannot draw.
     *
     * @param text  the character or sequence as it appears in the input
     * @param index position in the input, in code points, counting from 0
     */
    public record MissingGlyph(String text, int index) {

        /** Code points as {@code U+XXXX}, space-separated, e.g. {@code U+845B U+E0100}. */
        public String codePoints() {
            return text.codePoints().mapToObj(cp -> String.format("U+%04X", cp)).collect(Collectors.joining(" "));
        }

        /** Japanese description, e.g. {@code 「𠮷」(U+20BB7、3文字目)}. */
        public String describe() {
            return "「" + text + "」(" + codePoints() + "、" + (index + 1) + "文字目)";
        }
    }

    /** The characters of {@code text} that {@code font} cannot draw, in order; empty when all can be drawn. */
    public static List<MissingGlyph> check(PDFont font, String text) {
        List<MissingGlyph> missing = new ArrayList<>();
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (cp == '\n' || cp == '\r') {
                continue;
            }
            int end = i + 1;
            while (end < cps.length && isVariationSelector(cps[end])) {
                end++;
            }
            boolean drawableSequence = end == i + 2 && !isVariationSelector(cp) && canDraw(font, cp)
                    && VariationSequences.of(font).glyph(cp, cps[i + 1]).isPresent();
            if ((end > i + 1 && !drawableSequence) || isVariationSelector(cp) || !canDraw(font, cp)) {
                missing.add(new MissingGlyph(new String(cps, i, end - i), i));
            }
            i = end - 1;
        }
        return List.copyOf(missing);
    }

    /** Throws {@link MissingGlyphException} naming every character of {@code text} that {@code font} cannot draw. */
    public static void require(PDFont font, String text) {
        List<MissingGlyph> missing = check(font, text);
        if (!missing.isEmpty()) {
            throw new MissingGlyphException(font.getName(), missing);
        }
    }

    static boolean isVariationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    private static boolean canDraw(PDFont font, int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException e) {
            return false; // PDFBox: "No glyph for U+... in font ..."
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
