package jp.madoguchi.card.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import jp.madoguchi.card.CardReadException;
import jp.madoguchi.card.CardSex;
import jp.madoguchi.kit.KitFormatException;
import jp.madoguchi.kit.MyNumber;
import jp.madoguchi.kit.RegisterDate;

/**
 * 券面事項入力補助AP — the My Number Card's application that hands the card's text to input forms: its identifiers
 * and the format of its files, both ways (the reader decodes, the simulator encodes, so both follow one definition).
 *
 * <p>Sources (public; docs/card.md quotes them): the AID, the EF identifiers and the VERIFY/READ BINARY sequence from
 * jpki/myna ({@code libmyna/text_ap.go}, {@code libmyna/reader.go}) and AokiApp/jsapdu
 * ({@code packages/mynacard/src/constants.ts}, {@code schema.ts}); the TLV tags from the same two (myna:
 * {@code private,tag:16} for the 個人番号, {@code private,tag:32} around {@code private,tag:33..37}; jsapdu:
 * private-class tags 0x21–0x25). What no public source confirms is marked in docs/card.md.
 */
final class InputAssistAp {

    /** The application's AID (DF name). */
    static final byte[] AID = {(byte) 0xD3, (byte) 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08};
    /** EF of the 個人番号 (protected by the PIN). */
    static final int EF_MY_NUMBER = 0x0001;
    /** EF of the 基本4情報 (protected by the PIN). */
    static final int EF_BASIC_FOUR = 0x0002;
    /** The PIN's EF (券面事項入力補助用暗証番号), referenced by VERIFY after selecting it. */
    static final int EF_PIN = 0x0011;
    /** The PIN's length: 4 digits. */
    static final int PIN_LENGTH = 4;
    /** Tries before the PIN locks (a 4-digit PIN of the card locks after 3 wrong entries). */
    static final int PIN_TRIES = 3;

    /** 個人番号: private class, tag 16, written in the multi-byte form. */
    static final int TAG_MY_NUMBER = 0xFF10;
    /** 基本4情報: the constructed object around the five below. */
    static final int TAG_BASIC_FOUR = 0xFF20;
    /** Header of the 基本4情報: 16-bit offsets (jsapdu's reading; the reader does not rely on it). */
    static final int TAG_HEADER = 0xDF21;
    /** 氏名, UTF-8. */
    static final int TAG_NAME = 0xDF22;
    /** 住所, UTF-8. */
    static final int TAG_ADDRESS = 0xDF23;
    /** 生年月日, {@code YYYYMMDD}. */
    static final int TAG_BIRTH_DATE = 0xDF24;
    /** 性別, an ISO/IEC 5218 digit. */
    static final int TAG_SEX = 0xDF25;

    /** The four facts as the card holds them, before interpretation. */
    record BasicFour(String name, String address, String birthDate, String sex) {
        @Override
        public String toString() {
            return "BasicFour[personal data withheld]";
        }
    }

    private InputAssistAp() {
    }

    // ---------------------------------------------------------------- encoding (the simulator)

