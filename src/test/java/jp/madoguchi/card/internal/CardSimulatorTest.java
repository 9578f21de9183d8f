package jp.madoguchi.card.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import jp.madoguchi.card.ApduChannel;
import jp.madoguchi.card.CommandApdu;
import org.junit.jupiter.api.Test;

/** The simulated card answers like a card: status words for each command and each mistake. */
class CardSimulatorTest {

    static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    static int sw(ApduChannel channel, String apdu) {
        return channel.transmit(CommandApdu.parse(HEX.parseHex(apdu))).sw();
    }

    static ApduChannel selected() {
        ApduChannel c = CardReaderSimulatorTest.card().connect();
        assertThat(sw(c, "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08")).isEqualTo(0x9000);
        return c;
    }

    @Test
    void selectFindsOnlyTheApplicationAndItsFiles() {
        ApduChannel c = CardReaderSimulatorTest.card().connect();
        assertThat(sw(c, "00 A4 02 0C 02 00 01")).as("EF before the AP").isEqualTo(0x6A82);
        assertThat(sw(c, "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01")).as("the JPKI AP").isEqualTo(0x6A82);
        assertThat(sw(c, "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08")).isEqualTo(0x9000);
        assertThat(sw(c, "00 A4 02 0C 02 00 01")).isEqualTo(0x9000);
        assertThat(sw(c, "00 A4 02 0C 02 00 09")).isEqualTo(0x6A82);
        assertThat(sw(c, "00 A4 02 0C 01 00")).isEqualTo(0x6700);
        assertThat(sw(c, "00 A4 08 0C 02 00 01")).isEqualTo(0x6A86);
    }

    @Test
    void protectedFilesNeedThePin() {
        ApduChannel c = selected();
        assertThat(sw(c, "00 A4 02 0C 02 00 02")).isEqualTo(0x9000);
        assertThat(sw(c, "00 B0 00 00 08")).isEqualTo(0x6982);
        assertThat(sw(c, "00 B0 82 00 08")).as("by short EF identifier").isEqualTo(0x6982);
        assertThat(sw(c, "00 20 00 80")).as("VERIFY without the PIN's EF").isEqualTo(0x6986);
        assertThat(sw(c, "00 A4 02 0C 02 00 11")).isEqualTo(0x9000);
        assertThat(sw(c, "00 20 00 80")).as("tries left").isEqualTo(0x63C3);
        assertThat(sw(c, "00 20 00 80 04 31 32 33 34")).isEqualTo(0x9000);
        assertThat(sw(c, "00 20 00 80")).as("already verified").isEqualTo(0x9000);
        assertThat(sw(c, "00 B0 81 00 0F")).as("個人番号 by short EF identifier").isEqualTo(0x9000);
        assertThat(sw(c, "00 B0 00 00 FF")).as("fewer bytes than Le").isEqualTo(0x6282);
        assertThat(sw(c, "00 B0 7F 00 01")).as("offset past the end").isEqualTo(0x6B00);
        // Selecting the AP again clears the verified state.
        assertThat(sw(c, "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08")).isEqualTo(0x9000);
        assertThat(sw(c, "00 A4 02 0C 02 00 01")).isEqualTo(0x9000);
        assertThat(sw(c, "00 B0 00 00 08")).isEqualTo(0x6982);
    }

    @Test
    void theCounterGoesDownToABlockedPin() {
        SimulatedCard card = CardReaderSimulatorTest.card();
        ApduChannel c = card.connect();
        sw(c, "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08");
        sw(c, "00 A4 02 0C 02 00 11");
        assertThat(sw(c, "00 20 00 80 04 30 30 30 30")).isEqualTo(0x63C2);
        assertThat(sw(c, "00 20 00 80 04 30 30 30 30")).isEqualTo(0x63C1);
        assertThat(sw(c, "00 20 00 80 04 30 30 30 30")).isEqualTo(0x63C0);
        assertThat(sw(c, "00 20 00 80 04 31 32 33 34")).isEqualTo(0x6983);
        assertThat(sw(c, "00 20 00 80")).isEqualTo(0x6983);
        // The counter is the card's, not the session's.
        ApduChannel again = card.connect();
        sw(again, "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08");
        sw(again, "00 A4 02 0C 02 00 11");
        assertThat(sw(again, "00 20 00 80 04 31 32 33 34")).isEqualTo(0x6983);
        assertThat(card.info().locked()).isTrue();
    }

    @Test
    void unknownClassesInstructionsAndLengthsAreRefused() {
        ApduChannel c = selected();
        assertThat(sw(c, "80 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08")).isEqualTo(0x6E00);
        assertThat(sw(c, "00 88 00 00 08")).isEqualTo(0x6D00);
        assertThat(sw(c, "00 A4 02 0C 02 00 01")).isEqualTo(0x9000);
        assertThat(sw(c, "00 B0 00 00")).as("READ BINARY without Le").isEqualTo(0x6700);
        assertThat(sw(c, "00 20 01 80")).isEqualTo(0x6A86);
        assertThatThrownBy(() -> CommandApdu.parse(HEX.parseHex("00 A4 04 0C 05 D3 92"))).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void aClosedSessionIsACardTakenAway() {
        ApduChannel c = selected();
        c.close();
        assertThatThrownBy(() -> sw(c, "00 A4 02 0C 02 00 11")).hasMessageContaining("カードが取り外されました");
    }

    @Test
    void apdusEncodeAndDecodeInEveryShortCase() {
        for (String apdu : new String[] {"00 A4 04 0C", "00 B0 00 00 00", "00 20 00 80 04 31 32 33 34",
                "00 A4 04 00 02 3F 00 00"}) {
            assertThat(HEX.formatHex(CommandApdu.parse(HEX.parseHex(apdu.toLowerCase())).bytes()))
                    .isEqualToIgnoringCase(apdu);
        }
        assertThat(CommandApdu.parse(HEX.parseHex("00 b0 00 00 00")).ne()).isEqualTo(256);
    }
}
