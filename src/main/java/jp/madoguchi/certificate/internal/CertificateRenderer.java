package jp.madoguchi.certificate.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.kit.BarcodeImages;
import jp.madoguchi.platform.pdf.JapaneseFonts;
import jp.madoguchi.platform.pdf.PdfText;
import jp.madoguchi.platform.pdf.VariationSequences;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays out a certificate on A4 portrait pages with the shared PDF layer ({@link PdfText}: positions in mm from the
 * top-left, baseline y). Per page: 発行番号 (top right), the title, the header fields, person blocks in ruled boxes,
 * and at the foot the 認証文, the 和暦 issue date, the certification line with the municipality's seal square, and the
 * QR code with the verification code and the address of the verification page. A household that does not fit
 * continues on the next page (「（続き）」); each page carries its number 「1 / 2」.
 */
final class CertificateRenderer {

    /** Document-information key carrying the 団体コード (read back by verification). */
    static final String MUNICIPALITY_KEY = "MadoguchiMunicipality";

    static final String CODE_LABEL = "検証コード";
    static final String VERIFY_NOTE = "このコードまたはQRコードで、発行された証明書の内容と有効性を確認できます。";
    static final String SIGNATURE_NOTE = "この証明書には電子署名（公印に代わるもの）が付されています。";
    static final String CONTINUED = "（続き）";
    static final String SEAL_LABEL = "登録印影";
    static final List<String> FIXED_TEXTS = List.of(CODE_LABEL, VERIFY_NOTE, SIGNATURE_NOTE, CONTINUED, SEAL_LABEL,
            "発行番号", "印");

    private static final float LEFT = 20f;
    private static final float RIGHT = 190f;
    private static final float LABEL_WIDTH = 38f;
    private static final float ROW = 6.2f;
    private static final float BODY_BOTTOM = 224f;
    private static final float FOOT_TOP = 230f;
    private static final Color SEAL_RED = new Color(0xC0, 0x1E, 0x1E);

    private final JapaneseFonts fonts;
    /** Parsed fonts, each lent to one document from embedding to saving (parsing per document dominated the time). */
    private final java.util.concurrent.BlockingQueue<JapaneseFonts.Parsed> parsed =
            new java.util.concurrent.LinkedBlockingQueue<>();

    CertificateRenderer(JapaneseFonts fonts) {
        this.fonts = fonts;
    }

    /** Renders the (numbered) document; the result is not signed yet. */
    byte[] render(CertificateDocument doc) {
        JapaneseFonts.Parsed font = parsed.poll();
        if (font == null) {
            font = fonts.parse();
        }
        try {
            return render(doc, font);
        } finally {
            parsed.offer(font); // at most one per concurrent render: the pool grows to the peak concurrency
        }
    }

