package jp.madoguchi.nursery.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.madoguchi.nursery.AdmissionInstance;

/**
 * Everything a run reads, as it was when the run started — the snapshot kept with the run: the engine's instance, and
 * what the engine does not need but letters and screens do (names, the address, enrolled children).
 *
 * @param instance the admission instance (round, rules, facilities, families with their applying children)
 * @param families the guardian's name and address per family id (null values when not given)
 * @param childNames the name per child id (applying and enrolled), when given
 * @param enrolled children of the families who keep their seats and are not allocated
 */
public record RoundInput(AdmissionInstance instance, Map<String, FamilyContact> families,
        Map<String, String> childNames, List<EnrolledChild> enrolled) {

    public RoundInput {
        families = Map.copyOf(families);
        childNames = Map.copyOf(childNames);
        enrolled = List.copyOf(enrolled);
    }

    /**
     * Who a family's letter goes to.
     *
     * @param guardianName 保護者氏名, or null
     * @param address 住所, or null
     */
    public record FamilyContact(String guardianName, String address) {
    }

    /**
     * 在園児 — a child of an applying family who keeps its seat.
     *
     * @param id 児童の受付番号
     * @param familyId 世帯の受付番号
     * @param birthDate 生年月日
     * @param facilityId the facility it attends
     */
    public record EnrolledChild(String id, String familyId, LocalDate birthDate, String facilityId) {
    }

    /** The child's name, or its id when no name was given. */
    public String childName(String childId) {
        String name = childNames.get(childId);
        return name == null || name.isBlank() ? "児童 " + childId : name;
    }
}
