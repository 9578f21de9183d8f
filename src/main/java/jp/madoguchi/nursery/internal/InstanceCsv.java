package jp.madoguchi.nursery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jp.madoguchi.nursery.AdmissionInstance;
import jp.madoguchi.nursery.AgeClass;
import jp.madoguchi.nursery.Child;
import jp.madoguchi.nursery.Facility;
import jp.madoguchi.nursery.Family;
import jp.madoguchi.nursery.Guardian;
import jp.madoguchi.nursery.SiblingOption;

/**
 * Writes an instance as the two import files ({@link FacilityCsv}, {@link ApplicationCsv}): how the demo round and
 * tests load generated instances through the same import staff use.
 */
public final class InstanceCsv {

    private InstanceCsv() {
    }

    /** The facilities-and-seats file. */
    public static String facilities(List<Facility> facilities) {
        StringBuilder s = new StringBuilder(String.join(",", FacilityCsv.COLUMNS)).append("\r\n");
        for (Facility f : facilities) {
            List<String> row = new ArrayList<>(List.of(f.id(), CsvFile.field(f.name())));
            for (AgeClass a : AgeClass.values()) {
                row.add(f.hasClass(a) ? Integer.toString(f.seats(a)) : "");
            }
            s.append(String.join(",", row)).append("\r\n");
        }
        return s.toString();
    }

    /** The applications file; {@code childName} and {@code contact} may return null. */
    public static String applications(AdmissionInstance instance, Function<String, String> childName,
            Function<String, RoundInput.FamilyContact> contact) {
        int choices = Math.max(1, instance.children().stream().mapToInt(c -> c.preferences().size()).max().orElse(1));
        List<String> header = new ArrayList<>(List.of(ApplicationCsv.FAMILY, ApplicationCsv.CHILD, ApplicationCsv.KIND,
                ApplicationCsv.CHILD_NAME, ApplicationCsv.BIRTH, ApplicationCsv.CURRENT, ApplicationCsv.GUARDIAN_NAME,
                ApplicationCsv.ADDRESS, ApplicationCsv.GUARDIAN1, ApplicationCsv.GUARDIAN2, ApplicationCsv.FAMILY_ADJ,
                ApplicationCsv.CHILD_ADJ, ApplicationCsv.SIBLINGS, ApplicationCsv.INCOME, ApplicationCsv.WAITING,
                ApplicationCsv.LOTTERY));
        for (int k = 1; k <= choices; k++) {
            header.add(ApplicationCsv.choiceColumn(k));
        }
        StringBuilder s = new StringBuilder(String.join(",", header)).append("\r\n");
        for (Family f : instance.families()) {
            RoundInput.FamilyContact c = contact.apply(f.id());
            List<Guardian> g = f.guardians();
            for (Child child : f.children()) {
                List<String> row = new ArrayList<>(List.of(f.id(), child.id(),
                        child.isTransfer() ? ChildKind.TRANSFER.label() : ChildKind.NEW.label(),
                        CsvFile.field(childName.apply(child.id())), child.birthDate().toString(),
                        child.currentFacility() == null ? "" : child.currentFacility(),
                        CsvFile.field(c == null ? null : c.guardianName()), CsvFile.field(c == null ? null : c.address()),
                        g.get(0).circumstance(), g.size() > 1 ? g.get(1).circumstance() : "",
                        String.join(" ", f.adjustments()), String.join(" ", child.adjustments()),
                        f.children().size() > 1 ? label(f.siblingOption()) : "",
                        f.income() == null ? "" : Integer.toString(f.income()), Integer.toString(f.waitingMonths()),
                        Integer.toString(f.lotteryNumber())));
                for (int k = 0; k < choices; k++) {
                    row.add(k < child.preferences().size() ? child.preferences().get(k) : "");
                }
                s.append(String.join(",", row)).append("\r\n");
            }
        }
        return s.toString();
    }

    private static String label(SiblingOption o) {
        return Map.of(SiblingOption.ANY, "それぞれ", SiblingOption.SAME_FACILITY_ONLY, "同じ園のみ",
                SiblingOption.ALL_OR_NONE, "全員", SiblingOption.YOUNGER_FIRST, "下の子優先").get(o);
    }
}
