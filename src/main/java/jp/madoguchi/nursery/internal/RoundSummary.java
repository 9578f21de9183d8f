package jp.madoguchi.nursery.internal;

import java.util.List;
import java.util.Map;
import jp.madoguchi.nursery.AgeClass;
import jp.madoguchi.nursery.ValidationIssue;

/**
 * A round's data at a glance: families and children by kind, applicants and seats per age class, the facilities, and
 * every issue that would stop a run.
 *
 * @param round the round
 * @param families families applying
 * @param siblingFamilies families applying for two or more children
 * @param applicants children applying (新規 and 転園)
 * @param transfers 転園 applicants
 * @param enrolled 在園 children recorded with their families
 * @param facilities facilities with at least one class in the round
 * @param applicantsByAge applying children per age class
 * @param seatsByAge seats open per age class
 * @param issues what would stop a run (empty: ready)
 */
public record RoundSummary(RoundView round, int families, int siblingFamilies, int applicants, int transfers,
        int enrolled, int facilities, Map<AgeClass, Integer> applicantsByAge, Map<AgeClass, Integer> seatsByAge,
        List<ValidationIssue> issues) {

    public int seats() {
        return seatsByAge.values().stream().mapToInt(Integer::intValue).sum();
    }
}
