package jp.madoguchi.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MissingGlyphsTest {

    private PDDocument doc;
    private PDType0Font font;

    @BeforeEach
    void embed() {
        doc = new PDDocument();
        font = JapaneseFonts.bundled().embedIn(doc);
    }

    @AfterEach
    void close() throws IOException {
        doc.close();
    }

    @Test
    void ordinaryJapaneseTextHasNoMissingGlyph() {
        assertThat(MissingGlyphs.check(font, "住民票の写し　髙橋 﨑 令和8年\n窓口町１－２－３ ＡＢＣ abc ｱｲｳ ①㈱")).isEmpty();
    }

    @Test
    void surrogatePairCharactersTheFontHasAreDrawable() {
        // 𠮷 U+20BB7 (つちよし) is in Adobe-Japan1 and so in Noto Sans JP; a surrogate pair in Java
        assertThat(MissingGlyphs.check(font, "𠮷野家")).isEmpty();
    }

    @Test
    void aCharacterTheFontLacksIsReportedWithItsPosition() {
        // U+2A6A5 (CJK Extension B, 4 × 龍) and U+1F600 (emoji) are not in Noto Sans JP
        List<MissingGlyphs.MissingGlyph> missing = MissingGlyphs.check(font, "山田\uD869\uDEA5子 😀");

        assertThat(missing).extracting(MissingGlyphs.MissingGlyph::codePoints).containsExactly("U+2A6A5", "U+1F600");
        assertThat(missing).extracting(MissingGlyphs.MissingGlyph::index).containsExactly(2, 5);
        assertThat(missing.get(0).describe()).isEqualTo("「\uD869\uDEA5」(U+2A6A5、3文字目)");
    }

    @Test
    void anIdeographicVariationSequenceTheFontDoesNotDefineIsReportedWholeNotPrintedAsItsBaseForm() {
        // 葛 U+845B + VS256 U+E01EF: no font defines it, so it must not print plain 葛
        String undefinedVariant = "葛\uDB40\uDDEF城市";
        List<MissingGlyphs.MissingGlyph> missing = MissingGlyphs.check(font, undefinedVariant);

        assertThat(missing).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("葛\uDB40\uDDEF");
            assertThat(m.codePoints()).isEqualTo("U+845B U+E01EF");
            assertThat(m.index()).isZero();
        });
        assertThat(MissingGlyphs.check(font, "葛城市")).isEmpty();
    }

    @Test
    void aSequenceTheFontsFormat14CmapDefinesIsDrawable() {
        // 葛󠄀 = 葛 U+845B + VS17 U+E0100 (Adobe-Japan1 collection): Noto Sans JP maps it to a glyph of its own
        assertThat(MissingGlyphs.check(font, "葛\uDB40\uDD00城市")).isEmpty();
        // a lone selector is never drawable
        assertThat(MissingGlyphs.check(font, "\uDB40\uDD00")).hasSize(1);
    }

    @Test
    void drawingTextWithAMissingGlyphFailsBeforeAnythingIsDrawn() {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PdfText text = PdfText.open(doc, page, font)) {
            assertThatThrownBy(() -> text.line("氏名 \uD869\uDEA5", 20, 20, 12))
                    .isInstanceOf(MissingGlyphException.class)
                    .hasMessageContaining("NotoSansJP-Regular")
                    .hasMessageContaining("U+2A6A5")
                    .satisfies(e -> assertThat(((MissingGlyphException) e).missing()).hasSize(1));
        }
    }
}
