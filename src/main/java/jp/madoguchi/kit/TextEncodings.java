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
}
