package jp.madoguchi.nursery;

import java.util.List;
import java.util.Objects;

/**
 * 利用調整基準 — the municipality's rules for a round: points table, how guardians' points combine, the ordered
 * tie-break rules, and how many facilities one child may list.
 *
 * @param points 指数表
 * @param baseIndexRule how the family's 基準指数 is made from its guardians'
 * @param tieBreaks 同点時の優先順位, in order ({@link TieBreakRule#APPLICATION_NUMBER} is added last if missing)
 * @param maxPreferences 希望できる施設数の上限
 */
public record RoundRules(PointsTable points, BaseIndexRule baseIndexRule, List<TieBreakRule> tieBreaks,
        int maxPreferences) {

    public RoundRules {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(baseIndexRule, "baseIndexRule");
        tieBreaks = List.copyOf(tieBreaks);
        if (maxPreferences < 1) {
            throw new IllegalArgumentException("希望施設数の上限は1以上です: " + maxPreferences);
        }
    }

    /** The standard table, lower of the guardians, a common tie-break list, up to 10 facilities. */
    public static RoundRules standard() {
        return new RoundRules(PointsTable.standard(), BaseIndexRule.LOWER_OF_GUARDIANS,
                List.of(TieBreakRule.HIGHER_BASE_INDEX, TieBreakRule.SINGLE_PARENT, TieBreakRule.LOWER_INCOME,
                        TieBreakRule.LONGER_WAITING, TieBreakRule.LOTTERY),
                10);
    }

    /** The tie-breaks actually applied: the list, then {@link TieBreakRule#APPLICATION_NUMBER}. */
    public List<TieBreakRule> effectiveTieBreaks() {
        if (tieBreaks.contains(TieBreakRule.APPLICATION_NUMBER)) {
            return tieBreaks;
        }
        var all = new java.util.ArrayList<>(tieBreaks);
        all.add(TieBreakRule.APPLICATION_NUMBER);
        return List.copyOf(all);
    }
}
