package jp.madoguchi.card.internal;

import java.util.List;
import jp.madoguchi.card.CardReaderMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code madoguchi.card.*}: which readers to use and, for the simulator, extra cards (docs/card.md).
 *
 * @param reader {@code pcsc} (a real terminal) or {@code simulator}
 * @param pcsc the PC/SC settings
 * @param simulator the simulator's settings
 */
@ConfigurationProperties("madoguchi.card")
record CardProperties(CardReaderMode reader, Pcsc pcsc, Simulator simulator) {

    CardProperties {
        reader = reader == null ? CardReaderMode.PCSC : reader;
        pcsc = pcsc == null ? new Pcsc(null, null) : pcsc;
        simulator = simulator == null ? new Simulator(null) : simulator;
    }

    /**
     * @param terminal text the terminal's name contains; blank: the first terminal with a card present
     * @param library path of libpcsclite; blank: the JDK's default, or Debian's path when that file exists
     */
    record Pcsc(String terminal, String library) {
    }

    /** @param cards cards to add to the simulator besides the demo's */
    record Simulator(List<ConfiguredCard> cards) {
        Simulator {
            cards = cards == null ? List.of() : List.copyOf(cards);
        }
    }

    /**
     * A simulated card from configuration.
     *
     * @param id identifier (unique)
     * @param label what the card picker shows
     * @param name 氏名
     * @param address 住所
     * @param birthDate 生年月日 {@code YYYYMMDD} (00 for an unknown part)
     * @param sex ISO/IEC 5218 code (1 男, 2 女)
     * @param myNumber 12 digits with a valid check digit
     * @param pin 4 digits
     */
    record ConfiguredCard(String id, String label, String name, String address, String birthDate, String sex,
            String myNumber, String pin) {
        @Override
        public String toString() {
            return "ConfiguredCard[" + id + "]";
        }
    }
}
