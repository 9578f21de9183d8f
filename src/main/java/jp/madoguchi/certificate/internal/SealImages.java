package jp.madoguchi.certificate.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import jp.madoguchi.certificate.SealRegistry.SealException;

/**
 * Checks a seal impression by its content, not its name: PNG or JPEG by magic number, decodable, 100–3000 pixels a
 * side, at most 2 MB.
 */
final class SealImages {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    private SealImages() {
    }

    /** The MIME type of a valid image, or throws {@link SealException} saying what is wrong. */
    static String check(byte[] image) {
        if (image == null || image.length == 0) {
            throw new SealException("image", "印影の画像ファイルを選んでください。");
        }
        if (image.length > MAX_BYTES) {
            throw new SealException("image", "印影の画像が大きすぎます（" + image.length / 1024 + " KB、上限 2,048 KB）。");
        }
        String type;
        if (image.length > 8 && (image[0] & 0xFF) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') {
            type = "image/png";
        } else if (image.length > 3 && (image[0] & 0xFF) == 0xFF && (image[1] & 0xFF) == 0xD8
                && (image[2] & 0xFF) == 0xFF) {
            type = "image/jpeg";
        } else {
            throw new SealException("image", "印影の画像は PNG または JPEG にしてください（ファイルの内容が画像ではありません）。");
        }
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException | RuntimeException e) {
            decoded = null;
        }
        if (decoded == null) {
            throw new SealException("image", "印影の画像を読み取れません（壊れているか、対応していない形式です）。");
        }
        if (decoded.getWidth() < 100 || decoded.getHeight() < 100 || decoded.getWidth() > 3000
                || decoded.getHeight() > 3000) {
            throw new SealException("image", "印影の画像は縦横100～3000ピクセルにしてください（この画像: " + decoded.getWidth()
                    + "×" + decoded.getHeight() + "）。");
        }
        return type;
    }
}
