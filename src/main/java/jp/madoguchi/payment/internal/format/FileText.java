package jp.madoguchi.payment.internal.format;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading the text of an uploaded file: which character set it is in, and its lines as byte ranges, each decoded
 * strictly so that a byte sequence that is not valid in the character set is reported on its line, never replaced.
 */
public final class FileText {

    /** CP932 (Windows-31J): what "Shift_JIS" means in practice for Japanese agents' and banks' files. */
    public static final Charset CP932 = Charset.forName("windows-31j");

    private FileText() {
    }

    /** One line: its 1-based number and its bytes {@code [start, end)} without the line break. */
    public record Line(int number, int start, int end) {
        public int length() {
            return end - start;
        }
    }

    /** Whether the file starts with the UTF-8 byte order mark. */
    public static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    /**
     * Whether the file has bytes above 0x7F and all of them form valid UTF-8 (then it is UTF-8, not CP932). A file
     * with a UTF-8 BOM always qualifies (the BOM is itself such a sequence).
     */
    public static boolean looksLikeUtf8(byte[] bytes) {
        boolean nonAscii = false;
        for (byte b : bytes) {
            if (b < 0) {
                nonAscii = true;
                break;
            }
        }
        if (!nonAscii) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** UTF-8 when the file has a BOM or is valid UTF-8 with non-ASCII bytes; otherwise CP932. */
    public static Charset detect(byte[] bytes) {
        return looksLikeUtf8(bytes) ? StandardCharsets.UTF_8 : CP932;
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
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
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
        return charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "Shift_JIS（CP932）";
    }
}
