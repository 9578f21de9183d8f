package jp.madoguchi.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.Tika;

/**
 * Checks an upload by its content, never by its name: the type is detected from the bytes (Apache Tika's magic
 * numbers), must be one the field accepts, and the file must really open (a PDF parses, an image decodes). Limited
 * in size.
 */
final class AttachmentCheck {

    static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final Tika TIKA = new Tika();
    private static final Map<String, String> KINDS = Map.of("application/pdf", "pdf", "image/png", "png",
            "image/jpeg", "jpeg");

    private AttachmentCheck() {
    }

    /** The media type of {@code content} when it is acceptable as one of {@code accept} (pdf, png, jpeg). */
    static String check(byte[] content, java.util.List<String> accept) {
        if (content.length == 0) {
            throw new AttachmentException("ファイルが空です");
        }
        if (content.length > MAX_BYTES) {
            throw new AttachmentException("ファイルが大きすぎます（" + String.format("%.1f", content.length / 1024.0 / 1024.0)
                    + "MB）。10MBまでにしてください");
        }
        String type = TIKA.detect(content);
        String kind = KINDS.get(type);
        if (kind == null || !accept.contains(kind)) {
            throw new AttachmentException("このファイルの形式は添付できません（" + acceptLabel(accept)
                    + "のファイルにしてください。ファイル名ではなく中身で判定しています）");
        }
        if (kind.equals("pdf")) {
            try (PDDocument doc = Loader.loadPDF(content)) {
                if (doc.getNumberOfPages() == 0) {
                    throw new AttachmentException("PDFにページがありません");
                }
                if (doc.isEncrypted()) {
                    throw new AttachmentException("パスワードで保護されたPDFは添付できません");
                }
            } catch (IOException e) {
                throw new AttachmentException("PDFファイルが壊れているため読めません");
            }
        } else {
            try {
                if (ImageIO.read(new ByteArrayInputStream(content)) == null) {
                    throw new AttachmentException("画像ファイルが壊れているため読めません");
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof AttachmentException a) {
                    throw a;
                }
                throw new AttachmentException("画像ファイルが壊れているため読めません");
            }
        }
        return type;
    }

    static String acceptLabel(java.util.List<String> accept) {
        return String.join("・", accept.stream().map(k -> k.toUpperCase(java.util.Locale.ROOT)).toList());
    }
}
