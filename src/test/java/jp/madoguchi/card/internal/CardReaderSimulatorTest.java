package jp.madoguchi.card.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import jp.madoguchi.card.ApduChannel;
import jp.madoguchi.card.CardFacts;
import jp.madoguchi.card.CardReadException;
import jp.madoguchi.card.CardReadException.Reason;
import jp.madoguchi.card.CardSex;
import jp.madoguchi.card.CommandApdu;
import jp.madoguchi.card.ResponseApdu;
import jp.madoguchi.kit.MyNumber;
import jp.madoguchi.kit.RegisterDate;
import org.junit.jupiter.api.Test;

/** The reading logic of the 券面事項入力補助AP against the simulated card, APDU by APDU. */
class CardReaderSimulatorTest {

    static final MyNumber NUMBER = DemoCards.myNumber(4242);
    static final CardFacts FACTS = new CardFacts("髙橋\u3000一郎", "長野県窓口町本町一丁目3番12号",
            RegisterDate.seireki(1985, 7, 7), CardSex.MALE, NUMBER);

    static SimulatedCard card() {
        return SimulatedCard.of("t", "テスト", FACTS, "1234", 3);
    }

    static CardFacts read(SimulatedCard card, String pin) {
        try (ApduChannel channel = card.connect()) {
            return InputAssistApReader.read(channel, pin.toCharArray());
        }
    }

    /** Records every exchange (headers only are compared in tests). */
    static final class Recording implements ApduChannel {
        final ApduChannel target;
        final List<CommandApdu> commands = new ArrayList<>();
        final List<ResponseApdu> responses = new ArrayList<>();

        Recording(ApduChannel target) {
            this.target = target;
        }

        @Override
        public ResponseApdu transmit(CommandApdu command) {
            commands.add(command);
            ResponseApdu r = target.transmit(command);
            responses.add(r);
            return r;
        }

        @Override
        public void close() {
            target.close();
        }
    }

    @Test
    void readsTheFourFactsAndTheNumber() {
        CardFacts facts = read(card(), "1234");
        assertThat(facts.name()).isEqualTo("髙橋\u3000一郎");
        assertThat(facts.address()).isEqualTo("長野県窓口町本町一丁目3番12号");
        assertThat(facts.birthDate()).isEqualTo(RegisterDate.seireki(1985, 7, 7));
        assertThat(facts.sex()).isEqualTo(CardSex.MALE);
        assertThat(facts.myNumber()).isEqualTo(NUMBER);
        assertThat(facts.toString()).doesNotContain("髙橋").doesNotContain(NUMBER.digits());
    }

    @Test
    void sendsTheDocumentedCommands() {
        Recording channel = new Recording(card().connect());
        InputAssistApReader.read(channel, "1234".toCharArray());
        HexFormat hex = HexFormat.ofDelimiter(" ").withUpperCase();
        List<String> sent = channel.commands.stream().map(c -> hex.formatHex(c.bytes())).toList();
        assertThat(sent.subList(0, 4)).containsExactly(
                "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08",
                "00 A4 02 0C 02 00 11",
                "00 20 00 80",
                "00 20 00 80 04 31 32 33 34");
        assertThat(sent.get(4)).isEqualTo("00 A4 02 0C 02 00 01");
        assertThat(sent.get(5)).isEqualTo("00 B0 00 00 08");
        assertThat(sent).contains("00 A4 02 0C 02 00 02");
        assertThat(channel.responses.get(2).sw()).isEqualTo(0x63C3);
        // The PIN appears in no command's toString.
        assertThat(channel.commands.get(3).toString()).isEqualTo("CommandApdu[00 20 00 80 Lc=4]");
    }

