package jp.madoguchi.card;

/**
 * The transport to a card: one command APDU in, one response APDU out. A PC/SC terminal and the simulator implement
 * it, so the reading logic ({@link CardReader}) runs the same against both. Closing the channel ends the session with
 * the card (the PC/SC transport resets the card, so no verified PIN outlives the read).
 */
public interface ApduChannel extends AutoCloseable {

    /**
     * Sends a command and returns the card's response.
     *
     * @throws CardReadException ({@link CardReadException.Reason#COMMUNICATION}) when the exchange itself fails, e.g.
     *     the card was taken away
     */
    ResponseApdu transmit(CommandApdu command);

    @Override
    void close();
}
