package jp.madoguchi.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JapaneseFontsTest {

    private static final String TITLE = "住民票の写し　髙橋 﨑 令和8年";

    @TempDir
    Path dir;

    @Test
    void bundledFontComesFromTheClasspath() {
        JapaneseFonts fonts = JapaneseFonts.bundled();

        assertThat(fonts.origin().kind()).isEqualTo(JapaneseFonts.Kind.BUNDLED);
        assertThat(fonts.origin().location()).isEqualTo("classpath:fonts/NotoSansJP-Regular.ttf");
        assertThat(fonts.origin().fontName()).isEqualTo("NotoSansJP-Regular");
        assertThat(JapaneseFonts.forSetting("").origin().kind()).isEqualTo(JapaneseFonts.Kind.BUNDLED);
    }

    @Test
    void savedPdfEmbedsASubsetOfTheFontAndKeepsTheJapaneseText() throws IOException {
        Path pdf = dir.resolve("juminhyo.pdf");
        String body = "この写しは、住民基本台帳に記録されている事項を証明するものです。".repeat(3);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType0Font font = JapaneseFonts.bundled().embedIn(doc);
            try (PdfText text = PdfText.open(doc, page, font)) {
                text.line(TITLE, 20, 25, 16);
                text.paragraph(body, 20, 40, 120, 10.5f, 1.6f);
            }
            doc.save(pdf.toFile());
        }
        long originalFontSize = Files.size(Path.of("src/main/resources/fonts/NotoSansJP-Regular.ttf"));

        try (PDDocument reopened = Loader.loadPDF(pdf.toFile())) {
            PDPage page = reopened.getPage(0);
            List<COSName> names = iterableToList(page.getResources().getFontNames());
            assertThat(names).hasSize(1);
            PDFont font = page.getResources().getFont(names.get(0));
            assertThat(font).isInstanceOf(PDType0Font.class);
            PDCIDFont descendant = ((PDType0Font) font).getDescendantFont();
            PDFontDescriptor descriptor = descendant.getFontDescriptor();
            assertThat(descriptor.getFontFile2()).as("embedded TrueType font file").isNotNull();
            // subset fonts are named with a six-capital-letter tag: ABCDEF+NotoSansJP-Regular
            assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansJP-Regular");
            assertThat(descriptor.getFontFile2().toByteArray().length)
                    .as("subset is much smaller than the whole font")
                    .isLessThan((int) (originalFontSize / 10));

            String extracted = new PDFTextStripper().getText(reopened);
            assertThat(extracted).contains(TITLE);
            assertThat(extracted.replaceAll("\\s", "")).contains(body.replaceAll("\\s", ""));
        }
        assertThat(Files.size(pdf)).isLessThan(originalFontSize / 10);

        pdffontsReportsEmbeddedSubset(pdf);
    }

    /** Optional cross-check with poppler's pdffonts, when installed. */
    private void pdffontsReportsEmbeddedSubset(Path pdf) throws IOException {
        Path pdffonts = Path.of("/usr/bin/pdffonts");
        if (!Files.isExecutable(pdffonts)) {
            return;
        }
        Process p = new ProcessBuilder(pdffonts.toString(), pdf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // name  type  encoding  emb sub uni ...
        assertThat(out).containsPattern("NotoSansJP-Regular\\s+CID TrueType\\s+Identity-H\\s+yes\\s+yes\\s+yes");
    }

    @Test
    void aConfiguredFileThatDoesNotExistIsAClearError() {
        assertThatThrownBy(() -> JapaneseFonts.forSetting(dir.resolve("nai.ttf").toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nai.ttf")
                .hasMessageContaining("見つからない");
    }

    @Test
    void aFileThatIsNotAFontIsAClearError() throws IOException {
        Path notAFont = Files.writeString(dir.resolve("font.ttf"), "これはフォントではありません");
        assertThatThrownBy(() -> JapaneseFonts.fromFile(notAFont))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TrueType フォントとして読めません");
    }

    @Test
    void installedDebianFontIsUsedWhenAskedFor() throws IOException {
        assumeTrue(JapaneseFonts.DEBIAN_FONTS.stream().anyMatch(Files::isReadable), "no Debian Japanese font here");
        JapaneseFonts fonts = JapaneseFonts.forSetting("installed");
        assertThat(fonts.origin().kind()).isEqualTo(JapaneseFonts.Kind.INSTALLED);
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = fonts.embedIn(doc);
            assertThat(MissingGlyphs.check(font, "住民票の写し 令和8年")).isEmpty();
        }
    }

    private static <T> List<T> iterableToList(Iterable<T> iterable) {
        List<T> list = new java.util.ArrayList<>();
        iterable.forEach(list::add);
        return list;
    }
}
