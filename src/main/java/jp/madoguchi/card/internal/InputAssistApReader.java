package jp.madoguchi.card.internal;

import java.util.Arrays;
import jp.madoguchi.card.ApduChannel;
import jp.madoguchi.card.CardFacts;
import jp.madoguchi.card.CardReadException;
import jp.madoguchi.card.CommandApdu;
import jp.madoguchi.card.ResponseApdu;

/**
 * The reading logic of the 券面事項入力補助AP over any {@link ApduChannel}: the same code reads a card in a PC/SC
 * terminal and a simulated card. No Spring, no I/O besides the channel, nothing logged.
 *
 * <ol>
 *   <li>SELECT the AP by its AID: {@code 00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08};</li>
 *   <li>SELECT the PIN's EF: {@code 00 A4 02 0C 02 00 11}, ask its state with an empty VERIFY {@code 00 20 00 80}
 *       (answer {@code 63 Cx}: x tries left; {@code 69 83}: locked) so a locked card is reported without sending the
 *       PIN;</li>
 *   <li>VERIFY the PIN: {@code 00 20 00 80 04} + the 4 digits in ASCII;</li>
 *   <li>SELECT and READ BINARY EF {@code 00 01} (個人番号) and EF {@code 00 02} (基本4情報): the first bytes give the
 *       TLV's length, the rest is read in chunks of at most 255 bytes ({@code 00 B0 offset Le}).</li>
 * </ol>
 */
public final class InputAssistApReader {

    /** READ BINARY's first read: enough for a tag of up to 3 bytes and a length of up to 4. */
    private static final int HEADER_READ = 8;
    /** The largest READ BINARY in one command (short Le). */
    private static final int CHUNK = 0xFF;
    /** No EF of this AP is anywhere near this large; a larger length means the data is broken. */
    private static final int MAX_FILE = 4096;

    private InputAssistApReader() {
    }

    /**
     * Reads the card's facts. The PIN array is overwritten with zeros before this returns, whatever happens.
     *
     * @param channel the card
     * @param pin 4 ASCII digits
     * @throws CardReadException as documented on {@link jp.madoguchi.card.CardReader}
     */
    public static CardFacts read(ApduChannel channel, char[] pin) {
        byte[] pinBytes = null;
        try {
            pinBytes = pinBytes(pin);
            select(channel, 0x04, InputAssistAp.AID, true);
            selectEf(channel, InputAssistAp.EF_PIN);
            ResponseApdu state = channel.transmit(CommandApdu.of(0x00, 0x20, 0x00, 0x80, CommandApdu.NO_RESPONSE_DATA));
            if (state.sw() == ResponseApdu.SW_AUTHENTICATION_BLOCKED || state.sw() == 0x63C0) {
                throw CardReadException.pinLocked();
            }
            CommandApdu verify = CommandApdu.of(0x00, 0x20, 0x00, 0x80, pinBytes);
            ResponseApdu verified = channel.transmit(verify);
            if (!verified.isOk()) {
                if (verified.sw() == ResponseApdu.SW_AUTHENTICATION_BLOCKED) {
                    throw CardReadException.pinLocked();
                }
                if ((verified.sw() & 0xFFF0) == 0x63C0) {
                    int remaining = verified.sw() & 0x0F;
                    throw remaining == 0 ? CardReadException.pinLocked() : CardReadException.wrongPin(remaining);
                }
                throw CardReadException.communication(String.format("暗証番号の照合の応答 %04X", verified.sw()));
            }
            var myNumber = InputAssistAp.decodeMyNumber(readFile(channel, InputAssistAp.EF_MY_NUMBER, "個人番号"));
            var basic = InputAssistAp.decodeBasicFour(
                    readFile(channel, InputAssistAp.EF_BASIC_FOUR, "基本4情報"));
            return new CardFacts(basic.name(), basic.address(), InputAssistAp.birthDate(basic.birthDate()),
                    InputAssistAp.sex(basic.sex()), myNumber);
        } finally {
            if (pinBytes != null) {
                Arrays.fill(pinBytes, (byte) 0);
            }
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    /** The PIN as the card takes it: 4 ASCII digits; checked before the card is asked, so no try is lost. */
    private static byte[] pinBytes(char[] pin) {
        if (pin == null || pin.length != InputAssistAp.PIN_LENGTH) {
            throw CardReadException.pinFormat();
        }
        byte[] b = new byte[pin.length];
        for (int i = 0; i < pin.length; i++) {
            if (pin[i] < '0' || pin[i] > '9') {
                Arrays.fill(b, (byte) 0);
                throw CardReadException.pinFormat();
            }
            b[i] = (byte) pin[i];
        }
        return b;
    }

    private static void select(ApduChannel channel, int p1, byte[] id, boolean application) {
        ResponseApdu r = channel.transmit(CommandApdu.of(0x00, 0xA4, p1, 0x0C, id));
        if (r.isOk()) {
            return;
        }
        if (application && (r.sw() == ResponseApdu.SW_FILE_NOT_FOUND || r.sw() == ResponseApdu.SW_WRONG_P1P2)) {
            throw CardReadException.notMyNumberCard();
        }
        throw CardReadException.communication(String.format("SELECT の応答 %04X", r.sw()));
    }

    private static void selectEf(ApduChannel channel, int ef) {
        select(channel, 0x02, new byte[] {(byte) (ef >> 8), (byte) ef}, false);
    }

    /** Selects an EF and reads the one TLV data object it holds, whatever its length. */
    static byte[] readFile(ApduChannel channel, int ef, String what) {
        selectEf(channel, ef);
        byte[] head = readBinary(channel, 0, HEADER_READ, what);
        BerTlv.Header header = BerTlv.header(head, 0, what);
        int total = header.totalLength();
        if (total > MAX_FILE) {
            throw CardReadException.malformed(what + ": 長さ " + total + " バイトは大きすぎます");
        }
        byte[] file = Arrays.copyOf(head, total);
        int read = Math.min(head.length, total);
        while (read < total) {
            byte[] chunk = readBinary(channel, read, Math.min(CHUNK, total - read), what);
            if (chunk.length == 0) {
                throw CardReadException.malformed(what + ": データが途中で終わっています");
            }
            int n = Math.min(chunk.length, total - read);
            System.arraycopy(chunk, 0, file, read, n);
            read += n;
        }
        return file;
    }

    private static byte[] readBinary(ApduChannel channel, int offset, int length, String what) {
        if (offset > 0x7FFF) {
            throw CardReadException.malformed(what + ": 読み取り位置が範囲外です");
        }
        ResponseApdu r = channel.transmit(CommandApdu.of(0x00, 0xB0, offset >> 8, offset & 0xFF, length));
        if (r.sw1() == 0x6C) {
            // Wrong Le: the card says how many bytes there are.
            int exact = r.sw2() == 0 ? 256 : r.sw2();
            r = channel.transmit(CommandApdu.of(0x00, 0xB0, offset >> 8, offset & 0xFF, exact));
        }
        if (r.isOk() || r.sw() == ResponseApdu.SW_END_OF_FILE) {
            return r.data();
        }
        if (r.sw() == ResponseApdu.SW_WRONG_OFFSET) {
            throw CardReadException.malformed(what + ": データが途中で終わっています");
        }
        throw CardReadException.communication(String.format("%sの READ BINARY の応答 %04X", what, r.sw()));
    }
}
