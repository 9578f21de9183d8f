package jp.madoguchi.nursery.internal;

import java.time.Instant;
import java.time.LocalDate;
import jp.madoguchi.nursery.AdmissionRound;
import jp.madoguchi.nursery.RoundRules;

/**
 * 利用調整の回 as stored: the round, its name, the day ages are counted on and the municipality's rules for it.
 *
 * @param id the round's id
 * @param round 4月一斉 or 途中入所 (admission month)
 * @param name the name staff gave it (「2027年度 4月一斉」)
 * @param ageReferenceDate 年齢の基準日 (April 1 of the fiscal year)
 * @param rules the points table, how guardians' points combine, tie-break rules and the maximum of choices
 * @param createdAt when it was created
 * @param createdBy who created it
 */
public record RoundView(long id, AdmissionRound round, String name, LocalDate ageReferenceDate, RoundRules rules,
        Instant createdAt, String createdBy) {

    /** 「4月一斉」 or 「途中入所」. */
    public String kindLabel() {
        return round.isAprilRound() ? "4月一斉" : "途中入所";
    }
}
