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
     * Where one line of a file stands in its bytes.
     *
     * @param number the line number, from 1
     * @param start the offset of its first byte
     * @param end the offset just after its last byte, without the CR/LF
     * @param next the offset just after its line break (the next line's start, or the file's length)
     */
    public record Span(int number, int start, int end, int next) {

        /** The line's length in bytes, without the line break. */
        public int length() {
            return end - start;
        }
    }

    /**
     * Splits a file into lines at LF (a CR before it is not part of the line), after a UTF-8 byte order mark if there
     * is one; a final line break does not make an empty last line. Nothing is decoded: a large file's lines are
     * decoded one at a time with {@link #decode}.
     *
     * @param bytes the file
     * @return the lines in order
     */
    public static java.util.List<Span> spans(byte[] bytes) {
        java.util.List<Span> spans = new java.util.ArrayList<>(Math.max(16, bytes.length / 100));
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        int number = 1;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                spans.add(new Span(number++, start, end, i + 1));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            spans.add(new Span(number, start, bytes.length, bytes.length));
        }
        return spans;
    }

    /**
     * Decodes one line strictly.
     *
     * @param decoder a {@link #strictDecoder} (reset here before use)
     * @return the text, or {@code null} when the bytes are not valid in the decoder's character set — so that a caller
     *         can say which line cannot be read instead of letting a U+FFFD slip through
     */
    public static String decode(CharsetDecoder decoder, byte[] bytes, Span span) {
        decoder.reset();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(bytes, span.start(), span.length())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * One line of a text file as bytes and as text.
     *
     * @param number the line number, from 1
     * @param start the offset of its first byte in the file
     * @param next the offset just after its line break (the next line's start, or the file's length)
     * @param text the line without its CR/LF, or {@code null} when its bytes are not valid in the character set
     */
    public record Line(int number, int start, int next, String text) {
    }

    /**
     * {@link #spans} with each line decoded strictly ({@link #decode}), for files small enough to hold as text.
     *
     * @param bytes the file
     * @param charset its character set
     * @return the lines in order; an undecodable line has {@code text == null}
     */
    public static java.util.List<Line> lines(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = strictDecoder(charset);
        return spans(bytes).stream()
                .map(s -> new Line(s.number(), s.start(), s.next(), decode(decoder, bytes, s)))
                .toList();
    }

    /**
     * The first character of {@code text} that {@code charset} cannot hold, written for a message: 「髙」(U+9AD9).
     *
     * @param text the text to be written
     * @param charset the character set it is to be written in (CP932 for older office software)
     * @return the character and its code point, or empty when the whole text can be written
     */
    public static java.util.Optional<String> firstUnencodable(String text, Charset charset) {
        java.nio.charset.CharsetEncoder encoder = charset.newEncoder();
        return text.codePoints().filter(cp -> !encoder.canEncode(Character.toString(cp))).findFirst()
                .stream().mapToObj(cp -> "「" + Character.toString(cp) + "」(U+" + String.format("%04X", cp) + ")")
                .findFirst();
    }
}
