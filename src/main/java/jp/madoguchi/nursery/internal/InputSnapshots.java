package jp.madoguchi.nursery.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.nursery.AdmissionInstance;
import jp.madoguchi.nursery.AdmissionRound;
import jp.madoguchi.nursery.AgeClass;
import jp.madoguchi.nursery.BaseIndexRule;
import jp.madoguchi.nursery.Child;
import jp.madoguchi.nursery.Facility;
import jp.madoguchi.nursery.Family;
import jp.madoguchi.nursery.FixedPlacement;
import jp.madoguchi.nursery.Guardian;
import jp.madoguchi.nursery.PointsTable;
import jp.madoguchi.nursery.RoundRules;
import jp.madoguchi.nursery.SiblingOption;
import jp.madoguchi.nursery.TieBreakRule;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of a run's input ({@link RoundInput}) and of its fixed placements, as stored in {@code nursery_run}.
 * An explicit, versioned format ({@code "format": 1}) of plain values rather than the engine's records, so that a run
 * kept for years still reads after the engine changes. The same input always gives the same text (and hash).
 */
@Component
public class InputSnapshots {

    static final int FORMAT = 1;

    record Snapshot(int format, String admissionMonth, Rules rules, List<FacilityJson> facilities,
            List<FamilyJson> families, List<EnrolledJson> enrolled) {
    }

    record Rules(String baseIndexRule, int absentGuardianPoints, int maxPreferences, List<String> tieBreaks,
            List<Item> baseItems, List<Item> adjustmentItems) {
    }

    record Item(String code, String category, String label, int points) {
    }

    record FacilityJson(String id, String name, Map<String, Integer> seats) {
    }

    record FamilyJson(String id, List<String> guardians, List<String> adjustments, String siblingOption,
            Integer income, int waitingMonths, int lotteryNumber, String guardianName, String address,
            List<ChildJson> children) {
    }

    record ChildJson(String id, String name, String birthDate, List<String> preferences, String currentFacility,
            List<String> adjustments) {
    }

    record EnrolledJson(String id, String familyId, String name, String birthDate, String facility) {
    }

    record FixJson(String child, int preference) {
    }

    private final JsonMapper json;

    public InputSnapshots(JsonMapper json) {
        this.json = json;
    }

    /** The snapshot's JSON text. */
    public String write(RoundInput input) {
        AdmissionInstance in = input.instance();
        Rules rules = rules(in.rules());
        List<FacilityJson> facilities = new ArrayList<>();
        for (Facility f : in.facilities()) {
            Map<String, Integer> seats = new LinkedHashMap<>();
            for (AgeClass a : AgeClass.values()) {
                if (f.hasClass(a)) {
                    seats.put(Integer.toString(a.age()), f.seats(a));
                }
            }
            facilities.add(new FacilityJson(f.id(), f.name(), seats));
        }
        List<FamilyJson> families = new ArrayList<>();
        for (Family f : in.families()) {
            RoundInput.FamilyContact contact = input.families().getOrDefault(f.id(),
                    new RoundInput.FamilyContact(null, null));
            List<ChildJson> children = f.children().stream().map(c -> new ChildJson(c.id(),
                    input.childNames().get(c.id()), c.birthDate().toString(), c.preferences(), c.currentFacility(),
                    c.adjustments())).toList();
            families.add(new FamilyJson(f.id(), f.guardians().stream().map(Guardian::circumstance).toList(),
                    f.adjustments(), f.siblingOption().name(), f.income(), f.waitingMonths(), f.lotteryNumber(),
                    contact.guardianName(), contact.address(), children));
        }
        List<EnrolledJson> enrolled = input.enrolled().stream().map(e -> new EnrolledJson(e.id(), e.familyId(),
                input.childNames().get(e.id()), e.birthDate().toString(), e.facilityId())).toList();
        return json.writeValueAsString(new Snapshot(FORMAT, in.round().admissionMonth().toString(), rules,
                facilities, families, enrolled));
    }

