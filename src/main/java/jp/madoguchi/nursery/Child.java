package jp.madoguchi.nursery;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * 申込児童 — a child applying in the round.
 *
 * @param id 児童の受付番号 (unique in the round; also the last tie-break)
 * @param birthDate 生年月日 (names the age class)
 * @param preferences 希望施設 (facility ids, first choice first)
 * @param currentFacility 在園中の施設 for a 転園 applicant (keeps that seat unless placed at a listed facility), or
 *        {@code null}
 * @param adjustments 児童ごとの調整指数 codes (障害児…)
 */
public record Child(String id, LocalDate birthDate, List<String> preferences, String currentFacility,
        List<String> adjustments) {

    public Child {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(birthDate, "birthDate");
        preferences = List.copyOf(preferences);
        adjustments = List.copyOf(adjustments);
    }

    /** A new applicant with no child-level adjustment. */
    public static Child applying(String id, LocalDate birthDate, List<String> preferences) {
        return new Child(id, birthDate, preferences, null, List.of());
    }

    public boolean isTransfer() {
        return currentFacility != null;
    }
}
