package jp.madoguchi.payment.internal.format;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.kit.TextEncodings;

/**
 * Reading the text of an uploaded file: which character set it is in, and its lines as byte ranges, each decoded
 * strictly so that a byte sequence that is not valid in the character set is reported on its line, never replaced.
 */
public final class FileText {

    /** CP932 (Windows-31J): what "Shift_JIS" means in practice for Japanese agents' and banks' files. */
    public static final Charset CP932 = TextEncodings.CP932;

    private FileText() {
    }

    /** One line: its 1-based number and its bytes {@code [start, end)} without the line break. */
    public record Line(int number, int start, int end) {
        public int length() {
            return end - start;
        }
    }

    /** Whether the file starts with the UTF-8 byte order mark ({@link TextEncodings#hasUtf8Bom}). */
    public static boolean hasUtf8Bom(byte[] bytes) {
        return TextEncodings.hasUtf8Bom(bytes);
    }

    /** Whether the file is evidently UTF-8 ({@link TextEncodings#looksLikeUtf8}). */
    public static boolean looksLikeUtf8(byte[] bytes) {
        return TextEncodings.looksLikeUtf8(bytes);
    }

    /** UTF-8 when the file has a BOM or is valid UTF-8 with non-ASCII bytes; otherwise CP932. */
    public static Charset detect(byte[] bytes) {
        return TextEncodings.detect(bytes);
    }

    /**
     * The lines of the file, split at LF with a preceding CR removed, skipping a UTF-8 BOM; a final line break does
     * not make an empty last line.
     */
    public static List<Line> lines(byte[] bytes) {
        List<Line> lines = new ArrayList<>(Math.max(16, bytes.length / 100));
        int start = hasUtf8Bom(bytes) ? 3 : 0;
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

    /** A strict decoder: malformed or unmappable bytes raise an exception instead of becoming U+FFFD. */
    public static CharsetDecoder strictDecoder(Charset charset) {
        return TextEncodings.strictDecoder(charset);
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

    /** The Japanese name of a character set for messages. */
    public static String name(Charset charset) {
        return TextEncodings.japaneseName(charset);
    }
}
