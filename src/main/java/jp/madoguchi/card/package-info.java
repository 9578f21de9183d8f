/**
 * マイナンバーカードの読取りと住民記録との照合 — reading the My Number Card's 券面事項入力補助AP (the four basic facts and
 * the 個人番号, after the 4-digit PIN) and matching those facts to the resident register. See docs/card.md.
 *
 * <ul>
 *   <li>{@link jp.madoguchi.card.CardReader} — SELECT the AP, VERIFY the PIN, READ BINARY and parse the TLV data into
 *       {@link jp.madoguchi.card.CardFacts}; the same logic runs over any {@link jp.madoguchi.card.ApduChannel}.
 *   <li>{@link jp.madoguchi.card.CardSlots} — where cards are read: a PC/SC terminal ({@code javax.smartcardio}) or the
 *       simulator, chosen by {@code madoguchi.card.reader=pcsc|simulator}.
 *   <li>{@link jp.madoguchi.card.CardRegisterMatcher} — finds the person in the register through the audited
 *       {@link jp.madoguchi.resident.ResidentRegister} and compares field by field
 *       ({@link jp.madoguchi.card.CardMatch}), showing differences (an address not yet updated on the card, another
 *       字形 of a name) instead of hiding them.
 * </ul>
 *
 * <p>The 個人番号 and the PIN are never logged; the PIN is not kept after the exchange with the card.
 */
package jp.madoguchi.card;