    static byte[] encodeMyNumber(MyNumber number) {
        return BerTlv.encode(TAG_MY_NUMBER, number.digits().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Encodes the 基本4情報 file. The header holds the offsets of the four objects that follow, from the start of the
     * file (jsapdu reads it as 16-bit big-endian offsets; the exact meaning is not confirmed publicly).
     */
    static byte[] encodeBasicFour(BasicFour facts) {
        byte[][] fields = {
            BerTlv.encode(TAG_NAME, facts.name().getBytes(StandardCharsets.UTF_8)),
            BerTlv.encode(TAG_ADDRESS, facts.address().getBytes(StandardCharsets.UTF_8)),
            BerTlv.encode(TAG_BIRTH_DATE, facts.birthDate().getBytes(StandardCharsets.US_ASCII)),
            BerTlv.encode(TAG_SEX, facts.sex().getBytes(StandardCharsets.US_ASCII))};
        int fieldsLength = 0;
        for (byte[] f : fields) {
            fieldsLength += f.length;
        }
        int headerLength = 2 + 1 + 2 * fields.length;
        int contentLength = headerLength + fieldsLength;
        int outerHeaderLength = BerTlv.encode(TAG_BASIC_FOUR, new byte[contentLength]).length - contentLength;
        ByteBuffer offsets = ByteBuffer.allocate(2 * fields.length);
        int position = outerHeaderLength + headerLength;
        for (byte[] f : fields) {
            offsets.putShort((short) position);
            position += f.length;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream(contentLength);
        content.writeBytes(BerTlv.encode(TAG_HEADER, offsets.array()));
        for (byte[] f : fields) {
            content.writeBytes(f);
        }
        return BerTlv.encode(TAG_BASIC_FOUR, content.toByteArray());
    }

    // ---------------------------------------------------------------- decoding (the reader)

    /**
     * The 個人番号 from its EF's content.
     *
     * @throws CardReadException ({@code MALFORMED_DATA}) for any other structure or a wrong check digit
     */
    static MyNumber decodeMyNumber(byte[] file) {
        BerTlv tlv = BerTlv.read(file, 0, "個人番号");
        if (tlv.tag() != TAG_MY_NUMBER) {
            throw CardReadException.malformed(String.format("個人番号: タグ %X は想定外です", tlv.tag()));
        }
        byte[] v = tlv.value();
        if (v.length != 12) {
            throw CardReadException.malformed("個人番号: 12桁ではありません（" + v.length + "バイト）");
        }
        for (byte b : v) {
            if (b < '0' || b > '9') {
                throw CardReadException.malformed("個人番号: 数字以外が含まれています");
            }
        }
        try {
            return MyNumber.parse(new String(v, StandardCharsets.US_ASCII));
        } catch (KitFormatException e) {
            throw CardReadException.malformed("個人番号: 検査数字が正しくありません");
        }
    }

    /**
     * The 基本4情報 from its EF's content: the constructed object {@code FF20} holding {@code DF21} (header) and
     * {@code DF22}–{@code DF25} in that order.
     *
     * @throws CardReadException ({@code MALFORMED_DATA}) for any other structure or text that is not UTF-8
     */
    static BasicFour decodeBasicFour(byte[] file) {
        String what = "基本4情報";
        BerTlv outer = BerTlv.read(file, 0, what);
        if (outer.tag() != TAG_BASIC_FOUR) {
            throw CardReadException.malformed(String.format("%s: タグ %X は想定外です", what, outer.tag()));
        }
        byte[] content = outer.value();
        int[] expected = {TAG_HEADER, TAG_NAME, TAG_ADDRESS, TAG_BIRTH_DATE, TAG_SEX};
        String[] names = {"ヘッダー", "氏名", "住所", "生年月日", "性別"};
        byte[][] values = new byte[expected.length][];
        int offset = 0;
        for (int i = 0; i < expected.length; i++) {
            if (offset >= content.length) {
                throw CardReadException.malformed(what + ": " + names[i] + "がありません");
            }
            BerTlv field = BerTlv.read(content, offset, what + "の" + names[i]);
            if (field.tag() != expected[i]) {
                throw CardReadException.malformed(String.format("%s: %sの位置にタグ %X があります（%X のはず）", what,
                        names[i], field.tag(), expected[i]));
            }
            values[i] = field.value();
            offset = field.end();
        }
        String name = utf8(values[1], "氏名").strip();
        String address = utf8(values[2], "住所").strip();
        String birth = ascii(values[3], "生年月日");
        String sex = ascii(values[4], "性別");
        if (name.isEmpty()) {
            throw CardReadException.malformed(what + ": 氏名が空です");
        }
        if (address.isEmpty()) {
            throw CardReadException.malformed(what + ": 住所が空です");
        }
        return new BasicFour(name, address, birth, sex);
    }

    /**
     * 生年月日 as the card writes it, {@code YYYYMMDD} in 西暦; {@code 00} for an unknown month or day and
     * {@code 0000} for an unknown year (this reading of zeros is an assumption, see docs/card.md).
     *
     * @throws CardReadException ({@code MALFORMED_DATA}) for anything else
     */
    static RegisterDate birthDate(String yyyymmdd) {
        if (!yyyymmdd.matches("[0-9]{8}")) {
            throw CardReadException.malformed("生年月日: 8桁の数字（西暦の年月日）ではありません");
        }
        int y = Integer.parseInt(yyyymmdd.substring(0, 4));
        int m = Integer.parseInt(yyyymmdd.substring(4, 6));
        int d = Integer.parseInt(yyyymmdd.substring(6, 8));
        try {
            if (y == 0) {
                return RegisterDate.unknown();
            }
            if (m == 0) {
                return RegisterDate.seirekiYear(y);
            }
            if (d == 0) {
                return RegisterDate.seirekiYearMonth(y, m);
            }
            return RegisterDate.seireki(y, m, d);
        } catch (KitFormatException e) {
            throw CardReadException.malformed("生年月日: ありえない日付です");
        }
    }

    /** 性別 as an ISO/IEC 5218 digit. */
    static CardSex sex(String code) {
        try {
            return CardSex.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw CardReadException.malformed("性別: ISO/IEC 5218 の符号（0, 1, 2, 9）ではありません");
        }
    }

    /** The card's form of a birth date: {@code YYYYMMDD}, zeros for unknown parts. */
    static String birthDateText(RegisterDate date) {
        return String.format("%04d%02d%02d", date.gregorianYear().orElse(0), date.month().orElse(0),
                date.day().orElse(0));
    }

    private static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw CardReadException.malformed("基本4情報: " + what + "が UTF-8 の文字列ではありません");
        }
    }

    private static String ascii(byte[] bytes, String what) {
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7E) {
                throw CardReadException.malformed("基本4情報: " + what + "に想定外の文字があります");
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