    @Test
    void aWrongPinCountsDownAndTheRightOneRestoresTheCounter() {
        SimulatedCard card = card();
        assertThatThrownBy(() -> read(card, "0000"))
                .isInstanceOfSatisfying(CardReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_PIN);
                    assertThat(e.remainingTries()).hasValue(2);
                    assertThat(e.getMessage()).contains("暗証番号が違います（残り2回）");
                });
        assertThatThrownBy(() -> read(card, "9999"))
                .isInstanceOfSatisfying(CardReadException.class, e -> {
                    assertThat(e.remainingTries()).hasValue(1);
                    assertThat(e.getMessage()).contains("残り1回").contains("次に間違えるとロックされます");
                });
        assertThat(card.remainingTries()).isEqualTo(1);
        assertThat(read(card, "1234").name()).isEqualTo("髙橋\u3000一郎");
        assertThat(card.remainingTries()).isEqualTo(3);
    }

    @Test
    void theThirdWrongPinLocksTheCardAndThenEvenTheRightPinIsRefused() {
        SimulatedCard card = card();
        read(card, "1234");
        assertThatThrownBy(() -> read(card, "1111")).hasMessageContaining("残り2回");
        assertThatThrownBy(() -> read(card, "2222")).hasMessageContaining("残り1回");
        assertThatThrownBy(() -> read(card, "3333"))
                .isInstanceOfSatisfying(CardReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.PIN_LOCKED);
                    assertThat(e.getMessage()).startsWith("暗証番号がロックされています。市区町村窓口で初期化が必要です");
                });
        assertThat(card.remainingTries()).isZero();

        Recording channel = new Recording(card.connect());
        assertThatThrownBy(() -> InputAssistApReader.read(channel, "1234".toCharArray()))
                .isInstanceOfSatisfying(CardReadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PIN_LOCKED));
        // Locked: the state query answers 6983 and the PIN is never sent.
        assertThat(channel.responses.getLast().sw()).isEqualTo(0x6983);
        assertThat(channel.commands).noneMatch(c -> c.ins() == 0x20 && c.data().length > 0);

        card.resetTries();
        assertThat(read(card, "1234").myNumber()).isEqualTo(NUMBER);
    }

    @Test
    void aMalformedPinIsRefusedBeforeTheCardIsAsked() {
        SimulatedCard card = card();
        for (String pin : List.of("123", "12345", "12a4", "", "１２３４")) {
            Recording channel = new Recording(card.connect());
            assertThatThrownBy(() -> InputAssistApReader.read(channel, pin.toCharArray()))
                    .isInstanceOfSatisfying(CardReadException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.PIN_FORMAT);
                        assertThat(e.getMessage()).contains("4桁の数字");
                    });
            assertThat(channel.commands).isEmpty();
        }
        assertThat(card.remainingTries()).isEqualTo(3);
    }

    @Test
    void thePinArrayIsWipedWhateverHappens() {
        char[] right = "1234".toCharArray();
        InputAssistApReader.read(card().connect(), right);
        assertThat(right).containsOnly('\0');
        char[] wrong = "0000".toCharArray();
        assertThatThrownBy(() -> InputAssistApReader.read(card().connect(), wrong));
        assertThat(wrong).containsOnly('\0');
    }

    @Test
    void anotherCardIsNotAMyNumberCard() {
        ApduChannel other = new ApduChannel() {
            @Override
            public ResponseApdu transmit(CommandApdu command) {
                return ResponseApdu.status(ResponseApdu.SW_FILE_NOT_FOUND);
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> InputAssistApReader.read(other, "1234".toCharArray()))
                .isInstanceOfSatisfying(CardReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_MY_NUMBER_CARD);
                    assertThat(e.getMessage()).contains("マイナンバーカード");
                });
    }

    @Test
    void aCardTakenAwayMidwayIsACommunicationError() {
        ApduChannel channel = card().connect();
        channel.close();
        assertThatThrownBy(() -> InputAssistApReader.read(channel, "1234".toCharArray()))
                .isInstanceOfSatisfying(CardReadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.COMMUNICATION));
    }

    @Test
    void longFieldsAreReadInSeveralChunks() {
        String address = "長野県窓口町大字新田" + "一二三四五六七八九十".repeat(12) + "番地";
        CardFacts facts = new CardFacts("𠮷田\u3000葛󠄀子", address, RegisterDate.seirekiYearMonth(1950, 4),
                CardSex.FEMALE, NUMBER);
        Recording channel = new Recording(SimulatedCard.of("long", "長い", facts, "4321", 3).connect());
        CardFacts read = InputAssistApReader.read(channel, "4321".toCharArray());
        assertThat(read.address()).isEqualTo(address);
        assertThat(read.name()).isEqualTo("𠮷田\u3000葛󠄀子");
        assertThat(read.birthDate()).isEqualTo(RegisterDate.seirekiYearMonth(1950, 4));
        long reads = channel.commands.stream().filter(c -> c.ins() == 0xB0).count();
        assertThat(reads).isGreaterThanOrEqualTo(5);
        assertThat(channel.commands).allMatch(c -> c.ins() != 0xB0 || c.ne() <= 0xFF);
    }
}