    private static Rules rules(RoundRules r) {
        return new Rules(r.baseIndexRule().name(), r.points().absentGuardianPoints(), r.maxPreferences(),
                r.tieBreaks().stream().map(Enum::name).toList(), items(r.points().baseItems()),
                items(r.points().adjustmentItems()));
    }

    /**
     * Whether the rules part of a snapshot ({@code input -> 'rules'} of a run, as JSON) is {@code rules}: same
     * settings, tie-break order and items (code, 分類, 名称, 指数; their display order does not count).
     */
    public boolean sameRules(String rulesJson, RoundRules rules) {
        return json.readValue(rulesJson, Rules.class).equals(rules(rules));
    }

    private static List<Item> items(Map<String, PointsTable.Item> items) {
        return items.values().stream().sorted(Comparator.comparing(PointsTable.Item::code))
                .map(i -> new Item(i.code(), i.category(), i.label(), i.points())).toList();
    }

    /** Reads a snapshot back. */
    public RoundInput read(String text) {
        Snapshot s = json.readValue(text, Snapshot.class);
        if (s.format() != FORMAT) {
            throw new IllegalStateException("unknown snapshot format " + s.format());
        }
        Rules r = s.rules();
        PointsTable points = PointsTable.of(
                r.baseItems().stream().map(i -> new PointsTable.Item(i.code(), i.category(), i.label(), i.points()))
                        .toList(),
                r.adjustmentItems().stream().map(i -> new PointsTable.Item(i.code(), i.category(), i.label(),
                        i.points())).toList(),
                r.absentGuardianPoints());
        RoundRules rules = new RoundRules(points, BaseIndexRule.valueOf(r.baseIndexRule()),
                r.tieBreaks().stream().map(TieBreakRule::valueOf).toList(), r.maxPreferences());
        List<Facility> facilities = new ArrayList<>();
        for (FacilityJson f : s.facilities()) {
            Map<AgeClass, Integer> seats = new EnumMap<>(AgeClass.class);
            f.seats().forEach((age, n) -> seats.put(AgeClass.ofAge(Integer.parseInt(age)), n));
            facilities.add(new Facility(f.id(), f.name(), seats));
        }
        List<Family> families = new ArrayList<>();
        Map<String, RoundInput.FamilyContact> contacts = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (FamilyJson f : s.families()) {
            List<Child> children = new ArrayList<>();
            for (ChildJson c : f.children()) {
                children.add(new Child(c.id(), LocalDate.parse(c.birthDate()), c.preferences(), c.currentFacility(),
                        c.adjustments()));
                if (c.name() != null) {
                    names.put(c.id(), c.name());
                }
            }
            families.add(new Family(f.id(), f.guardians().stream().map(Guardian::new).toList(), f.adjustments(),
                    SiblingOption.valueOf(f.siblingOption()), children, f.income(), f.waitingMonths(),
                    f.lotteryNumber()));
            contacts.put(f.id(), new RoundInput.FamilyContact(f.guardianName(), f.address()));
        }
        List<RoundInput.EnrolledChild> enrolled = new ArrayList<>();
        for (EnrolledJson e : s.enrolled()) {
            enrolled.add(new RoundInput.EnrolledChild(e.id(), e.familyId(), LocalDate.parse(e.birthDate()),
                    e.facility()));
            if (e.name() != null) {
                names.put(e.id(), e.name());
            }
        }
        return new RoundInput(new AdmissionInstance(new AdmissionRound(YearMonth.parse(s.admissionMonth())), rules,
                facilities, families), contacts, names, enrolled);
    }

    /** The fixed placements' JSON text. */
    public String writeFixes(List<FixedPlacement> fixes) {
        return json.writeValueAsString(fixes.stream().map(f -> new FixJson(f.childId(), f.preference())).toList());
    }

    /** Fixed placements read back. */
    public List<FixedPlacement> readFixes(String text) {
        FixJson[] fixes = json.readValue(text, FixJson[].class);
        List<FixedPlacement> out = new ArrayList<>(fixes.length);
        for (FixJson f : fixes) {
            out.add(new FixedPlacement(f.child(), f.preference()));
        }
        return out;
    }

    /** SHA-256 of a text (UTF-8), in hex. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of bytes, in hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
