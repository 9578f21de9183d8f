package jp.madoguchi.card.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HexFormat;
import jp.madoguchi.card.ApduChannel;
import jp.madoguchi.card.CommandApdu;
import jp.madoguchi.card.ResponseApdu;

/**
 * Puts a {@link SimulatedCard} into a real PC/SC stack: a client of vpcd, the virtual reader driver of vsmartcard
 * (Debian package {@code vsmartcard-vpcd}, loaded by pcscd as the reader 「Virtual PCD」). vpcd listens on TCP port
 * 35963; each message is a 2-byte big-endian length and a payload: one byte for power off (0), power on (1), reset (2)
 * and get ATR (4, answered with the ATR), otherwise a command APDU, answered with the response APDU.
 */
final class VpcdCardClient implements AutoCloseable {

    static final int PORT = 35963;
    /** The ATR OpenSC's card-jpki.c lists for My Number Cards. */
    static final byte[] ATR = HexFormat.ofDelimiter(":").parseHex("3b:e0:00:ff:81:31:fe:45:14");

    private final SimulatedCard card;
    private final Socket socket;
    private final Thread thread;
    private ApduChannel session;

    VpcdCardClient(SimulatedCard card) throws IOException {
        this.card = card;
        this.socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", PORT), 2000);
        this.thread = Thread.ofPlatform().daemon().name("vpcd-card").start(this::serve);
    }

    /** Whether vpcd is listening (pcscd with vsmartcard-vpcd running). */
    static boolean available() {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void serve() {
        try (DataInputStream in = new DataInputStream(socket.getInputStream());
                DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
            while (!socket.isClosed()) {
                int length = in.readUnsignedShort();
                byte[] message = in.readNBytes(length);
                byte[] answer = handle(message);
                if (answer != null) {
                    out.writeShort(answer.length);
                    out.write(answer);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // vpcd went away or the test closed the socket.
        }
    }

    private byte[] handle(byte[] message) {
        if (message.length == 1) {
            switch (message[0]) {
                case 0 -> session = null;
                case 1, 2 -> session = card.connect();
                case 4 -> {
                    return ATR;
                }
                default -> {
                    return null;
                }
            }
            return null;
        }
        if (session == null) {
            session = card.connect();
        }
        try {
            return session.transmit(CommandApdu.parse(message)).bytes();
        } catch (IllegalArgumentException e) {
            return ResponseApdu.status(ResponseApdu.SW_WRONG_LENGTH).bytes();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
