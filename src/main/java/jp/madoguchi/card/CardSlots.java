package jp.madoguchi.card;

import java.util.List;

/**
 * The card readers of this installation, by {@link CardReaderMode}: the PC/SC terminal (the configured one, or the
 * first with a card present), or the simulator, whose cards a demo or test "puts on the reader" by id.
 */
public interface CardSlots {

    CardReaderMode mode();

    /**
     * The slot a counter reads from.
     *
     * @param simulatedCardId in simulator mode, the card on the reader (blank or unknown: no card on the reader,
     *     so reading it fails with {@link CardReadException.Reason#NO_CARD}); ignored for PC/SC
     */
    CardSlot counterSlot(String simulatedCardId);

    /** In simulator mode, the simulated cards in their order; empty for PC/SC. */
    List<SimulatedCardInfo> simulatedCards();

    /**
     * In simulator mode, restores a simulated card's PIN retry counter (a demo convenience; a real locked card needs
     * the municipality's 初期化 with the holder's identity documents).
     *
     * @return whether a simulated card with that id exists
     */
    boolean resetSimulatedCard(String simulatedCardId);
}
