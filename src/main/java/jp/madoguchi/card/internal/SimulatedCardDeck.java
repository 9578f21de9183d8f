package jp.madoguchi.card.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The simulator's cards, in the order they were added: the demo's cards (added at each demo start by
 * {@link CardDemoContent}) and any from configuration ({@code madoguchi.card.simulator.cards}). Adding a card whose id
 * is already there keeps the existing one, with its retry counter, so the demo content stays idempotent.
 */
@Component
public class SimulatedCardDeck {

    private final Map<String, SimulatedCard> cards = new LinkedHashMap<>();

    /** Adds a card unless one with its id exists; returns the card now in the deck under that id. */
    public synchronized SimulatedCard add(SimulatedCard card) {
        return cards.computeIfAbsent(card.id(), id -> card);
    }

    public synchronized Optional<SimulatedCard> find(String id) {
        return Optional.ofNullable(cards.get(id));
    }

    public synchronized List<SimulatedCard> all() {
        return List.copyOf(cards.values());
    }
}
