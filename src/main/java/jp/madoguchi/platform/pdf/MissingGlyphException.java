package jp.madoguchi.platform.pdf;

import java.util.List;
import java.util.stream.Collectors;

/**
 * 外字・未収録文字 — text holds characters the PDF font cannot draw. Raised before anything is drawn, so the caller can
 * report them (the staff then decides: register a glyph, use another font, or issue by hand) instead of printing a
 * substitute.
 */
public class MissingGlyphException extends RuntimeException {

    private final transient List<MissingGlyphs.MissingGlyph> missing;

    public MissingGlyphException(String fontName, List<MissingGlyphs.MissingGlyph> missing) {
        super("印字用フォント " + fontName + " にない文字があります: "
                + missing.stream().map(MissingGlyphs.MissingGlyph::describe).collect(Collectors.joining("、")));
        this.missing = List.copyOf(missing);
    }

    /** The characters that cannot be drawn, in order of appearance. */
    public List<MissingGlyphs.MissingGlyph> missing() {
        return missing;
    }
}
