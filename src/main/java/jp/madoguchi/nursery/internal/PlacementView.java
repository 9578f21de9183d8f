package jp.madoguchi.nursery.internal;

import java.util.List;
import jp.madoguchi.nursery.AgeClass;

/**
 * One child's result in a run, with its explanation.
 *
 * @param position the child's order in the run's input
 * @param childId 児童の受付番号
 * @param familyId 世帯の受付番号
 * @param ageClass 年齢クラス
 * @param score 指数
 * @param priority 優先順位
 * @param facilityId 施設番号, or null (保留)
 * @param facilityName the facility's name, or null
 * @param preference 第n希望, 0 when not placed
 * @param transfer a 転園 applicant
 * @param fixed placed (or left unplaced) by hand
 * @param summary the explanation's summary
 * @param reasons one sentence per choice above the placement
 */
public record PlacementView(int position, String childId, String familyId, AgeClass ageClass, int score,
        int priority, String facilityId, String facilityName, int preference, boolean transfer, boolean fixed,
        String summary, List<String> reasons) {

    public boolean placed() {
        return facilityId != null;
    }

    /** 「さくら保育園（第2希望）」, 「保留」 or 「保留（在園継続）」. */
    public String outcome() {
        if (facilityId == null) {
            return transfer ? "保留（現在の施設に在園継続）" : "保留";
        }
        return facilityName + "（第" + preference + "希望" + (transfer ? "・転園" : "") + "）";
    }
}
