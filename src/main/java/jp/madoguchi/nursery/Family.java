package jp.madoguchi.nursery;

import java.util.List;
import java.util.Objects;

/**
 * 申込世帯 — the children of one household applying together, with what gives them their 指数.
 *
 * @param id 世帯の受付番号
 * @param guardians 保護者 (1 or 2; one means a single-parent household)
 * @param adjustments 世帯の調整指数 codes
 * @param siblingOption きょうだいの希望 (irrelevant for one child)
 * @param children the applying children (1 or more)
 * @param income 市町村民税所得割額 in yen, or {@code null} if unknown
 * @param waitingMonths 待機月数
 * @param lotteryNumber 抽選番号
 */
public record Family(String id, List<Guardian> guardians, List<String> adjustments, SiblingOption siblingOption,
        List<Child> children, Integer income, int waitingMonths, int lotteryNumber) {

    public Family {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(siblingOption, "siblingOption");
        guardians = List.copyOf(guardians);
        adjustments = List.copyOf(adjustments);
        children = List.copyOf(children);
    }
}
