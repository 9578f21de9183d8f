package jp.madoguchi.card.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.madoguchi.card.ApduChannel;
import jp.madoguchi.card.CardFacts;
import jp.madoguchi.card.CardReadException;
import jp.madoguchi.card.CardReadException.Reason;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The PC/SC transport over {@code javax.smartcardio}. Without pcscd the reader is reported missing in Japanese; with
 * pcscd and vsmartcard's virtual reader (vpcd) running, a simulated card is put into the real PC/SC stack and read
 * through JDK → libpcsclite → pcscd → vpcd, the same path a card in a USB reader takes (docs/card.md says how to run
 * it: {@code apt-get install pcscd vsmartcard-vpcd; pcscd --foreground &}).
 */
class CardPcscTransportTest {

    static final Path PCSCD_SOCKET = Path.of("/run/pcscd/pcscd.comm");

    @Test
    void withoutAPcscServiceTheReaderIsReportedMissing() {
        Assumptions.assumeFalse(Files.exists(PCSCD_SOCKET), "pcscd is running here");
        PcscCardSlot slot = new PcscCardSlot("", "");
        assertThatThrownBy(slot::connect).isInstanceOfSatisfying(CardReadException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.NO_READER);
            assertThat(e.getMessage()).startsWith("カードが読み取れません。カードリーダーが接続されているか確認してください");
        });
    }

    @Test
    void debiansLibraryPathIsUsedWhenNothingIsConfigured() {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1"))
                || Files.isReadable(Path.of("/usr/lib/aarch64-linux-gnu/libpcsclite.so.1")));
        new PcscCardSlot("", "");
        assertThat(System.getProperty(PcscCardSlot.LIBRARY_PROPERTY)).endsWith("libpcsclite.so.1");
    }

    @Test
    void aCardInAVirtualPcscReaderIsReadThroughJavaxSmartcardio() throws Exception {
        Assumptions.assumeTrue(VpcdCardClient.available(), "pcscd with vsmartcard-vpcd is not running");
        SimulatedCard card = CardReaderSimulatorTest.card();
        PcscCardSlot slot = new PcscCardSlot("Virtual PCD", "");
        try (VpcdCardClient inserted = new VpcdCardClient(card)) {
            CardFacts facts = readWhenPresent(slot, "1234");
            assertThat(facts.name()).isEqualTo(CardReaderSimulatorTest.FACTS.name());
            assertThat(facts.address()).isEqualTo(CardReaderSimulatorTest.FACTS.address());
            assertThat(facts.myNumber()).isEqualTo(CardReaderSimulatorTest.NUMBER);

            assertThatThrownBy(() -> readWhenPresent(slot, "0000"))
                    .isInstanceOfSatisfying(CardReadException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.WRONG_PIN);
                        assertThat(e.remainingTries()).hasValue(2);
                    });
            assertThat(card.remainingTries()).isEqualTo(2);
        }
    }

    /** pcscd notices the virtual card after a moment; retries while the slot says there is no card. */
    private static CardFacts readWhenPresent(PcscCardSlot slot, String pin) throws InterruptedException {
        CardReadException last = null;
        for (int i = 0; i < 50; i++) {
            try (ApduChannel channel = slot.connect()) {
                return InputAssistApReader.read(channel, pin.toCharArray());
            } catch (CardReadException e) {
                if (e.reason() != Reason.NO_CARD) {
                    throw e;
                }
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }
}
