package jp.madoguchi.card.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import jp.madoguchi.card.CardReadException;

/**
 * A BER-TLV data object (ISO/IEC 7816-4 §5.2, ITU-T X.690 §8.1) as the card's elementary files hold them.
 *
 * <p>Hand-written rather than BouncyCastle's ASN.1 parser because the card writes the 個人番号's tag 16 of the
 * private class in the multi-byte form ({@code FF 10}), which X.690 forbids for tag numbers below 31 and which strict
 * parsers (BouncyCastle's, Go's encoding/asn1) reject; the public readers cited in docs/card.md work around it the
 * same way. Tags are kept as their raw bytes ({@code 0xFF10}, {@code 0xDF22}), as the documentation writes them.
 * Lengths: short form and the long forms 81/82/83; the indefinite form (80) is refused.
 *
 * @param tag the tag's bytes as an unsigned big-endian number, e.g. {@code 0xDF22}
 * @param value the value's bytes
 * @param end the index just past this object in the data it was read from
 */
record BerTlv(int tag, byte[] value, int end) {

    /** The largest tag this parser accepts: three tag bytes. */
    private static final int MAX_TAG_BYTES = 3;

    /**
     * The header of a data object: tag, header length and value length.
     *
     * @param tag raw tag bytes, e.g. {@code 0xFF20}
     * @param headerLength bytes of tag and length
     * @param valueLength bytes of the value
     */
    record Header(int tag, int headerLength, int valueLength) {

        /** The object's total length. */
        int totalLength() {
            return headerLength + valueLength;
        }
    }

    /**
     * Reads a header at {@code offset}.
     *
     * @param what what is being read, for the message (「個人番号」)
     * @throws CardReadException ({@code MALFORMED_DATA}) when the bytes do not form a header
     */
    static Header header(byte[] data, int offset, String what) {
        int i = offset;
        if (i >= data.length) {
            throw CardReadException.malformed(what + ": データが途中で終わっています");
        }
        int first = data[i++] & 0xFF;
        int tag = first;
        if ((first & 0x1F) == 0x1F) {
            int b;
            do {
                if (i >= data.length) {
                    throw CardReadException.malformed(what + ": データが途中で終わっています");
                }
                if (i - offset >= MAX_TAG_BYTES) {
                    throw CardReadException.malformed(what + ": タグの形式が不正です");
                }
                b = data[i++] & 0xFF;
                tag = tag << 8 | b;
            } while ((b & 0x80) != 0);
        }
        if (i >= data.length) {
            throw CardReadException.malformed(what + ": データが途中で終わっています");
        }
        int l = data[i++] & 0xFF;
        int length;
        if (l < 0x80) {
            length = l;
        } else if (l >= 0x81 && l <= 0x83) {
            int n = l - 0x80;
            if (i + n > data.length) {
                throw CardReadException.malformed(what + ": データが途中で終わっています");
            }
            length = 0;
            for (int k = 0; k < n; k++) {
                length = length << 8 | data[i++] & 0xFF;
            }
        } else {
            throw CardReadException.malformed(what + ": 長さの形式が不正です");
        }
        return new Header(tag, i - offset, length);
    }

    /**
     * Reads the data object at {@code offset}.
     *
     * @throws CardReadException ({@code MALFORMED_DATA}) when the object is malformed or runs past the data
     */
    static BerTlv read(byte[] data, int offset, String what) {
        Header h = header(data, offset, what);
        int start = offset + h.headerLength();
        if ((long) start + h.valueLength() > data.length) {
            throw CardReadException.malformed(what + ": データが途中で終わっています");
        }
        return new BerTlv(h.tag(), Arrays.copyOfRange(data, start, start + h.valueLength()),
                start + h.valueLength());
    }

    /**
     * Encodes a data object with the tag bytes given and the shortest length form.
     *
     * @param tag raw tag bytes, e.g. {@code 0xDF22} (1 to 3 bytes)
     * @param value the value
     */
    static byte[] encode(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        if (tag > 0xFFFF) {
            out.write(tag >> 16);
        }
        if (tag > 0xFF) {
            out.write(tag >> 8 & 0xFF);
        }
        out.write(tag & 0xFF);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n <= 0xFF) {
            out.write(0x81);
            out.write(n);
        } else if (n <= 0xFFFF) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xFF);
        } else {
            throw new IllegalArgumentException("values above 65535 bytes are not used on this card");
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BerTlv t && t.tag == tag && t.end == end && Arrays.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return tag * 31 + Arrays.hashCode(value);
    }

    /** Tag and length only: values hold personal data. */
    @Override
    public String toString() {
        return String.format("BerTlv[%X, %d bytes]", tag, value.length);
    }
}
