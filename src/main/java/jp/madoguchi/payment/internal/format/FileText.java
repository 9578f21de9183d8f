package jp.madoguchi.payment.internal.format;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.kit.TextEncodings;

/**
 * Reading the text of an uploaded file: which character set it is in, and its lines as byte ranges, each decoded
 * strictly so that a byte sequence that is not valid in the character set is reported on its line, never replaced.
 */
public final class FileText {


    private FileText() {
    }

    /** One line: its 1-based number and its bytes {@code [start, end)} without the line break. */
    public record Line(int number, int start, int end) {
        public int length() {
            return end - start;
        }
    }




    /**
     * The lines of the file, split at LF with a preceding CR removed, skipping a UTF-8 BOM; a final line break does
     * not make an empty last line.
     */
    public static List<Line> lines(byte[] bytes) {
        List<Line> lines = new ArrayList<>(Math.max(16, bytes.length / 100));
        int start = TextEncodings.hasUtf8Bom(bytes) ? 3 : 0;
        int number = 1;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                lines.add(new Line(number++, start, end));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(new Line(number, start, bytes.length));
        }
        return lines;
    }


    /**
     * Decodes one line strictly.
     *
     * @return the text, or null when the bytes are not valid in the decoder's character set
     */
    public static String decode(CharsetDecoder decoder, byte[] bytes, Line line) {
        decoder.reset();
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, line.start(), line.length()));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

}
