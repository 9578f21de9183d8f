package jp.madoguchi.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

class PdfTextTest {

    @Test
    void wrapsJapaneseTextWithinTheWidthKeepingLineStartRules() throws IOException {
        String text = "保育所等の利用について、次のとおり決定しましたので通知します。なお、この決定に不服がある場合は、"
                + "決定があったことを知った日の翌日から起算して三か月以内に審査請求をすることができます。\n以上";
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType0Font font = JapaneseFonts.bundled().embedIn(doc);
            try (PdfText pdf = PdfText.open(doc, page, font)) {
                float width = 60;
                List<String> lines = pdf.wrap(text, width, 10.5f);

                assertThat(String.join("", lines)).isEqualTo(text.replace("\n", ""));
                assertThat(lines).hasSizeGreaterThan(3).last().isEqualTo("以上");
                for (String line : lines) {
                    assertThat(line).doesNotStartWith("、").doesNotStartWith("。");
                    String withoutHanging = line.replaceAll("[、。]$", "");
                    assertThat(pdf.widthMm(withoutHanging, 10.5f)).isLessThanOrEqualTo(width + 0.001f);
                }
                float after = pdf.paragraph(text, 20, 40, width, 10.5f, 1.5f);
                assertThat(after).isCloseTo(40 + lines.size() * 10.5f * 1.5f / PdfText.POINTS_PER_MM,
                        org.assertj.core.data.Offset.offset(0.01f));
            }
        }
    }

    @Test
    void rightAlignedLineEndsAtTheGivenEdge() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType0Font font = JapaneseFonts.bundled().embedIn(doc);
            try (PdfText pdf = PdfText.open(doc, page, font)) {
                float left = pdf.lineRightAligned("12,345円", 190, 100, 12);
                assertThat(left + pdf.widthMm("12,345円", 12)).isCloseTo(190f, org.assertj.core.data.Offset.offset(0.001f));
                assertThat(left).isLessThan(190f);
            }
        }
    }
}
