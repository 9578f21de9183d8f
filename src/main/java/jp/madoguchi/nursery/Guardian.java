package jp.madoguchi.nursery;

import java.util.Objects;

/**
 * 保護者 — a guardian as the points see them: the code of the circumstance that makes care necessary (保育の必要性の
 * 事由), looked up in {@link PointsTable#baseItems()}.
 *
 * @param circumstance 基準指数の項目コード ("WORK_160")
 */
public record Guardian(String circumstance) {
    public Guardian {
        Objects.requireNonNull(circumstance, "circumstance");
    }
}
