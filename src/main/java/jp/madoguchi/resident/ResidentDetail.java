package jp.madoguchi.resident;

import java.util.List;

/**
 * A person's record as staff see it: the current record, the history (newest first) and the household members.
 */
public record ResidentDetail(ResidentRecord current, List<ResidentRecord> history, List<HouseholdMember> household) {

    /** A member of the same household (世帯員). */
    public record HouseholdMember(String atenaNumber, String name, String relationship, String birthDate) {
    }
}
