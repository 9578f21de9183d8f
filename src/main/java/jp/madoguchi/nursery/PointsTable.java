package jp.madoguchi.nursery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * 指数表 — the municipality's points table: 基準指数 for each guardian's circumstance (就労時間, 疾病, 介護, 就学, 求職…)
 * and 調整指数 items (ひとり親, 生活保護, 兄弟在園, 育休明け…), which may be negative. Configurable data: a municipality
 * replaces {@link #standard()} with its own table.
 *
 * @param baseItems 基準指数 by code
 * @param adjustmentItems 調整指数 by code
 * @param absentGuardianPoints the 基準指数 of a guardian who is not there (ひとり親世帯の他方; usually the maximum)
 */
public record PointsTable(Map<String, Item> baseItems, Map<String, Item> adjustmentItems, int absentGuardianPoints) {

    /**
     * One line of the table.
     *
     * @param code the code used in applications and CSV ("WORK_160")
     * @param category 区分 (「就労」「疾病」…)
     * @param label what it says (「月160時間以上の就労」)
     * @param points the points
     */
    public record Item(String code, String category, String label, int points) {
        public Item {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(label, "label");
        }
    }

    public PointsTable {
        baseItems = Map.copyOf(baseItems);
        adjustmentItems = Map.copyOf(adjustmentItems);
    }

    /** The table from lists, keyed by code. */
    public static PointsTable of(List<Item> base, List<Item> adjustments, int absentGuardianPoints) {
        Map<String, Item> b = new LinkedHashMap<>();
        base.forEach(i -> b.put(i.code(), i));
        Map<String, Item> a = new LinkedHashMap<>();
        adjustments.forEach(i -> a.put(i.code(), i));
        return new PointsTable(b, a, absentGuardianPoints);
    }

    public Optional<Item> base(String code) {
        return Optional.ofNullable(baseItems.get(code));
    }

    public Optional<Item> adjustment(String code) {
        return Optional.ofNullable(adjustmentItems.get(code));
    }

    /**
     * A typical table (modelled on published 利用調整基準表 of large cities; not any one city's): 基準指数 up to 20
     * per guardian, 調整指数 from −5 to +10.
     */
    public static PointsTable standard() {
        return of(List.of(
                new Item("WORK_160", "就労", "月160時間以上の就労", 20),
                new Item("WORK_140", "就労", "月140時間以上160時間未満の就労", 19),
                new Item("WORK_120", "就労", "月120時間以上140時間未満の就労", 18),
                new Item("WORK_100", "就労", "月100時間以上120時間未満の就労", 16),
                new Item("WORK_80", "就労", "月80時間以上100時間未満の就労", 14),
                new Item("WORK_64", "就労", "月64時間以上80時間未満の就労", 12),
                new Item("WORK_48", "就労", "月48時間以上64時間未満の就労", 10),
                new Item("PREGNANCY", "出産", "妊娠・出産（産前産後）", 16),
                new Item("ILLNESS_HOSPITAL", "疾病", "入院または常時臥床", 20),
                new Item("ILLNESS_HOME", "疾病", "通院・自宅療養（保育が困難）", 16),
                new Item("DISABILITY_SEVERE", "障害", "身体障害者手帳1・2級、療育手帳A等", 20),
                new Item("DISABILITY", "障害", "身体障害者手帳3級、療育手帳B等", 16),
                new Item("CARE_FULL", "介護", "常時の介護・看護", 18),
                new Item("CARE_PART", "介護", "一部の介護・看護・通院付添", 12),
                new Item("DISASTER", "災害", "災害の復旧", 20),
                new Item("STUDY", "就学", "就学・職業訓練（月64時間以上）", 14),
                new Item("JOB_SEEKING", "求職", "求職活動（起業準備を含む）", 6),
                new Item("ABUSE_DV", "虐待・DV", "虐待・DVのおそれ", 20),
                new Item("NONE", "なし", "保育の必要性なし", 0)),
                List.of(
                new Item("SINGLE_PARENT", "ひとり親", "ひとり親世帯", 10),
                new Item("WELFARE", "生活保護", "生活保護世帯（就労により自立が見込まれる）", 5),
                new Item("SIBLING_ENROLLED", "兄弟在園", "きょうだいが希望園に在園", 3),
                new Item("PARENTAL_LEAVE_END", "育休明け", "育児休業からの復職", 3),
                new Item("UNLICENSED_CARE", "認可外利用", "認可外保育施設等に有償で預けて就労", 2),
                new Item("NURSERY_TEACHER", "保育士", "保護者が保育士として市内の施設に勤務", 5),
                new Item("CHILD_DISABILITY", "障害児", "児童が障害児（集団保育が可能）", 3),
                new Item("GRANDPARENT_NEARBY", "祖父母", "保育可能な65歳未満の祖父母が同居", -5)),
                20);
    }
}
