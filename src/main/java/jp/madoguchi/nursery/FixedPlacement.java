package jp.madoguchi.nursery;

import java.util.Objects;

/**
 * 手作業による決定 — a placement staff fixed by hand before re-running the rest: the child goes to its
 * {@code preference}-th choice (for a family placed row by row, that row: every sibling is fixed to the same row), or
 * stays unplaced when it is 0 (保留; a 転園 applicant keeps its current seat). Both modes then allocate the other
 * children to the seats the fixed ones leave, with the same priority order; see
 * {@link NurseryMatching#baseline(java.util.List)}.
 *
 * @param childId 児童の受付番号
 * @param preference 第n希望 (1 = first choice), or 0 for 保留
 */
public record FixedPlacement(String childId, int preference) {

    public FixedPlacement {
        Objects.requireNonNull(childId, "childId");
        if (preference < 0) {
            throw new IllegalArgumentException("preference ≥ 0");
        }
    }

    /** Whether the child is fixed to a seat (not 保留). */
    public boolean placed() {
        return preference > 0;
    }
}
