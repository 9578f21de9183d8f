package jp.madoguchi.nursery;

import java.util.List;

/**
 * 調整結果の説明 — for one child: the 指数 and its make-up, where it was placed, and for each higher choice why not,
 * in Japanese sentences a family can read.
 *
 * @param childId 児童の受付番号
 * @param summary the 指数 and the outcome in one sentence
 * @param reasons one sentence per choice above the placement (every choice when not placed)
 */
public record ChildExplanation(String childId, String summary, List<String> reasons) {
    public ChildExplanation {
        reasons = List.copyOf(reasons);
    }
}
