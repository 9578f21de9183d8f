package jp.madoguchi.card.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import jp.madoguchi.card.ApduChannel;
import jp.madoguchi.card.CardReadException;
import jp.madoguchi.card.CardSlot;
import jp.madoguchi.card.CommandApdu;
import jp.madoguchi.card.ResponseApdu;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PC/SC card terminal through the JDK's {@code javax.smartcardio} (module {@code java.smartcardio}): the configured
 * terminal (its name contains the configured text), or else the first terminal with a card present. On Linux the JDK
 * talks to pcscd through libpcsclite; Debian installs it under {@code /usr/lib/<arch>-linux-gnu}, where the JDK does
 * not look, so the library path is set from configuration or, when unset, from the Debian path if that file exists.
 */
final class PcscCardSlot implements CardSlot {

    private static final Logger log = LoggerFactory.getLogger(PcscCardSlot.class);
    static final String LIBRARY_PROPERTY = "sun.security.smartcardio.library";
    private static final List<Path> DEBIAN_LIBRARIES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1"),
            Path.of("/usr/lib/aarch64-linux-gnu/libpcsclite.so.1"));

    private final String terminalName;

    /**
     * @param terminalName text the terminal's name contains, or blank for the first terminal with a card
     * @param library the path of libpcsclite, or blank to keep the JDK's default (or the Debian path)
     */
    PcscCardSlot(String terminalName, String library) {
        this.terminalName = terminalName == null ? "" : terminalName.strip();
        configureLibrary(library);
    }

    /** Must run before the JDK's PC/SC provider loads, i.e. before the first {@link TerminalFactory} call. */
    static synchronized void configureLibrary(String library) {
        if (System.getProperty(LIBRARY_PROPERTY) != null) {
            return;
        }
        if (library != null && !library.isBlank()) {
            System.setProperty(LIBRARY_PROPERTY, library.strip());
            return;
        }
        DEBIAN_LIBRARIES.stream().filter(Files::isReadable).findFirst()
                .ifPresent(path -> System.setProperty(LIBRARY_PROPERTY, path.toString()));
    }

    @Override
    public String description() {
        return terminalName.isEmpty() ? "PC/SC（カードが置かれた最初のリーダー）" : "PC/SC: " + terminalName;
    }

    @Override
    public ApduChannel connect() {
        List<CardTerminal> terminals;
        try {
            terminals = TerminalFactory.getDefault().terminals().list();
        } catch (CardException | RuntimeException e) {
            log.warn("PC/SC terminals cannot be listed: {}", e.toString());
            throw CardReadException.noReader("PC/SC のサービス（pcscd）に接続できません");
        }
        if (terminals.isEmpty()) {
            throw CardReadException.noReader("カードリーダーが見つかりません");
        }
        CardTerminal terminal = choose(terminals);
        try {
            if (!terminal.isCardPresent()) {
                throw CardReadException.noCard();
            }
            Card card = terminal.connect("*");
            return new PcscChannel(card, card.getBasicChannel());
        } catch (CardException e) {
            log.warn("PC/SC connect failed on terminal {}: {}", terminal.getName(), e.toString());
            throw CardReadException.noCard();
        }
    }

    private CardTerminal choose(List<CardTerminal> terminals) {
        if (!terminalName.isEmpty()) {
            return terminals.stream().filter(t -> t.getName().contains(terminalName)).findFirst()
                    .orElseThrow(() -> CardReadException.noReader("設定されたカードリーダー「" + terminalName
                            + "」が見つかりません"));
        }
        for (CardTerminal t : terminals) {
            try {
                if (t.isCardPresent()) {
                    return t;
                }
            } catch (CardException e) {
                log.warn("PC/SC terminal {} cannot be queried: {}", t.getName(), e.toString());
            }
        }
        throw CardReadException.noCard();
    }

    /** A connection to a card in a PC/SC terminal. */
    private static final class PcscChannel implements ApduChannel {

        private final Card card;
        private final CardChannel channel;

        PcscChannel(Card card, CardChannel channel) {
            this.card = card;
            this.channel = channel;
        }

        @Override
        public ResponseApdu transmit(CommandApdu command) {
            try {
                ResponseAPDU r = channel.transmit(new CommandAPDU(command.bytes()));
                return new ResponseApdu(r.getData(), r.getSW());
            } catch (CardException | IllegalStateException e) {
                throw CardReadException.communication("カードが取り外されたか、応答がありません");
            }
        }

        /** Disconnects and resets the card, so that no verified PIN outlives the read. */
        @Override
        public void close() {
            try {
                card.disconnect(true);
            } catch (CardException | IllegalStateException e) {
                log.debug("PC/SC disconnect: {}", e.toString());
            }
        }
    }
}
