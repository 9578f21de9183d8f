package jp.madoguchi.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.madoguchi.payment.ElQrPayloadEncoder;
import jp.madoguchi.payment.Fund;
import jp.madoguchi.payment.Installment;
import jp.madoguchi.payment.InstallmentState;
import jp.madoguchi.payment.PaymentNumber;
import jp.madoguchi.platform.pdf.JapaneseFonts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The slip layout without Spring: the eL-QR is drawn only with an {@link ElQrPayloadEncoder} (here a test encoder
 * with a made-up payload — no layout ships), a 休日 due date gets its note, and 年度 are written in 和暦.
 */
class SlipRendererTest {

    static final Fund FUND = new Fund("kaigo", "介護保険料", "02", Optional.empty(), Optional.empty(),
            Optional.empty());

    static Installment installment() {
        return new Installment(1, 1, "kaigo", 2026, "A-1", "0000000019", 2, LocalDate.of(2026, 8, 16),
                LocalDate.of(2026, 8, 17), 3_000, PaymentNumber.ofBase("000000000000001"), "1234",
                Optional.of(new Installment.ELNumber("11111", "2222222222", "333333", "4444")), InstallmentState.UNPAID,
                0, 0, Optional.empty(), false);
    }

    private static BufferedImage render(Optional<ElQrPayloadEncoder> encoder, StringBuilder text) throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            new SlipRenderer(encoder).addPage(doc, JapaneseFonts.bundled().embedIn(doc),
                    new SlipRenderer.SlipData(installment(), FUND, "長野県窓口町"));
            pdf = SlipRenderer.save(doc);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text.append(new PDFTextStripper().getText(doc));
            return new PDFRenderer(doc).renderImageWithDPI(0, 200, ImageType.GRAY);
        }
    }

    private static String decodeQr(BufferedImage page) throws NotFoundException {
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
                page))), Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    @Test
    void theELQrIsPrintedOnlyWhenAnEncoderIsConfigured() throws Exception {
        StringBuilder without = new StringBuilder();
        BufferedImage plain = render(Optional.empty(), without);
        assertThat(without).contains("令和8年度 介護保険料 納付書 第2期", "2222222222", "令和8年8月16日",
                "令和8年8月17日 までに");
        assertThat(without).doesNotContain("ペイジー", "コンビニエンスストア");
        assertThatThrownBy(() -> decodeQr(plain)).isInstanceOf(NotFoundException.class);

        ElQrPayloadEncoder test = (i, f) -> "TEST-ONLY:" + i.eLNumber().orElseThrow().caseKey();
        BufferedImage withQr = render(Optional.of(test), new StringBuilder());
        assertThat(decodeQr(withQr)).isEqualTo("TEST-ONLY:2222222222");
    }

    @Test
    void fiscalYearsInWareki() {
        assertThat(SlipRenderer.fiscalYear(2019)).isEqualTo("令和元年度");
        assertThat(SlipRenderer.fiscalYear(2026)).isEqualTo("令和8年度");
        assertThat(SlipRenderer.fiscalYear(2018)).isEqualTo("平成30年度");
    }
}
