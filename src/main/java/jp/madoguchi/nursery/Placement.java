package jp.madoguchi.nursery;

/**
 * 調整結果 (児童ごと) — where one child was placed.
 *
 * @param childId 児童の受付番号
 * @param familyId 世帯の受付番号
 * @param ageClass 年齢クラス
 * @param score 指数 (基準指数 + 調整指数)
 * @param priority 優先順位 (1 = first)
 * @param facilityId the facility, or {@code null} (保留; a transfer applicant stays at its current facility)
 * @param preference the choice placed at (1 = 第1希望), or 0
 * @param transfer whether the child applied as a transfer (転園)
 */
public record Placement(String childId, String familyId, AgeClass ageClass, int score, int priority,
        String facilityId, int preference, boolean transfer) {

    public boolean isPlaced() {
        return facilityId != null;
    }
}
