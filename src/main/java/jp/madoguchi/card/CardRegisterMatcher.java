package jp.madoguchi.card;

import jp.madoguchi.audit.Channel;
import jp.madoguchi.resident.AccessPurpose;

/**
 * カードと住民記録の照合 — finds the card holder in the current municipality's register and compares the card's facts
 * with the record field by field.
 *
 * <p>The register does not hold the 個人番号 (docs/card.md), so the person is found by 生年月日 and 氏名 through the
 * audited {@link jp.madoguchi.resident.ResidentRegister#searchByBirthDate}: names agree when they are equal after
 * removing spaces and width differences, or after folding variant characters (髙→高, 﨑→崎, 邊/邉→辺…) and IVS
 * selectors — the latter reported as a different 字形. When no name agrees, people born that day at the card's
 * address are offered as candidates (a name change not yet on the card). Only the people shown are audited.
 */
public interface CardRegisterMatcher {

    /**
     * Matches with the purpose 「来庁受付の本人確認」.
     */
    default CardMatch match(CardFacts facts, Channel channel, String via) {
        return match(facts, AccessPurpose.VISIT_IDENTIFICATION, channel, via);
    }

    /**
     * Matches the card's facts to the register.
     *
     * @param facts what the card says
     * @param purpose the stated purpose of the register read (audited)
     * @param channel through which channel
     * @param via the screen or API
     * @return the person, the candidates, or nobody — with a comparison of every field; nothing is written except
     *     the audit events of the records shown
     */
    CardMatch match(CardFacts facts, AccessPurpose purpose, Channel channel, String via);
}
