package jp.madoguchi.card;

import java.util.Arrays;

/**
 * A response APDU (ISO/IEC 7816-4 §5.1): response data followed by the status word SW1 SW2.
 *
 * <p>{@link #toString()} shows the status word and the length, never the data: it may be a 個人番号.
 *
 * @param data the response data, possibly empty (copied)
 * @param sw the status word, e.g. {@code 0x9000}
 */
public record ResponseApdu(byte[] data, int sw) {

    /** 正常終了 — normal processing. */
    public static final int SW_OK = 0x9000;
    /** End of file reached before reading Ne bytes (the data is shorter). */
    public static final int SW_END_OF_FILE = 0x6282;
    /** Wrong length (Lc or the APDU's length). */
    public static final int SW_WRONG_LENGTH = 0x6700;
    /** Security status not satisfied (e.g. the PIN has not been verified). */
    public static final int SW_SECURITY_STATUS_NOT_SATISFIED = 0x6982;
    /** Authentication method blocked — the PIN is locked (retry counter at 0). */
    public static final int SW_AUTHENTICATION_BLOCKED = 0x6983;
    /** Incorrect parameters in the command data. */
    public static final int SW_WRONG_DATA = 0x6A80;
    /** File or application not found. */
    public static final int SW_FILE_NOT_FOUND = 0x6A82;
    /** Incorrect parameters P1-P2. */
    public static final int SW_WRONG_P1P2 = 0x6A86;
    /** Wrong parameters P1-P2: offset outside the EF. */
    public static final int SW_WRONG_OFFSET = 0x6B00;
    /** Instruction code not supported. */
    public static final int SW_INS_NOT_SUPPORTED = 0x6D00;
    /** Class not supported. */
    public static final int SW_CLA_NOT_SUPPORTED = 0x6E00;
    /** Command not allowed: no current EF. */
    public static final int SW_NO_CURRENT_EF = 0x6986;

    public ResponseApdu {
        data = data == null ? new byte[0] : data.clone();
        if (sw < 0 || sw > 0xFFFF) {
            throw new IllegalArgumentException("a status word is two bytes");
        }
    }

    /** A response without data. */
    public static ResponseApdu status(int sw) {
        return new ResponseApdu(new byte[0], sw);
    }

    /**
     * Decodes a response: data, then SW1 SW2.
     *
     * @throws IllegalArgumentException when fewer than two bytes arrive
     */
    public static ResponseApdu parse(byte[] response) {
        if (response == null || response.length < 2) {
            throw new IllegalArgumentException("a response APDU ends with a two-byte status word");
        }
        int n = response.length;
        return new ResponseApdu(Arrays.copyOf(response, n - 2), (response[n - 2] & 0xFF) << 8 | response[n - 1] & 0xFF);
    }

    /** @return a copy of the response data */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The number of response data bytes. */
    public int length() {
        return data.length;
    }

    public int sw1() {
        return sw >> 8;
    }

    public int sw2() {
        return sw & 0xFF;
    }

    /** Whether the status word is 9000. */
    public boolean isOk() {
        return sw == SW_OK;
    }

    /** The encoded response: data, then SW1 SW2. */
    public byte[] bytes() {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) sw1();
        out[data.length + 1] = (byte) sw2();
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseApdu r && r.sw == sw && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + sw;
    }

    /** Status word and length only, e.g. {@code ResponseApdu[9000, 15 bytes]}: the data may be a 個人番号. */
    @Override
    public String toString() {
        return String.format("ResponseApdu[%04X, %d bytes]", sw, data.length);
    }
}
