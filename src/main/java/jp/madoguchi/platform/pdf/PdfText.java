package jp.madoguchi.platform.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdmodel.common.PDStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

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

    private final PDDocument document;
    private final PDPage page;
    private final PDPageContentStream content;
    private final PDFont font;
    private final float pageHeight;

    private PdfText(PDDocument document, PDPage page, PDPageContentStream content, PDFont font, float pageHeight) {
        this.document = document;
        this.page = page;
        this.content = content;
        this.font = font;
        this.pageHeight = pageHeight;
    }

    /** Opens a writer appending to {@code page}'s content (the page must already belong to {@code document}). */
    public static PdfText open(PDDocument document, PDPage page, PDFont font) {
        try {
            PDPageContentStream content =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true);
            return new PdfText(document, page, content, font, page.getMediaBox().getHeight());
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
            for (int k = 0; k < cps.length; k++) {
                int cp = cps[k];
                int end = k + 1;
                while (end < cps.length && MissingGlyphs.isVariationSelector(cps[end])) {
                    end++; // a variation sequence is one character: never split from its base
                }
                String ch = new String(cps, k, end - k);
                k = end - 1;
                boolean fits = widthPt(current + ch, sizePt) <= limit;
                if (!fits && !current.isEmpty() && NO_LINE_START.indexOf(cp) < 0) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                current.append(ch);
            }
            lines.add(current.toString());
        }
        return lines;
    }

    private void show(String text, float xMm, float yMm, float sizePt) {
        try {
            float x = mm(xMm);
            float y = pageHeight - mm(yMm);
            List<Run> runs = runs(text);
            if (runs.stream().anyMatch(run -> run.glyph() >= 0)) {
                showWithVariationGlyphs(runs, x, y, sizePt);
                return;
            }
            content.beginText();
            content.setFont(font, sizePt);
            content.newLineAtOffset(x, y);
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Shows a line holding variation glyphs (which no Unicode cmap reaches) as one text object in a small content
     * stream of its own, appended to the page — PDFBox's content stream can only show text through the font's
     * Unicode cmap. The line stays one string of codes, so text extraction keeps it whole.
     */
    private void showWithVariationGlyphs(List<Run> runs, float x, float y, float sizePt) throws IOException {
        PDType0Font type0 = (PDType0Font) font;
        // Registers the font for subsetting at save (PDFBox does so in setFont; Tf is allowed outside a text object).
        content.setFont(font, sizePt);
        java.io.ByteArrayOutputStream codes = new java.io.ByteArrayOutputStream();
        for (Run run : runs) {
            if (run.glyph() >= 0) {
                codes.write(type0.encodeGlyphId(run.glyph()));
            } else {
                run.text().codePoints().forEach(type0::addToSubset);
                codes.write(type0.encode(run.text()));
            }
        }
        COSName name = page.getResources().add(type0);
        PDStream stream = new PDStream(document);
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(String.format(Locale.ROOT, "q BT /%s %.3f Tf %.3f %.3f Td ", name.getName(), sizePt, x, y)
                    .getBytes(StandardCharsets.US_ASCII));
            COSWriter.writeString(codes.toByteArray(), out);
            out.write(" Tj ET Q\n".getBytes(StandardCharsets.US_ASCII));
        }
        COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        if (contents instanceof COSArray array) {
            array.add(stream);
        } else {
            COSArray array = new COSArray();
            if (contents != null) {
                array.add(contents);
            }
            array.add(stream);
            page.getCOSObject().setItem(COSName.CONTENTS, array);
        }
    }

    private float widthPt(String text, float sizePt) {
        try {
            float width = 0;
            for (Run run : runs(text)) {
                width += run.glyph() >= 0 ? font.getWidthFromFont(run.glyph()) : font.getStringWidth(run.text());
            }
            return width / 1000f * sizePt;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text to show as is, or one variation glyph ({@code glyph} ≥ 0) selected through the font's format-14 cmap. */
    private record Run(String text, int glyph) {
    }

    /**
     * Splits {@code text} into plain runs and variation glyphs. A default sequence (the base glyph) is shown as its
     * base character; a non-default one by glyph id, added to the font subset and to the document's ToUnicode
     * additions ({@link VariationSequences#save}).
     */
    private List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        VariationSequences sequences = VariationSequences.of(font);
        int[] cps = text.codePoints().toArray();
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            if (i + 1 < cps.length && MissingGlyphs.isVariationSelector(cps[i + 1])) {
                java.util.OptionalInt glyph = sequences.glyph(cps[i], cps[i + 1]);
                if (glyph.isPresent() && glyph.getAsInt() >= 0 && font instanceof PDType0Font type0) {
                    if (!plain.isEmpty()) {
                        runs.add(new Run(plain.toString(), -1));
                        plain.setLength(0);
                    }
                    type0.addGlyphsToSubset(java.util.Set.of(glyph.getAsInt()));
                    String sequence = new String(cps, i, 2);
                    VariationSequences.used(document, glyph.getAsInt(), sequence);
                    runs.add(new Run(sequence, glyph.getAsInt()));
                } else {
                    plain.appendCodePoint(cps[i]); // default sequence: the base glyph is the requested form
                }
                i++;
                continue;
            }
            plain.appendCodePoint(cps[i]);
        }
        if (!plain.isEmpty()) {
            runs.add(new Run(plain.toString(), -1));
        }
        return runs;
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
