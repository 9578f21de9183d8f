package jp.madoguchi.card.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import jp.madoguchi.card.ApduChannel;
import jp.madoguchi.card.CardFacts;
import jp.madoguchi.card.CardReadException;
import jp.madoguchi.card.CommandApdu;
import jp.madoguchi.card.ResponseApdu;
import jp.madoguchi.card.SimulatedCardInfo;

/**
 * A simulated My Number Card: its 券面事項入力補助AP at the APDU level, for demos and tests. It answers the commands
 * {@link InputAssistApReader} sends — and the mistakes a reader could make — as ISO/IEC 7816-4 prescribes:
 *
 * <ul>
 *   <li>SELECT by DF name ({@code P1=04}): the AP's AID → 9000, any other → 6A82. SELECT EF ({@code P1=02}) under
 *       the AP: {@code 0001}, {@code 0002}, {@code 0011} → 9000, others → 6A82, before the AP → 6A82;</li>
 *   <li>VERIFY ({@code 00 20 00 80}) with the PIN's EF current: no data → 63Cx (x tries left) or 9000 when already
 *       verified; the right PIN → 9000 and the counter back to 3; a wrong one → the counter goes down and the answer is
 *       63Cx with the tries left (63C0 on the last); once at 0 every VERIFY answers 6983 (blocked);</li>
 *   <li>READ BINARY ({@code 00 B0}, offset in P1-P2, or a short EF identifier in P1): the PIN-protected EFs answer
 *       6982 before a successful VERIFY; an offset past the end → 6B00; fewer bytes than Le → the bytes and 6282;</li>
 *   <li>a CLA other than 00 → 6E00; an unknown INS → 6D00; bad P1-P2 → 6A86; a malformed APDU → 6700.</li>
 * </ul>
 *
 * <p>The retry counter belongs to the card and survives sessions, as on a real card; the verified state belongs to the
 * session (a new connection, or selecting the AP again, clears it).
 */
public final class SimulatedCard {

    private final String id;
    private final String label;
    private final byte[] myNumberFile;
    private final byte[] basicFourFile;
    private final byte[] pin;
    private int remainingTries;

    private SimulatedCard(String id, String label, byte[] myNumberFile, byte[] basicFourFile, String pin,
            int remainingTries) {
        this.id = Objects.requireNonNull(id, "id");
        this.label = Objects.requireNonNull(label, "label");
        this.myNumberFile = myNumberFile.clone();
        this.basicFourFile = basicFourFile.clone();
        if (pin == null || !pin.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("a simulated card's PIN is 4 digits");
        }
        this.pin = pin.getBytes(StandardCharsets.US_ASCII);
        if (remainingTries < 0 || remainingTries > InputAssistAp.PIN_TRIES) {
            throw new IllegalArgumentException("remaining tries are 0.." + InputAssistAp.PIN_TRIES);
        }
        this.remainingTries = remainingTries;
    }

    /**
     * A card holding these facts, encoded as the real card's files.
     *
     * @param id the card's identifier in the simulator
     * @param label what the demo's card picker shows
     * @param facts the card's facts
     * @param pin the 券面事項入力補助用暗証番号 (4 digits)
     * @param remainingTries 0–3 (0: locked)
     */
    public static SimulatedCard of(String id, String label, CardFacts facts, String pin, int remainingTries) {
        return new SimulatedCard(id, label, InputAssistAp.encodeMyNumber(facts.myNumber()),
                InputAssistAp.encodeBasicFour(new InputAssistAp.BasicFour(facts.name(), facts.address(),
                        InputAssistAp.birthDateText(facts.birthDate()), facts.sex().code())), pin, remainingTries);
    }

