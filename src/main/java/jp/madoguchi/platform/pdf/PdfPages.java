package jp.madoguchi.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A simple A4 document written top to bottom — a title, headings, wrapped paragraphs and label/value pairs — with a
 * new page whenever the next block does not fit. For printouts whose layout is a list rather than a form (a case's
 * submitted values, the おくやみ take-home guide). Text with a glyph the font lacks is refused by {@link PdfText}.
 */
public final class PdfPages {

    private static final float LEFT = 20;
    private static final float WIDTH = 170;
    private static final float TOP = 275;
    private static final float BOTTOM = 20;
    private static final float LABEL_WIDTH = 60;

    private final PDDocument doc = new PDDocument();
    private final PDFont font;
    private PdfText text;
    private float y;

    public PdfPages(JapaneseFonts fonts) {
        this.font = fonts.embedIn(doc);
        newPage();
    }

    private void newPage() {
        if (text != null) {
            text.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        text = PdfText.open(doc, page, font);
        y = TOP;
    }

    private void room(float mm) {
        if (y - mm < BOTTOM) {
            newPage();
        }
    }

    /** The document's title, 16 pt; also its title in the PDF's information. */
    public PdfPages title(String s) {
        room(12);
        text.line(s, LEFT, y, 16);
        y -= 10;
        if (doc.getDocumentInformation().getTitle() == null) {
            doc.getDocumentInformation().setTitle(s);
        }
        return this;
    }

    /** A section heading, 12 pt. */
    public PdfPages heading(String s) {
        room(10);
        text.line(s, LEFT, y, 12);
        y -= 7;
        return this;
    }

    /** A wrapped paragraph across the page width. */
    public PdfPages text(String s, float sizePt) {
        room(8);
        y = text.paragraph(s, LEFT, y, WIDTH, sizePt, 1.5f);
        return this;
    }

    /** A label (9 pt, left column) and its value (10 pt), each wrapped in its column. */
    public PdfPages pair(String label, String value) {
        room(8);
        float afterLabel = text.paragraph(label, LEFT, y, LABEL_WIDTH, 9, 1.4f);
        float afterValue = text.paragraph(value, LEFT + LABEL_WIDTH + 2, y, WIDTH - LABEL_WIDTH - 2, 10, 1.4f);
        y = Math.min(afterLabel, afterValue) - 1;
        return this;
    }

    /** A little vertical space. */
    public PdfPages gap() {
        y -= 4;
        return this;
    }

    /** The PDF's bytes; the document is closed. */
    public byte[] finish() {
        try (doc) {
            text.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
