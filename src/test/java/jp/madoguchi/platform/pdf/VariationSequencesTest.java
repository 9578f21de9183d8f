package jp.madoguchi.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Ideographic variation sequences with a font whose format-14 cmap defines them (IPAmj明朝, Debian
 * fonts-ipamj-mincho; skipped where it is not installed — .ci/run installs it): the sequence is drawable, drawn with
 * the variant glyph (not the base one), and extracted back as base + selector.
 */
class VariationSequencesTest {

    /** 葛 U+845B + U+E0102: a Moji_Joho (MJ) form that IPAmj明朝 maps to a glyph of its own. */
    static final String KATSURAGI_VARIANT = "葛\uDB40\uDD02城";

    static JapaneseFonts mincho() {
        Optional<JapaneseFonts> mincho = JapaneseFonts.installedMincho();
        if (mincho.isEmpty() && System.getenv("CI") != null) {
            throw new IllegalStateException("CI needs the Debian package fonts-ipamj-mincho");
        }
        Assumptions.assumeTrue(mincho.isPresent(), "fonts-ipamj-mincho is not installed");
        return mincho.get();
    }

    @Test
    void ipamjMinchoIsFoundUnderUsrShareFontsAndDefinesVariationSequences() {
        JapaneseFonts fonts = mincho();
        assertThat(fonts.origin().kind()).isEqualTo(JapaneseFonts.Kind.INSTALLED);
        assertThat(fonts.origin().location()).endsWith("ipamjm.ttf");
        assertThat(fonts.variationSequenceCount()).isGreaterThan(10_000);
    }

    @Test
    void aDefinedSequenceIsDrawnWithItsOwnGlyphAndExtractedAsTheSequence() throws Exception {
        JapaneseFonts fonts = mincho();
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType0Font font = fonts.embedIn(doc);
            assertThat(MissingGlyphs.check(font, KATSURAGI_VARIANT)).isEmpty();
            var glyph = VariationSequences.of(font).glyph(0x845B, 0xE0102);
            assertThat(glyph).isPresent();
            byte[] base = font.encode("葛"); // Identity-H: the code is the base glyph's id
            assertThat(glyph.getAsInt()).isNotEqualTo(((base[0] & 0xFF) << 8) | (base[1] & 0xFF)); // not the base form
            try (PdfText text = PdfText.open(doc, page, font)) {
                text.line("氏名　" + KATSURAGI_VARIANT + "　花子", 20, 30, 12);
                text.paragraph("本籍　" + KATSURAGI_VARIANT + "市", 20, 40, 170, 11, 1.5f);
            }
            pdf = VariationSequences.save(doc);
        }
        assertThat(pdf.length).isLessThan(200_000); // a subset, not the 46 MB font
        try (PDDocument reread = Loader.loadPDF(pdf)) {
            assertThat(reread.getPage(0).getResources().getFont(
                    reread.getPage(0).getResources().getFontNames().iterator().next()).getName())
                    .matches("[A-Z]{6}\\+IPAmjMincho"); // embedded as a subset
            String text = new PDFTextStripper().getText(reread);
            assertThat(text).contains("氏名　" + KATSURAGI_VARIANT + "　花子", "本籍　" + KATSURAGI_VARIANT + "市");
        }
    }

    @Test
    void aSequenceTheFontDoesNotDefineIsStillMissing() {
        JapaneseFonts fonts = mincho();
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = fonts.embedIn(doc);
            // U+E01EF (VS256) is defined for no character of IPAmj明朝
            assertThat(MissingGlyphs.check(font, "葛\uDB40\uDDEF城")).singleElement()
                    .satisfies(m -> assertThat(m.codePoints()).isEqualTo("U+845B U+E01EF"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
