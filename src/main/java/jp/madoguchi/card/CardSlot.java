package jp.madoguchi.card;

/**
 * A place a card is read from: a PC/SC card terminal, or the simulator's reader holding a simulated card (or none).
 */
public interface CardSlot {

    /** What this slot is, for screens and the audit trail (a terminal name, 「シミュレーター」); no personal data. */
    String description();

    /**
     * Connects to the card in this slot.
     *
     * @throws CardReadException with {@link CardReadException.Reason#NO_READER} or
     *     {@link CardReadException.Reason#NO_CARD} when there is nothing to read
     */
    ApduChannel connect();
}
