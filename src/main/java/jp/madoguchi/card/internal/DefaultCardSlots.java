package jp.madoguchi.card.internal;

import java.util.List;
import jp.madoguchi.card.ApduChannel;
import jp.madoguchi.card.CardFacts;
import jp.madoguchi.card.CardReadException;
import jp.madoguchi.card.CardReaderMode;
import jp.madoguchi.card.CardSlot;
import jp.madoguchi.card.CardSlots;
import jp.madoguchi.card.SimulatedCardInfo;
import jp.madoguchi.kit.KitFormatException;
import jp.madoguchi.kit.MyNumber;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The card readers by {@code madoguchi.card.reader}: one PC/SC slot, or the simulator's deck. */
@Component
@EnableConfigurationProperties(CardProperties.class)
class DefaultCardSlots implements CardSlots {

    private final CardReaderMode mode;
    private final SimulatedCardDeck deck;
    private final CardSlot pcsc;

    DefaultCardSlots(CardProperties properties, SimulatedCardDeck deck) {
        this.mode = properties.reader();
        this.deck = deck;
        this.pcsc = mode == CardReaderMode.PCSC
                ? new PcscCardSlot(properties.pcsc().terminal(), properties.pcsc().library()) : null;
        if (mode == CardReaderMode.SIMULATOR) {
            List<CardProperties.ConfiguredCard> configured = properties.simulator().cards();
            for (int i = 0; i < configured.size(); i++) {
                deck.add(toCard(configured.get(i), "madoguchi.card.simulator.cards[" + i + "]"));
            }
        }
    }

    @Override
    public CardReaderMode mode() {
        return mode;
    }

    @Override
    public CardSlot counterSlot(String simulatedCardId) {
        if (mode == CardReaderMode.PCSC) {
            return pcsc;
        }
        if (simulatedCardId == null || simulatedCardId.isBlank()) {
            return new SimulatorSlot(null);
        }
        return new SimulatorSlot(deck.find(simulatedCardId.strip()).orElse(null));
    }

    @Override
    public List<SimulatedCardInfo> simulatedCards() {
        return mode == CardReaderMode.SIMULATOR ? deck.all().stream().map(SimulatedCard::info).toList() : List.of();
    }

    @Override
    public boolean resetSimulatedCard(String simulatedCardId) {
        if (mode != CardReaderMode.SIMULATOR || simulatedCardId == null) {
            return false;
        }
        return deck.find(simulatedCardId.strip()).map(card -> {
            card.resetTries();
            return true;
        }).orElse(false);
    }

    /** The simulator's reader with one card on it, or none. */
    private record SimulatorSlot(SimulatedCard card) implements CardSlot {

        @Override
        public String description() {
            return "シミュレーター";
        }

        @Override
        public ApduChannel connect() {
            if (card == null) {
                throw CardReadException.noCard();
            }
            return card.connect();
        }
    }

    /** A configured card, checked field by field; a mistake stops the start with the property's name. */
    static SimulatedCard toCard(CardProperties.ConfiguredCard c, String property) {
        require(c.id() != null && !c.id().isBlank(), property + ".id: カードの識別子を指定してください");
        require(c.name() != null && !c.name().isBlank(), property + ".name: 氏名を指定してください");
        require(c.address() != null && !c.address().isBlank(), property + ".address: 住所を指定してください");
        require(c.pin() != null && c.pin().matches("[0-9]{4}"), property + ".pin: 暗証番号は4桁の数字です");
        MyNumber number;
        try {
            number = MyNumber.parse(c.myNumber());
        } catch (KitFormatException e) {
            throw new IllegalStateException(property + ".my-number: " + e.getMessage());
        }
        CardFacts facts;
        try {
            facts = new CardFacts(c.name(), c.address(), InputAssistAp.birthDate(c.birthDate() == null ? ""
                    : c.birthDate()), InputAssistAp.sex(c.sex() == null ? "" : c.sex()), number);
        } catch (CardReadException e) {
            throw new IllegalStateException(property + ": " + e.getMessage());
        }
        String label = c.label() == null || c.label().isBlank() ? c.id() : c.label();
        return SimulatedCard.of(c.id().strip(), label, facts, c.pin(), InputAssistAp.PIN_TRIES);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
