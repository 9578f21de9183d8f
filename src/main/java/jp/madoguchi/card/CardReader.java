package jp.madoguchi.card;

import jp.madoguchi.audit.Channel;

/**
 * マイナンバーカード読取り — reads the 券面事項入力補助AP (AID {@code D3 92 10 00 31 00 01 01 04 08}): SELECT the
 * application, VERIFY the 4-digit 券面事項入力補助用暗証番号, READ BINARY the 個人番号 and the 基本4情報, parse their TLV
 * structure. docs/card.md lists the APDUs, file identifiers and tags and where they come from.
 *
 * <p>Each read appends an audit event ({@code card.read}, or {@code card.read-failed} with the reason) for the
 * signed-in staff member; the event holds neither the 個人番号 nor the PIN.
 */
public interface CardReader {

    /**
     * Reads the card in {@code slot}. The PIN array is overwritten with zeros before this returns.
     *
     * @param slot where the card is
     * @param pin the 4-digit PIN the card holder typed, as ASCII digits (a screen converts full-width input first)
     * @param channel through which channel (the counter, a kiosk)
     * @param via the screen or API, for the audit trail
     * @throws CardReadException with a Japanese message when there is no card, the PIN is wrong (with the remaining
     *     tries) or locked, or the card's data is malformed
     */
    CardFacts read(CardSlot slot, char[] pin, Channel channel, String via);
}
