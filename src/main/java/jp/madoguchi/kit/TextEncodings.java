package jp.madoguchi.kit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * 文字コード — the character sets of files that Japanese offices exchange: UTF-8 (with or without BOM) and CP932
 * (Windows-31J, what "Shift_JIS" means in Japanese office software, agents' and banks' files), telling them apart and
 * decoding strictly (a byte sequence invalid in the character set raises an error, never becomes U+FFFD).
 *
 * <p>Follows RFC 3629 (UTF-8, byte order mark EF BB BF) and the Windows-31J mapping of JIS X 0208 with the NEC and IBM
 * extensions as the JDK defines it.
 */
public final class TextEncodings {

    /** CP932 (Windows-31J). */
    public static final Charset CP932 = Charset.forName("windows-31j");

    private TextEncodings() {
    }

    /**
     * Whether the bytes start with the UTF-8 byte order mark.
     *
     * @param bytes the file
     * @return true for EF BB BF at the start
     */
    public static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    /**
     * Whether the bytes have some byte above 0x7F and all of them form valid UTF-8 (then the file is UTF-8: a CP932
     * file with Japanese text is practically never valid UTF-8). A file with a UTF-8 BOM always qualifies (the BOM is
     * itself such a sequence); a pure ASCII file does not.
     *
     * @param bytes the file
     * @return true when the file is evidently UTF-8
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
            strictDecoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * The character set of a file: UTF-8 when it {@linkplain #looksLikeUtf8 looks like UTF-8}, otherwise CP932 (which
     * also reads pure ASCII).
     *
     * @param bytes the file
     * @return {@link StandardCharsets#UTF_8} or {@link #CP932}
     */
    public static Charset detect(byte[] bytes) {
        return looksLikeUtf8(bytes) ? StandardCharsets.UTF_8 : CP932;
    }

    /**
     * A strict decoder: malformed or unmappable bytes raise {@link CharacterCodingException} instead of becoming
     * U+FFFD.
     *
     * @param charset the character set
     * @return a new decoder (decoders are not thread-safe; {@code reset()} between uses)
     */
    public static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * The name of a character set for Japanese messages: 「UTF-8」 or 「Shift_JIS（CP932）」.
     *
     * @param charset UTF-8 or CP932
     * @return the name
     */
    public static String japaneseName(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "Shift_JIS（CP932）";
    }

    /**
     * One line of a text file as bytes and as text.
     *
     * @param number the line number, from 1
     * @param start the offset of its first byte in the file
     * @param next the offset just after its line break (the next line's start, or the file's length)
     * @param text the line without its CR/LF, or {@code null} when its bytes are not valid in the character set (so
     *             that a caller can say which line cannot be read, instead of a U+FFFD slipping through)
     */
    public record Line(int number, int start, int next, String text) {
    }

    /**
     * Splits a file into lines (LF or CRLF) and decodes each strictly on its own, after a UTF-8 byte order mark if
     * there is one.
     *
     * @param bytes the file
     * @param charset its character set
     * @return the lines in order; an undecodable line has {@code text == null}
     */
    public static java.util.List<Line> lines(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = strictDecoder(charset);
        java.util.List<Line> lines = new java.util.ArrayList<>();
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        int number = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            String text;
            try {
                decoder.reset();
                text = decoder.decode(java.nio.ByteBuffer.wrap(bytes, start, stop - start)).toString();
            } catch (CharacterCodingException e) {
                text = null;
            }
            int next = Math.min(end + 1, bytes.length);
            lines.add(new Line(++number, start, next, text));
            start = end + 1;
        }
        return lines;
    }
}