    /** A card whose files hold exactly these bytes (for tests of damaged or unexpected data). */
    public static SimulatedCard withFiles(String id, String label, byte[] myNumberFile, byte[] basicFourFile,
            String pin) {
        return new SimulatedCard(id, label, myNumberFile, basicFourFile, pin, InputAssistAp.PIN_TRIES);
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public synchronized int remainingTries() {
        return remainingTries;
    }

    /** Sets the retry counter back to 3 (what the municipality's 初期化 achieves for a real card). */
    public synchronized void resetTries() {
        remainingTries = InputAssistAp.PIN_TRIES;
    }

    public SimulatedCardInfo info() {
        return new SimulatedCardInfo(id, label, remainingTries());
    }

    /** Puts the card on a reader: a new session (nothing selected, nothing verified). */
    public ApduChannel connect() {
        return new Session();
    }

    private synchronized ResponseApdu verify(Session session, byte[] attempt) {
        if (remainingTries == 0) {
            return ResponseApdu.status(ResponseApdu.SW_AUTHENTICATION_BLOCKED);
        }
        if (attempt.length == 0) {
            return ResponseApdu.status(session.verified ? ResponseApdu.SW_OK : 0x63C0 | remainingTries);
        }
        if (MessageDigest.isEqual(attempt, pin)) {
            remainingTries = InputAssistAp.PIN_TRIES;
            session.verified = true;
            return ResponseApdu.status(ResponseApdu.SW_OK);
        }
        remainingTries--;
        session.verified = false;
        return ResponseApdu.status(0x63C0 | remainingTries);
    }

    /** One connection to the card. */
    private final class Session implements ApduChannel {

        private boolean applicationSelected;
        private int currentEf = -1;
        private boolean verified;
        private boolean closed;

        @Override
        public ResponseApdu transmit(CommandApdu command) {
            if (closed) {
                throw CardReadException.communication("カードが取り外されました");
            }
            return answer(command);
        }

        private ResponseApdu answer(CommandApdu c) {
            if (c.cla() != 0x00) {
                return ResponseApdu.status(ResponseApdu.SW_CLA_NOT_SUPPORTED);
            }
            return switch (c.ins()) {
                case 0xA4 -> select(c);
                case 0x20 -> verifyCommand(c);
                case 0xB0 -> readBinary(c);
                default -> ResponseApdu.status(ResponseApdu.SW_INS_NOT_SUPPORTED);
            };
        }

        private ResponseApdu select(CommandApdu c) {
            byte[] id = c.data();
            if (c.p1() == 0x04 && (c.p2() == 0x0C || c.p2() == 0x00)) {
                applicationSelected = Arrays.equals(id, InputAssistAp.AID);
                currentEf = -1;
                verified = false;
                return ResponseApdu.status(applicationSelected ? ResponseApdu.SW_OK : ResponseApdu.SW_FILE_NOT_FOUND);
            }
            if (c.p1() == 0x02 && c.p2() == 0x0C) {
                if (id.length != 2) {
                    return ResponseApdu.status(ResponseApdu.SW_WRONG_LENGTH);
                }
                int ef = (id[0] & 0xFF) << 8 | id[1] & 0xFF;
                if (!applicationSelected || file(ef) == null && ef != InputAssistAp.EF_PIN) {
                    return ResponseApdu.status(ResponseApdu.SW_FILE_NOT_FOUND);
                }
                currentEf = ef;
                return ResponseApdu.status(ResponseApdu.SW_OK);
            }
            return ResponseApdu.status(ResponseApdu.SW_WRONG_P1P2);
        }

        private ResponseApdu verifyCommand(CommandApdu c) {
            if (c.p1() != 0x00 || c.p2() != 0x80) {
                return ResponseApdu.status(ResponseApdu.SW_WRONG_P1P2);
            }
            if (!applicationSelected || currentEf != InputAssistAp.EF_PIN) {
                return ResponseApdu.status(ResponseApdu.SW_NO_CURRENT_EF);
            }
            byte[] attempt = c.data();
            try {
                return verify(this, attempt);
            } finally {
                Arrays.fill(attempt, (byte) 0);
            }
        }

        private ResponseApdu readBinary(CommandApdu c) {
            if (c.ne() == CommandApdu.NO_RESPONSE_DATA || c.data().length > 0) {
                return ResponseApdu.status(ResponseApdu.SW_WRONG_LENGTH);
            }
            int ef;
            int offset;
            if ((c.p1() & 0x80) != 0) {
                if ((c.p1() & 0x60) != 0 || !applicationSelected) {
                    return ResponseApdu.status(ResponseApdu.SW_WRONG_P1P2);
                }
                ef = c.p1() & 0x1F;
                offset = c.p2();
                if (file(ef) == null) {
                    return ResponseApdu.status(ResponseApdu.SW_FILE_NOT_FOUND);
                }
                currentEf = ef;
            } else {
                ef = currentEf;
                offset = c.p1() << 8 | c.p2();
                if (ef < 0) {
                    return ResponseApdu.status(ResponseApdu.SW_NO_CURRENT_EF);
                }
            }
            byte[] content = file(ef);
            if (content == null) {
                return ResponseApdu.status(0x6981); // command incompatible with file structure (the PIN's EF)
            }
            if (!verified) {
                return ResponseApdu.status(ResponseApdu.SW_SECURITY_STATUS_NOT_SATISFIED);
            }
            if (offset > content.length) {
                return ResponseApdu.status(ResponseApdu.SW_WRONG_OFFSET);
            }
            int n = Math.min(c.ne(), content.length - offset);
            return new ResponseApdu(Arrays.copyOfRange(content, offset, offset + n),
                    n < c.ne() ? ResponseApdu.SW_END_OF_FILE : ResponseApdu.SW_OK);
        }

        /** The content of a readable EF, or null. */
        private byte[] file(int ef) {
            return switch (ef) {
                case InputAssistAp.EF_MY_NUMBER -> myNumberFile;
                case InputAssistAp.EF_BASIC_FOUR -> basicFourFile;
                default -> null;
            };
        }

        @Override
        public void close() {
            closed = true;
            verified = false;
        }
    }

    /** The label only: the card holds personal data. */
    @Override
    public String toString() {
        return "SimulatedCard[" + id + "]";
    }
}
