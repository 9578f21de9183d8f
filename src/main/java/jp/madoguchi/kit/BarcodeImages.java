package jp.madoguchi.kit;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Renders the convenience-store barcode as a GS1-128 symbol (GS1-128 バーコード画像): Code 128 (ISO/IEC 15417) with
 * FNC1 in the first position, as the GS1 General Specifications and GS1 Japan's 標準料金代理収納ガイドライン require.
 * Code set C is used throughout for the 44 digits. Symbols are drawn by ZXing's {@code Code128Writer}; this class
 * sets the module width and quiet zones exactly.
 *
 * <p>Only the bars are drawn: the human-readable digits (HRI) are left to the document's layout (the PDF of the
 * slip), which prints {@link ConvenienceStoreBarcode#digits()} below the symbol.
 *
 * <p>Also the QR codes the platform prints and shows (ISO/IEC 18004 by ZXing's {@code QRCodeWriter}: certificate
 * verification, check-in, the counter tablet's address, the eL-QR), and any such matrix as a 1-bit image or PNG.
 */
public final class BarcodeImages {

    /** ZXing's escape for FNC1 in {@code Code128Writer} input. */
    private static final char FNC1 = '\u00f1';

    private BarcodeImages() {
    }

    /**
     * Geometry of the image, in pixels (GS1-128 symbol specification: quiet zones of at least 10 modules).
     *
     * @param moduleWidth pixels per module (X-dimension), 1–20; choose it with the printer's resolution so that
     *     the printed X-dimension meets the collection agent's specification
     * @param height bar height in pixels, 1–4000
     * @param quietZoneModules modules of white on each side, at least 10 (GS1-128) and at most 100
     */
    public record Options(int moduleWidth, int height, int quietZoneModules) {

        /**
         * Validates the geometry (GS1-128: quiet zone at least 10X).
         *
         * @throws KitFormatException if a value is out of range
         */
        public Options {
            if (moduleWidth < 1 || moduleWidth > 20) {
                throw new KitFormatException("モジュール幅は1～20ピクセルが必要です（指定値: " + moduleWidth + "）",
                        "the module width must be 1 to 20 pixels (was " + moduleWidth + ")");
            }
            if (height < 1 || height > 4000) {
                throw new KitFormatException("高さは1～4000ピクセルが必要です（指定値: " + height + "）",
                        "the height must be 1 to 4000 pixels (was " + height + ")");
            }
            if (quietZoneModules < 10 || quietZoneModules > 100) {
                throw new KitFormatException("クワイエットゾーンは10～100モジュールが必要です（GS1-128は10モジュール以上、指定値: "
                                + quietZoneModules + "）",
                        "the quiet zone must be 10 to 100 modules (GS1-128 needs at least 10; was " + quietZoneModules
                                + ")");
            }
        }

        /**
         * Module width 2 px, height 120 px, quiet zones of 10 modules (the GS1-128 minimum).
         *
         * @return the default options
         */
        public static Options defaults() {
            return new Options(2, 120, 10);
        }
    }

    /**
     * The GS1-128 symbol (FNC1 + AI 91 + data, ISO/IEC 15417 / GS1 General Specifications) as a ZXing matrix, one
     * row per pixel; {@code true} is a dark pixel.
     *
     * @param barcode the barcode
     * @param options geometry
     * @return the matrix, {@code (modules + 2 × quiet zone) × moduleWidth} pixels wide
     */
    public static BitMatrix matrix(ConvenienceStoreBarcode barcode, Options options) {
        Objects.requireNonNull(barcode, "barcode");
        Objects.requireNonNull(options, "options");
        boolean[] modules = new Code128Writer().encode(FNC1 + barcode.digits());
        int m = options.moduleWidth();
        int width = (modules.length + 2 * options.quietZoneModules()) * m;
        BitMatrix matrix = new BitMatrix(width, options.height());
        int x = options.quietZoneModules() * m;
        for (boolean dark : modules) {
            if (dark) {
                matrix.setRegion(x, 0, m, options.height());
            }
            x += m;
        }
        return matrix;
    }

    /**
     * The GS1-128 symbol (GS1 General Specifications, 標準料金代理収納ガイドライン) as a black-and-white PNG, without
     * human-readable digits.
     *
     * @param barcode the barcode
     * @param options geometry
     * @return the PNG file's bytes
     */
    public static byte[] png(ConvenienceStoreBarcode barcode, Options options) {
        return png(matrix(barcode, options));
    }

    /**
     * A QR code (ISO/IEC 18004) of {@code content}, UTF-8, error correction level M, one module per cell.
     *
     * @param quietZone the quiet zone in modules (the standard asks for 4)
     */
    public static BitMatrix qr(String content, int quietZone) {
        Objects.requireNonNull(content, "content");
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, quietZone,
                    EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR コードにできない内容です（" + content.length() + "文字）", e);
        }
    }

    /** A matrix as a black-and-white image, one pixel per module (a PDF scales it where it is drawn). */
    public static BufferedImage image(BitMatrix matrix) {
        return image(matrix, 1);
    }

    /** A matrix as a black-and-white image, {@code scale} × {@code scale} pixels per module. */
    public static BufferedImage image(BitMatrix matrix, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1: " + scale);
        }
        BufferedImage image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
                BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }

    /** A matrix as a black-and-white PNG, one pixel per module. */
    public static byte[] png(BitMatrix matrix) {
        return png(matrix, 1);
    }

    /** A matrix as a black-and-white PNG, {@code scale} × {@code scale} pixels per module (for screens). */
    public static byte[] png(BitMatrix matrix, int scale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image(matrix, scale), "png", out)) {
                throw new IllegalStateException("no PNG writer available in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
