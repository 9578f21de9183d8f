package jp.madoguchi.nursery.internal;

import java.util.Map;

/**
 * What a round's stored applications use of its rules: the 基準指数 codes given for guardians, the 調整指数 codes given
 * for families and children, and the most choices a child lists. A change of the rules must keep all of them valid.
 *
 * @param base 基準指数 code → use
 * @param adjustments 調整指数 code → use
 * @param maxChoices the most facilities one child lists (0 without applications)
 */
record RulesUsage(Map<String, Use> base, Map<String, Use> adjustments, int maxChoices) {

    RulesUsage {
        base = Map.copyOf(base);
        adjustments = Map.copyOf(adjustments);
    }

    /**
     * How a code is used.
     *
     * @param families how many families use it (themselves or for a child)
     * @param example the first such family's id (世帯番号)
     */
    record Use(int families, String example) {

        /** 「世帯 H0001」 or 「世帯 H0001 ほか2世帯」. */
        String text() {
            return "世帯 " + example + (families > 1 ? " ほか" + (families - 1) + "世帯" : "");
        }
    }

    Map<String, Use> of(PointsKind kind) {
        return kind == PointsKind.BASE ? base : adjustments;
    }
}
