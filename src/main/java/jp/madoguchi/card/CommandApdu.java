package jp.madoguchi.card;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A command APDU (ISO/IEC 7816-4 §5.1) in the short form: header CLA INS P1 P2, optional command data (Lc 1–255) and
 * an optional expected response length (Le 1–256, 256 encoded as {@code 00}).
 *
 * <p>{@link #toString()} shows the header and the lengths, never the data: a VERIFY command carries the PIN.
 *
 * @param cla class byte
 * @param ins instruction byte
 * @param p1 parameter 1
 * @param p2 parameter 2
 * @param data command data, empty for none (copied)
 * @param ne expected response length 1–256, or {@link #NO_RESPONSE_DATA}
 */
public record CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int ne) {

    /** {@link #ne()} of a command that expects no response data (no Le field). */
    public static final int NO_RESPONSE_DATA = -1;

    public CommandApdu {
        for (int b : new int[] {cla, ins, p1, p2}) {
            if (b < 0 || b > 0xFF) {
                throw new IllegalArgumentException("header bytes are 0..255");
            }
        }
        data = data == null ? new byte[0] : data.clone();
        if (data.length > 255) {
            throw new IllegalArgumentException("short APDUs carry at most 255 bytes of data");
        }
        if (ne != NO_RESPONSE_DATA && (ne < 1 || ne > 256)) {
            throw new IllegalArgumentException("Ne is 1..256 or NO_RESPONSE_DATA");
        }
    }

    /** A command without data. */
    public static CommandApdu of(int cla, int ins, int p1, int p2, int ne) {
        return new CommandApdu(cla, ins, p1, p2, new byte[0], ne);
    }

    /** A command with data and no expected response data. */
    public static CommandApdu of(int cla, int ins, int p1, int p2, byte[] data) {
        return new CommandApdu(cla, ins, p1, p2, data, NO_RESPONSE_DATA);
    }

    /** @return a copy of the command data */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The encoded command (cases 1–4 of ISO/IEC 7816-3 §12.1, short form). */
    public byte[] bytes() {
        int length = 4 + (data.length > 0 ? 1 + data.length : 0) + (ne != NO_RESPONSE_DATA ? 1 : 0);
        byte[] out = new byte[length];
        out[0] = (byte) cla;
        out[1] = (byte) ins;
        out[2] = (byte) p1;
        out[3] = (byte) p2;
        int i = 4;
        if (data.length > 0) {
            out[i++] = (byte) data.length;
            System.arraycopy(data, 0, out, i, data.length);
            i += data.length;
        }
        if (ne != NO_RESPONSE_DATA) {
            out[i] = (byte) (ne == 256 ? 0 : ne);
        }
        return out;
    }

    /**
     * Decodes a short command APDU.
     *
     * @throws IllegalArgumentException when the bytes are not a well-formed short APDU (the card answers 6700)
     */
    public static CommandApdu parse(byte[] apdu) {
        if (apdu == null || apdu.length < 4) {
            throw new IllegalArgumentException("an APDU has at least 4 header bytes");
        }
        int cla = apdu[0] & 0xFF;
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        int p2 = apdu[3] & 0xFF;
        if (apdu.length == 4) {
            return of(cla, ins, p1, p2, NO_RESPONSE_DATA);
        }
        int b4 = apdu[4] & 0xFF;
        if (apdu.length == 5) {
            return of(cla, ins, p1, p2, b4 == 0 ? 256 : b4);
        }
        if (b4 == 0) {
            throw new IllegalArgumentException("extended-length APDUs are not supported");
        }
        if (apdu.length == 5 + b4) {
            return of(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, 5 + b4));
        }
        if (apdu.length == 6 + b4) {
            int le = apdu[5 + b4] & 0xFF;
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, 5 + b4), le == 0 ? 256 : le);
        }
        throw new IllegalArgumentException("Lc does not match the length of the APDU");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandApdu c && c.cla == cla && c.ins == ins && c.p1 == p1 && c.p2 == p2 && c.ne == ne
                && Arrays.equals(c.data, data);
    }

    @Override
    public int hashCode() {
        return ((cla * 31 + ins) * 31 + p1) * 31 + p2 + 17 * Arrays.hashCode(data) + ne;
    }

    /** Header and lengths only, e.g. {@code CommandApdu[00 20 00 80 Lc=4]}: the data may be a PIN. */
    @Override
    public String toString() {
        return "CommandApdu[" + HexFormat.ofDelimiter(" ").withUpperCase()
                .formatHex(new byte[] {(byte) cla, (byte) ins, (byte) p1, (byte) p2})
                + (data.length > 0 ? " Lc=" + data.length : "") + (ne != NO_RESPONSE_DATA ? " Le=" + ne : "") + "]";
    }
}
