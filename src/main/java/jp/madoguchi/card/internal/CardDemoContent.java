package jp.madoguchi.card.internal;

import java.time.LocalDate;
import java.util.List;
import jp.madoguchi.card.CardReaderMode;
import jp.madoguchi.card.CardSlots;
import jp.madoguchi.demo.DemoResidents;
import jp.madoguchi.platform.DemoContent;
import jp.madoguchi.platform.Municipality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's simulated My Number Cards ({@link DemoCards}), put into the simulator's deck at each demo start. The
 * cards are rebuilt from the demo population, which depends on the date it was generated on: the day the demo
 * register was loaded ({@link DemoResidents#referenceDate()}), so every start rebuilds the same cards for the same
 * register.
 */
@Component
class CardDemoContent implements DemoContent {

    private static final Logger log = LoggerFactory.getLogger(CardDemoContent.class);

    private final DemoResidents demoResidents;
    private final SimulatedCardDeck deck;
    private final CardSlots slots;

    CardDemoContent(DemoResidents demoResidents, SimulatedCardDeck deck, CardSlots slots) {
        this.demoResidents = demoResidents;
        this.deck = deck;
        this.slots = slots;
    }

    @Override
    public String name() {
        return "simulated My Number Cards";
    }

    @Override
    public void addTo(Municipality municipality) {
        if (!municipality.demo()) {
            return;
        }
        if (slots.mode() != CardReaderMode.SIMULATOR) {
            return;
        }
        // The register's population as generated on the day it was loaded (DemoResidents knows that day).
        LocalDate reference = demoResidents.referenceDate();
        List<SimulatedCard> cards = DemoCards.build(
                DemoResidents.generate(reference), municipality.prefectureName(), municipality.name(), reference);
        cards.forEach(deck::add);
        log.info("Demo cards in the simulator: {}", cards.size());
    }
}
