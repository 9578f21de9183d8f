package jp.madoguchi.platform.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Draws Japanese text on one page. Positions are in millimetres from the page's TOP-LEFT corner (as forms such as the
 * 納付書 are specified), {@code y} being the baseline; sizes are in points. Every string is checked with
 * {@link MissingGlyphs} before anything is drawn: a character the font lacks raises {@link MissingGlyphException}.
 *
 * <pre>{@code
 * try (PDDocument doc = new PDDocument()) {
 *     PDPage page = new PDPage(PDRectangle.A4);
 *     doc.addPage(page);
 *     PDType0Font font = fonts.embedIn(doc);
 *     try (PdfText text = PdfText.open(doc, page, font)) {
 *         text.line("住民票の写し", 20, 25, 16);
 *         text.paragraph(body, 20, 40, 170, 10.5f, 1.6f);
 *     }
 *     doc.save(out);
 * }
 * }</pre>
 *
 * <p>Not thread-safe (neither is a PDFBox document). Close it before saving the document.
 */
public final class PdfText implements AutoCloseable {

    /** Points per millimetre (1 pt = 1/72 inch). */
    public static final float POINTS_PER_MM = 72f / 25.4f;

    /** Characters that must not begin a line (行頭禁則); they hang at the end of the previous line instead. */
    private static final String NO_LINE_START = "、。，．,.)）」』】〕〉》]｝}!！?？ー・：；:;ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻ゝゞヽヾ";

    private final PDPageContentStream content;
    private final PDFont font;
    private final float pageHeight;

    private PdfText(PDPageContentStream content, PDFont font, float pageHeight) {
        this.content = content;
        this.font = font;
        this.pageHeight = pageHeight;
    }

    /** Opens a writer appending to {@code page}'s content (the page must already belong to {@code document}). */
    public static PdfText open(PDDocument document, PDPage page, PDFont font) {
        try {
            PDPageContentStream content =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true);
            return new PdfText(content, font, page.getMediaBox().getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Millimetres to points. */
    public static float mm(float millimetres) {
        return millimetres * POINTS_PER_MM;
    }

    /** Width of {@code text} in millimetres at {@code sizePt}. Throws {@link MissingGlyphException} like drawing. */
    public float widthMm(String text, float sizePt) {
        MissingGlyphs.require(font, text);
        return widthPt(text, sizePt) / POINTS_PER_MM;
    }

    /** Draws one line with its baseline at ({@code xMm}, {@code yMm}); returns its width in millimetres. */
    public float line(String text, float xMm, float yMm, float sizePt) {
        MissingGlyphs.require(font, text);
        show(text, xMm, yMm, sizePt);
        return widthPt(text, sizePt) / POINTS_PER_MM;
    }

    /** Draws one line ending at {@code rightMm} (amounts, dates); returns the x of its left edge in millimetres. */
    public float lineRightAligned(String text, float rightMm, float yMm, float sizePt) {
        float width = widthMm(text, sizePt);
        show(text, rightMm - width, yMm, sizePt);
        return rightMm - width;
    }

    /**
     * Draws {@code text} wrapped to {@code widthMm}, the first baseline at {@code yMm}, lines {@code leading × size}
     * apart; {@code \n} starts a new line. Breaks between any two characters (Japanese has no spaces), keeping
     * 行頭禁則 characters (、。」ー etc.) at the end of the previous line, where they may hang past the width.
     *
     * @return the baseline y (mm) where a following line would go
     */
    public float paragraph(String text, float xMm, float yMm, float widthMm, float sizePt, float leading) {
        float y = yMm; // wrap checks the glyphs before anything is drawn
        float step = sizePt * leading / POINTS_PER_MM;
        for (String line : wrap(text, widthMm, sizePt)) {
            show(line, xMm, y, sizePt);
            y += step;
        }
        return y;
    }

    /** The lines {@link #paragraph} would draw. */
    public List<String> wrap(String text, float widthMm, float sizePt) {
        MissingGlyphs.require(font, text);
        float limit = mm(widthMm);
        List<String> lines = new ArrayList<>();
        for (String hardLine : text.split("\r?\n", -1)) {
            StringBuilder current = new StringBuilder();
            int[] cps = hardLine.codePoints().toArray();
            for (int cp : cps) {
                String ch = Character.toString(cp);
                boolean fits = widthPt(current + ch, sizePt) <= limit;
                if (!fits && !current.isEmpty() && NO_LINE_START.indexOf(cp) < 0) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                current.appendCodePoint(cp);
            }
            lines.add(current.toString());
        }
        return lines;
    }

    private void show(String text, float xMm, float yMm, float sizePt) {
        try {
            content.beginText();
            content.setFont(font, sizePt);
            content.newLineAtOffset(mm(xMm), pageHeight - mm(yMm));
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float widthPt(String text, float sizePt) {
        try {
            return font.getStringWidth(text) / 1000f * sizePt;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            content.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
