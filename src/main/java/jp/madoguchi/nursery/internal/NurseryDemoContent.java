package jp.madoguchi.nursery.internal;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.nursery.AdmissionInstance;
import jp.madoguchi.nursery.Child;
import jp.madoguchi.nursery.Facility;
import jp.madoguchi.nursery.Family;
import jp.madoguchi.nursery.GeneratorParameters;
import jp.madoguchi.nursery.InstanceGenerator;
import jp.madoguchi.platform.DemoContent;
import jp.madoguchi.platform.Municipality;
import org.springframework.stereotype.Component;

/**
 * The demo round of 窓口町: 2027年度 4月一斉 with 12 facilities and about 300 children from the engine's seeded
 * generator (seed 2027), with made-up names and addresses, loaded through the same CSV import staff use. Ready to
 * run. Idempotent: nothing is added once the round exists (what staff did with it stays).
 */
@Component
class NurseryDemoContent implements DemoContent {

    static final YearMonth MONTH = YearMonth.of(2027, 4);
    static final long SEED = 2027;
    private static final AuditEvent.Actor DEMO = AuditEvent.Actor.system("demo");
    private static final String[] FAMILY_NAMES = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林",
        "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "森", "池田", "橋本", "石川"};
    private static final String[] CHILD_NAMES = {"はると", "ゆい", "そうた", "めい", "ゆうと", "さくら", "りく", "ひまり",
        "あおい", "こはる", "みなと", "つむぎ", "れん", "えま", "いつき", "りこ", "ひなた", "ゆな"};
    private static final String[] GUARDIAN_NAMES = {"太郎", "花子", "健一", "由美", "大輔", "麻衣", "翔太", "美咲", "拓也",
        "彩", "直樹", "恵"};
    private static final String[] TOWNS = {"本町", "駅前", "東町", "西町", "南町", "北町", "緑が丘", "桜台"};

    private final NurseryRounds rounds;
    private final NurseryImports imports;

    NurseryDemoContent(NurseryRounds rounds, NurseryImports imports) {
        this.rounds = rounds;
        this.imports = imports;
    }

    @Override
    public String name() {
        return "nursery admission round (2027年度 4月一斉)";
    }

    @Override
    public int order() {
        return 120;
    }

    @Override
    public void addTo(Municipality municipality) {
        if (rounds.list().stream().anyMatch(r -> r.round().admissionMonth().equals(MONTH))) {
            return;
        }
        AdmissionInstance generated = InstanceGenerator.generate(GeneratorParameters.defaults(SEED, 300, 12)
                .withFiscalYear(MONTH.getYear()));
        List<Facility> facilities = new ArrayList<>();
        for (Facility f : generated.facilities()) {
            facilities.add(new Facility(f.id(), municipality.name() + "立" + f.name().replaceAll("[0-9]", ""),
                    f.seats()));
        }
        long round = rounds.create(MONTH, null, NurseryRounds.standardRules(), DEMO);
        imports.importFacilities(round, "demo-facilities.csv",
                InstanceCsv.facilities(facilities).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                ImportPolicy.ALL_OR_NOTHING, DEMO);
        SplittableRandom random = new SplittableRandom(SEED);
        Map<String, String> childNames = new HashMap<>();
        Map<String, RoundInput.FamilyContact> contacts = new HashMap<>();
        for (Family family : generated.families()) {
            String surname = FAMILY_NAMES[random.nextInt(FAMILY_NAMES.length)];
            contacts.put(family.id(), new RoundInput.FamilyContact(surname + " "
                    + GUARDIAN_NAMES[random.nextInt(GUARDIAN_NAMES.length)], municipality.fullName()
                    + TOWNS[random.nextInt(TOWNS.length)] + (1 + random.nextInt(5)) + "丁目" + (1 + random.nextInt(30))
                    + "番" + (1 + random.nextInt(20)) + "号"));
            for (Child child : family.children()) {
                childNames.put(child.id(), surname + " " + CHILD_NAMES[random.nextInt(CHILD_NAMES.length)]);
            }
        }
        ImportReport report = imports.importApplications(round, "demo-applications.csv",
                InstanceCsv.applications(generated, childNames::get, contacts::get).getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8, ImportPolicy.ALL_OR_NOTHING, DEMO);
        if (!report.committed()) {
            throw new IllegalStateException("demo applications refused: " + report.problems().stream().limit(5).toList());
        }
    }
}