    private byte[] render(CertificateDocument doc, JapaneseFonts.Parsed parsedFont) {
        try (PDDocument pdf = new PDDocument()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(doc.type().title() + " " + doc.issueNumber());
            info.setAuthor(doc.municipalityName());
            info.setCreator("Madoguchi 窓口");
            info.setCustomMetadataValue(MUNICIPALITY_KEY, doc.municipalityCode());
            PDType0Font font = parsedFont.embedIn(pdf);
            PDImageXObject qr = LosslessFactory.createFromImage(pdf, qrImage(doc.verifyUrl()));
            List<List<List<CertificateDocument.Field>>> pages = paginate(doc);
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                List<float[]> boxes = new ArrayList<>();
                float sealTop = 0;
                try (PdfText text = PdfText.open(pdf, page, font)) {
                    text.lineRightAligned("発行番号 " + doc.issueNumber(), RIGHT, 14, 9);
                    String title = doc.type().title() + (p > 0 ? CONTINUED : "");
                    text.line(title, (210 - text.widthMm(title, 20)) / 2, 30, 20);
                    float y = 44;
                    if (p == 0) {
                        for (CertificateDocument.Field f : doc.header()) {
                            text.line(f.label(), LEFT + 2, y, 10);
                            text.line(f.value(), LEFT + LABEL_WIDTH, y, 11);
                            y += ROW + 1;
                        }
                        y += 2;
                        if (doc.sealImage() != null) {
                            sealTop = y;
                            text.line(SEAL_LABEL, LEFT + 2, y + 4, 10);
                            y += 52;
                        }
                    }
                    for (List<CertificateDocument.Field> person : pages.get(p)) {
                        float top = y;
                        y += 6;
                        for (int i = 0; i < person.size(); i++) {
                            CertificateDocument.Field f = person.get(i);
                            text.line(f.label(), LEFT + 3, y, 9.5f);
                            text.line(f.value(), LEFT + LABEL_WIDTH, y, i == 0 ? 13 : 10.5f);
                            y += ROW;
                        }
                        boxes.add(new float[] {top, y - ROW + 3});
                        y += 2;
                    }
                    float foot = FOOT_TOP;
                    text.paragraph(doc.type().attestation(), LEFT, foot + 4, RIGHT - LEFT, 11, 1.5f);
                    text.line(doc.issuedOnText(), LEFT + 10, foot + 13, 11);
                    text.lineRightAligned(doc.certifier(), RIGHT - 22, foot + 23, 13);
                    text.line("印", RIGHT - 13.5f, foot + 23, 12);
                    text.line(CODE_LABEL, LEFT + 30, foot + 36, 9);
                    text.line(doc.verificationCode(), LEFT + 30, foot + 43, 12);
                    text.line(doc.verifyUrl(), LEFT + 30, foot + 49, 7);
                    text.paragraph(VERIFY_NOTE + SIGNATURE_NOTE, LEFT + 30, foot + 54, RIGHT - LEFT - 30, 7.5f, 1.4f);
                    text.lineRightAligned((p + 1) + " / " + pages.size(), RIGHT, 290, 8);
                    text.line(doc.municipalityName(), LEFT, 290, 8);
                }
                float pageHeight = page.getMediaBox().getHeight();
                try (PDPageContentStream g = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND,
                        true, true)) {
                    g.setLineWidth(0.6f);
                    for (float[] box : boxes) {
                        g.addRect(PdfText.mm(LEFT), pageHeight - PdfText.mm(box[1]), PdfText.mm(RIGHT - LEFT),
                                PdfText.mm(box[1] - box[0]));
                    }
                    g.stroke();
                    // 公印 square around 「印」 (the electronic signature stands for the seal).
                    g.setStrokingColor(SEAL_RED);
                    g.setLineWidth(1.2f);
                    g.addRect(PdfText.mm(RIGHT - 19), pageHeight - PdfText.mm(FOOT_TOP + 29), PdfText.mm(18),
                            PdfText.mm(18));
                    g.stroke();
                    g.drawImage(qr, PdfText.mm(LEFT), pageHeight - PdfText.mm(FOOT_TOP + 58), PdfText.mm(26),
                            PdfText.mm(26));
                    if (doc.sealImage() != null && p == 0) {
                        PDImageXObject seal = PDImageXObject.createFromByteArray(pdf, doc.sealImage(), "seal");
                        float size = 42;
                        float x = 105 - size / 2;
                        g.setStrokingColor(Color.BLACK);
                        g.setLineWidth(0.6f);
                        g.addRect(PdfText.mm(x - 3), pageHeight - PdfText.mm(sealTop + size + 5), PdfText.mm(size + 6),
                                PdfText.mm(size + 6));
                        g.stroke();
                        float ratio = (float) seal.getHeight() / seal.getWidth();
                        float w = ratio > 1 ? size / ratio : size;
                        float h = ratio > 1 ? size : size * ratio;
                        g.drawImage(seal, PdfText.mm(105 - w / 2), pageHeight - PdfText.mm(sealTop + 2 + (size + h) / 2),
                                PdfText.mm(w), PdfText.mm(h));
                    }
                }
            }
            return VariationSequences.save(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException("証明書の PDF を作成できません", e);
        }
    }

    /** Person blocks per page: as many as fit above the foot; the first page also holds the header (and seal). */
    private static List<List<List<CertificateDocument.Field>>> paginate(CertificateDocument doc) {
        List<List<List<CertificateDocument.Field>>> pages = new ArrayList<>();
        List<List<CertificateDocument.Field>> current = new ArrayList<>();
        float y = 44 + doc.header().size() * (ROW + 1) + 2 + (doc.sealImage() != null ? 52 : 0);
        for (List<CertificateDocument.Field> person : doc.persons()) {
            float height = 6 + person.size() * ROW + 2;
            if (y + height > BODY_BOTTOM && !current.isEmpty()) {
                pages.add(current);
                current = new ArrayList<>();
                y = 44;
            }
            current.add(person);
            y += height;
        }
        pages.add(current);
        return pages;
    }

    /** The QR code (ISO/IEC 18004 by ZXing, error correction M, quiet zone 4) as a 1-bit image. */
    static BufferedImage qrImage(String content) {
        return BarcodeImages.image(BarcodeImages.qr(content, 4));
    }
}
