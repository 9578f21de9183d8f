package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.oned.Code128Writer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BarcodeImagesTest {

    private static final ConvenienceStoreBarcode BARCODE = ConvenienceStoreBarcodeTest.SAMPLE_FIELDS;

    private static Result decode(BufferedImage image, boolean assumeGs1) throws NotFoundException {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        if (assumeGs1) {
            hints.put(DecodeHintType.ASSUME_GS1, Boolean.TRUE);
        }
        return new MultiFormatReader().decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), hints);
    }

    @Test
    void aQrCodeAsAScaledPngDecodesToItsContentWithItsQuietZone() throws Exception {
        String content = "https://madoguchi.example.jp/verify?m=205991&code=ABCD-EFGH-2345";
        BitMatrix qr = BarcodeImages.qr(content, 4);
        assertThat(qr.get(0, 0)).isFalse();
        assertThat(qr.get(3, 3)).isFalse();
        assertThat(qr.get(4, 4)).isTrue(); // the finder pattern starts after the 4-module quiet zone
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(BarcodeImages.png(qr, 3)));
        assertThat(image.getWidth()).isEqualTo(qr.getWidth() * 3);
        Result decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.POSSIBLE_FORMATS,
                        List.of(BarcodeFormat.QR_CODE)));
        assertThat(decoded.getText()).isEqualTo(content);
        assertThatThrownBy(() -> BarcodeImages.image(qr, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pngDecodesToTheSame44DigitsWithFnc1() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                BarcodeImages.png(BARCODE, BarcodeImages.Options.defaults())));
        Result result = decode(image, false);
        assertThat(result.getBarcodeFormat()).isEqualTo(BarcodeFormat.CODE_128);
        assertThat(result.getText()).isEqualTo(BARCODE.digits());
        assertThat(result.getResultMetadata()).containsEntry(ResultMetadataType.SYMBOLOGY_IDENTIFIER, "]C1");
        assertThat(decode(image, true).getText()).isEqualTo("]C1" + BARCODE.digits());
        assertThat(ConvenienceStoreBarcode.parse(result.getText())).isEqualTo(BARCODE);
    }

    @Test
    void roundTripsOtherBarcodesAndModuleWidths() throws Exception {
        ConvenienceStoreBarcode other = new ConvenienceStoreBarcode("987654", "123456789012345678901", 3,
                Optional.empty(), 1, 999_999);
        for (int moduleWidth = 1; moduleWidth <= 3; moduleWidth++) {
            BitMatrix matrix = BarcodeImages.matrix(other, new BarcodeImages.Options(moduleWidth, 60, 10));
            Result result = decode(MatrixToImageWriter.toBufferedImage(matrix), false);
            assertThat(result.getText()).isEqualTo(other.digits());
            assertThat(result.getResultMetadata()).containsEntry(ResultMetadataType.SYMBOLOGY_IDENTIFIER, "]C1");
        }
    }

    @Test
    void plainCode128WithoutFnc1IsDistinguishable() throws Exception {
        // the check above can fail: a symbol without FNC1 reports ]C0
        boolean[] modules = new Code128Writer().encode(BARCODE.digits());
        BitMatrix matrix = new BitMatrix((modules.length + 20) * 2, 60);
        for (int i = 0; i < modules.length; i++) {
            if (modules[i]) {
                matrix.setRegion((i + 10) * 2, 0, 2, 60);
            }
        }
        Result result = decode(MatrixToImageWriter.toBufferedImage(matrix), false);
        assertThat(result.getResultMetadata()).containsEntry(ResultMetadataType.SYMBOLOGY_IDENTIFIER, "]C0");
    }

    @Test
    void geometryIsExact() {
        // start C + FNC1 + 22 code-C pairs + check symbol = 25 × 11 modules, stop = 13 modules
        int modules = 25 * 11 + 13;
        BitMatrix matrix = BarcodeImages.matrix(BARCODE, new BarcodeImages.Options(3, 50, 12));
        assertThat(matrix.getWidth()).isEqualTo((modules + 24) * 3);
        assertThat(matrix.getHeight()).isEqualTo(50);
        for (int x = 0; x < 12 * 3; x++) {
            assertThat(matrix.get(x, 0)).isFalse();
            assertThat(matrix.get(matrix.getWidth() - 1 - x, 49)).isFalse();
        }
        assertThat(matrix.get(12 * 3, 0)).isTrue(); // the start character begins with a bar
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> new BarcodeImages.Options(0, 50, 10)).isInstanceOf(KitFormatException.class)
                .hasMessageContaining("module width");
        assertThatThrownBy(() -> new BarcodeImages.Options(2, 0, 10)).isInstanceOf(KitFormatException.class);
        assertThatThrownBy(() -> new BarcodeImages.Options(2, 50, 9)).isInstanceOf(KitFormatException.class)
                .hasMessageContaining("at least 10");
    }

    @Test
    void pngIsAPng() throws IOException {
        byte[] png = BarcodeImages.png(BARCODE, BarcodeImages.Options.defaults());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo((288 + 20) * 2);
        assertThat(LocalDate.of(2026, 3, 31)).isEqualTo(BARCODE.paymentDeadline().orElseThrow());
    }
}
