package jp.madoguchi.certificate.internal;

import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.platform.pdf.JapaneseFonts;
import jp.madoguchi.platform.pdf.MissingGlyphs;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The font of certificates, and the check made before anything is numbered or printed: every string of a
 * certificate is looked up in the font, and a character it lacks (incl. an IVS sequence, which PDFBox cannot select)
 * refuses the request with the character and its code point — it is never replaced.
 */
final class CertificateFont {

    private final JapaneseFonts fonts;
    private final PDDocument checkDocument = new PDDocument();
    private final PDType0Font checkFont;

    CertificateFont(JapaneseFonts fonts) {
        this.fonts = fonts;
        this.checkFont = fonts.embedIn(checkDocument);
    }

    JapaneseFonts fonts() {
        return fonts;
    }

    /** Descriptions of every character the font lacks, e.g. 「𪚥」(U+2A6A5、3文字目) in 「氏名」. */
    synchronized List<String> missing(List<String> texts) {
        List<String> problems = new ArrayList<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (MissingGlyphs.MissingGlyph m : MissingGlyphs.check(checkFont, text)) {
                problems.add(m.describe());
            }
        }
        return problems;
    }
}
