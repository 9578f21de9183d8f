package jp.madoguchi.nursery;

import java.util.List;

/**
 * 正当な不満 — a blocking pair or coalition of an allocation: a child (or a family acting together) who prefers its
 * {@code preference}-th choice to what it got, and could have it: a seat there is free, or held by someone of lower
 * priority (justified envy), or held by the family itself.
 *
 * @param familyId the family
 * @param childIds the child, or the children of a family acting together
 * @param preference the choice (1 = 第1希望), a row for a family acting together
 * @param facilityIds the facility of each child in {@code childIds}
 * @param description in Japanese
 */
public record Blocking(String familyId, List<String> childIds, int preference, List<String> facilityIds,
        String description) {
    public Blocking {
        childIds = List.copyOf(childIds);
        facilityIds = List.copyOf(facilityIds);
    }
}
