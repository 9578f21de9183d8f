package jp.madoguchi.reservation.internal;

import com.google.zxing.common.BitMatrix;
import jp.madoguchi.kit.BarcodeImages;
import com.google.zxing.qrcode.QRCodeWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The check-in QR code (ISO/IEC 18004, drawn by ZXing's {@link QRCodeWriter}) as an SVG data URI for an
 * {@code <img>} (the CSP allows {@code data:} images). The matrix comes from the kit's
 * {@link BarcodeImages#qr}; it is drawn here as SVG, which keeps it sharp on screens and in printed e-mails.
 */
final class QrCodes {

    private QrCodes() {
    }

    static String svgDataUri(String content) {
        BitMatrix m = BarcodeImages.qr(content, 4);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
                + path + "\" fill=\"#000\"/></svg>";
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }
}
