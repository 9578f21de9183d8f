package jp.madoguchi.payment.internal;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import jp.madoguchi.kit.BarcodeImages;
import jp.madoguchi.kit.ConvenienceStoreBarcode;
import jp.madoguchi.kit.Era;
import jp.madoguchi.kit.Wareki;
import jp.madoguchi.payment.ElQrPayloadEncoder;
import jp.madoguchi.payment.Fund;
import jp.madoguchi.payment.Installment;
import jp.madoguchi.payment.PaymentNumber;
import jp.madoguchi.platform.pdf.PdfText;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays out 納付書 pages (A4 portrait) with the shared PDF layer ({@link PdfText}, one embedded Japanese font per
 * document). The barcode bars come from the kit's {@link BarcodeImages}, the 44 digits from
 * {@link ConvenienceStoreBarcode#digits()}; the eL-QR is drawn only with an {@link ElQrPayloadEncoder}.
 */
final class SlipRenderer {

    /** Printed X-dimension of the GS1-128 symbol (one module), millimetres. */
    static final float MODULE_MM = 0.25f;
    /** Printed bar height, millimetres. */
    static final float BAR_HEIGHT_MM = 13f;
    private static final int MODULE_PX = 2;
    /** The kit's geometry for the bars: height is irrelevant (the image is scaled to {@link #BAR_HEIGHT_MM}). */
    private static final BarcodeImages.Options BAR_OPTIONS = new BarcodeImages.Options(MODULE_PX, 10, 10);

    private static final float LEFT = 20f;
    private static final float RIGHT = 190f;

    /** What one page needs. */
    record SlipData(Installment installment, Fund fund, String municipalityName) {
    }

    private final Optional<ElQrPayloadEncoder> elQr;

    SlipRenderer(Optional<ElQrPayloadEncoder> elQr) {
        this.elQr = elQr;
    }

    /**
     * 「令和8年度」 for 年度 2026. The era is the one in force at the 年度's end (31 March), as official usage names
     * 年度 2019 「令和元年度」 although it began in 平成31年.
     */
    static String fiscalYear(int year) {
        Era era = Era.of(LocalDate.of(year + 1, 3, 31));
        int n = year - era.firstYear() + 1;
        return era.japaneseName() + (n == 1 ? "元" : Integer.toString(n)) + "年度";
    }

    /** The amount still owed (金額 − 納付済額). */
    static long due(Installment i) {
        return i.amount() - i.paidAmount();
    }

    /** The slip's convenience-store barcode: 支払期限 = the effective due date. */
    static Optional<ConvenienceStoreBarcode> barcode(Installment i, Fund fund) {
        return fund.companyCode().map(company -> i.paymentNumber().barcode(company, fund.fundNumber(),
                Optional.of(i.effectiveDueDate()), Math.toIntExact(due(i))));
    }

    static String title(Installment i, Fund fund) {
        return fiscalYear(i.fiscalYear()) + " " + fund.name() + " 納付書 第" + i.number() + "期";
    }

    /** Adds one A4 page for the slip to {@code document}, drawing with {@code font}. */
    void addPage(PDDocument document, PDType0Font font, SlipData data) throws IOException {
        Installment i = data.installment();
        Fund fund = data.fund();
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        float pageHeight = page.getMediaBox().getHeight();
        try (PdfText text = PdfText.open(document, page, font)) {
            text.line(title(i, fund), LEFT, 24, 16);
            text.line(data.municipalityName(), LEFT, 34, 12);
            float y = 48;
            y = row(text, "宛名番号", i.atenaNumber(), y);
            y = row(text, "科目", fund.name() + "（科目番号 " + fund.fundNumber() + "）", y);
            y = row(text, "年度・期別", fiscalYear(i.fiscalYear()) + " 第" + i.number() + "期", y);
            y = row(text, "調定番号", i.assessmentNumber(), y);
            text.line("納付金額", LEFT, y, 11);
            text.lineRightAligned(NumberFormat.getIntegerInstance(Locale.JAPAN).format(due(i)) + "円", 110, y, 14);
            y += 9;
            String dueText = Wareki.format(i.dueDate());
            y = row(text, "納期限", dueText, y);
            if (!i.effectiveDueDate().equals(i.dueDate())) {
                text.line("（納期限が休日のため " + Wareki.format(i.effectiveDueDate()) + " までに納めてください）",
                        LEFT + 35, y - 2, 9);
                y += 5;
            }
            y = row(text, "納付番号", i.paymentNumber().digits(), y);
            y += 4;

            Optional<ConvenienceStoreBarcode> barcode = barcode(i, fund);
            if (barcode.isPresent()) {
                text.line("コンビニエンスストアでのお支払い（バーコード）", LEFT, y, 10);
                y += 3;
                float barWidth = drawBarcode(document, page, pageHeight, barcode.get(), y);
                y += BAR_HEIGHT_MM + 4;
                String digits = barcode.get().digits();
                float w = text.widthMm(digits, 8);
                text.line(digits, LEFT + Math.max(0, (barWidth - w) / 2), y, 8);
                y += 10;
            }
            if (fund.payEasyInstitution().isPresent()) {
                text.line("ペイジー（Pay-easy）でのお支払い", LEFT, y, 10);
                y += 7;
                y = row(text, "収納機関番号", fund.payEasyInstitution().get(), y);
                y = row(text, "納付番号", i.paymentNumber().digits(), y);
                y = row(text, "確認番号", i.payEasyConfirmation(), y);
                y = row(text, "納付区分", PaymentNumber.payEasyCategory(fund.fundNumber()), y);
                y += 3;
            }
            if (i.eLNumber().isPresent()) {
                Installment.ELNumber el = i.eLNumber().get();
                text.line("eL番号（地方税統一QRコード・eLTAX）", LEFT, y, 10);
                float top = y;
                y += 7;
                y = row(text, "共通納税機関コード", nullToBlank(el.institutionCode()), y);
                y = row(text, "案件特定キー", nullToBlank(el.caseKey()), y);
                y = row(text, "確認番号", nullToBlank(el.confirmationNumber()), y);
                y = row(text, "税目・料金番号", nullToBlank(el.itemNumber()), y);
                if (elQr.isPresent()) {
                    drawQr(document, page, pageHeight, elQr.get().payload(i, fund), top - 3);
                }
                y += 3;
            }
            text.paragraph("この納付書は納期限までに上記の方法でお納めください。納付済みの場合は重ねてお支払いにならないよう"
                    + "ご注意ください。", LEFT, Math.max(y + 4, 250), RIGHT - LEFT, 9, 1.5f);
        }
    }

    private static String nullToBlank(String s) {
        return s == null ? "" : s;
    }

    private static float row(PdfText text, String label, String value, float y) {
        text.line(label, LEFT, y, 10);
        text.line(value, LEFT + 35, y, 11);
        return y + 7;
    }

    /** Draws the bars; returns their printed width (mm). */
    private static float drawBarcode(PDDocument document, PDPage page, float pageHeight,
            ConvenienceStoreBarcode barcode, float topMm) throws IOException {
        BitMatrix matrix = BarcodeImages.matrix(barcode, BAR_OPTIONS);
        float width = matrix.getWidth() / (float) MODULE_PX * MODULE_MM;
        PDImageXObject x = LosslessFactory.createFromImage(document, BarcodeImages.image(matrix));
        try (PDPageContentStream content = new PDPageContentStream(document, page,
                PDPageContentStream.AppendMode.APPEND, true, true)) {
            content.drawImage(x, PdfText.mm(LEFT), pageHeight - PdfText.mm(topMm + BAR_HEIGHT_MM), PdfText.mm(width),
                    PdfText.mm(BAR_HEIGHT_MM));
        }
        return width;
    }

    private static void drawQr(PDDocument document, PDPage page, float pageHeight, String payload, float topMm)
            throws IOException {
        BitMatrix matrix = BarcodeImages.qr(payload, 4);
        PDImageXObject x = LosslessFactory.createFromImage(document, BarcodeImages.image(matrix));
        float size = 30;
        try (PDPageContentStream content = new PDPageContentStream(document, page,
                PDPageContentStream.AppendMode.APPEND, true, true)) {
            content.drawImage(x, PdfText.mm(RIGHT - size), pageHeight - PdfText.mm(topMm + size), PdfText.mm(size),
                    PdfText.mm(size));
        }
    }

    static byte[] save(PDDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
