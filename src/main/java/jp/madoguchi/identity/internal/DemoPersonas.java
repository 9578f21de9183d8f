package jp.madoguchi.identity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import jp.madoguchi.demo.DemoResidents;
import jp.madoguchi.demo.DemoResidents.Resident;
import jp.madoguchi.identity.ResidentIdentity;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * デモ用の住民 — demo mode only: synthetic residents of the demo town to sign in as, from the demo population
 * generator ({@link DemoResidents}: same seed and 宛名番号 as the demo register, which is never read). About ten are
 * picked deterministically (the first in register order that fits each role, each from another household), so
 * that a demo can show each kind of procedure.
 */
@Component
@Profile("demo")
public class DemoPersonas {

    /**
     * One resident offered on the sign-in page.
     *
     * @param role a stable key for tests and the page's {@code data-role} (e.g. {@code parent-with-child})
     * @param label what the demo shows with this person, in Japanese
     * @param resident the synthetic resident
     * @param age age today
     */
    public record Persona(String role, String label, Resident resident, int age) {

        /** 「山田　花子（34歳・女性）」. */
        public String display() {
            return DemoPersonas.name(resident) + "（" + age + "歳・" + (resident.male() ? "男性" : "女性") + "）";
        }
    }

    /** The role of the default card holder, and the one a browser test signs in as. */
    public static final String PARENT_WITH_CHILD = "parent-with-child";

    private final DemoResidents residents;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(LocalDate today, LocalDate reference, List<Persona> personas,
            Map<String, Resident> byAtena) {
    }

    DemoPersonas(DemoResidents residents, Clock clock) {
        this.residents = residents;
        this.clock = clock;
    }

    /** The residents offered on the sign-in page, in a fixed order. */
    public List<Persona> personas() {
        return cached().personas();
    }

    /** The identity a demo sign-in as the resident with this 宛名番号 gives (any demo resident, not only listed ones). */
    public Optional<ResidentIdentity> identity(String atenaNumber) {
        Resident r = atenaNumber == null ? null : cached().byAtena().get(atenaNumber);
        return Optional.ofNullable(r).map(this::identityOf);
    }

    /** The identity of the {@code parent-with-child} persona (the browser tests' applicant). */
    public ResidentIdentity parentWithChild() {
        return personas().stream().filter(p -> p.role().equals(PARENT_WITH_CHILD)).findFirst()
                .map(p -> identityOf(p.resident()))
                .orElseThrow(() -> new IllegalStateException("The demo population has no parent of a child"));
    }

    ResidentIdentity identityOf(Resident r) {
        String kana = r.familyNameKana() + "\u3000" + r.givenNameKana();
        return new ResidentIdentity("demo", r.atenaNumber(), name(r), kana, r.birthDate(),
                r.male() ? ResidentIdentity.MALE : ResidentIdentity.FEMALE, r.address(),
                "demo+" + r.atenaNumber() + "@example.jp", clock.instant(), true);
    }

    /** 氏名: 「山田　花子」, for names in the Latin alphabet 「NGUYEN VAN AN」. */
    static String name(Resident r) {
        boolean latin = (r.familyName() + r.givenName()).chars().anyMatch(c -> c < 0x80 && Character.isLetter(c));
        return r.familyName() + (latin ? " " : "\u3000") + r.givenName();
    }

    private Cached cached() {
        LocalDate today = LocalDate.now(clock);
        Cached c = cached;
        if (c == null || !c.today().equals(today)) {
            List<Resident> all = residents.all();
            Map<String, Resident> byAtena = new LinkedHashMap<>();
            all.forEach(r -> byAtena.put(r.atenaNumber(), r));
            c = new Cached(today, residents.referenceDate(), pick(all, today), byAtena);
            cached = c;
        }
        return c;
    }

    /** Picks the personas: the first resident in register order that fits each role, one per household. */
    static List<Persona> pick(List<Resident> all, LocalDate today) {
        Map<String, List<Resident>> households = new LinkedHashMap<>();
        all.forEach(r -> households.computeIfAbsent(r.householdNumber(), k -> new ArrayList<>()).add(r));
        Set<String> used = new HashSet<>();
        List<Persona> personas = new ArrayList<>();
        Picker picker = new Picker(households, used, personas, today);

        picker.pick(PARENT_WITH_CHILD, "子育て中の親（0〜14歳の子と同居）— 児童手当など",
                (r, members) -> isParentOf(r, members, today, 0, 14));
        picker.pick("parent-with-infant", "3歳未満の子の親 — 保育施設の利用申込など",
                (r, members) -> isParentOf(r, members, today, 0, 2));
        picker.pick("parent-with-school-child", "小中学生の子の親 — 就学援助など",
                (r, members) -> isParentOf(r, members, today, 6, 14));
        picker.pick("single-parent", "ひとり親（子と二人以上の世帯）— 児童扶養手当など",
                (r, members) -> r.relationship().equals("世帯主") && age(r, today) < 60
                        && members.stream().noneMatch(m -> m.relationship().equals("妻") || m.relationship().equals("夫"))
                        && members.stream().anyMatch(m -> m.relationship().equals("子") && age(m, today) <= 17)
                        && members.stream().allMatch(m -> m == r || m.relationship().equals("子")));
        picker.pick("pregnancy-age", "子どものいない夫婦の妻（25〜39歳）— 妊娠の届出など",
                (r, members) -> !r.male() && r.relationship().equals("妻") && between(age(r, today), 25, 39)
                        && members.size() == 2);
        picker.pick("senior-65", "65〜74歳（介護保険の第1号被保険者）",
                (r, members) -> !r.foreign() && between(age(r, today), 65, 74));
        picker.pick("senior-75", "75歳以上（後期高齢者医療）— 要介護認定の申請など",
                (r, members) -> !r.foreign() && between(age(r, today), 75, 89) && r.relationship().equals("世帯主"));
        picker.pick("young-single", "一人暮らしの若者（18〜29歳）",
                (r, members) -> !r.foreign() && members.size() == 1 && between(age(r, today), 18, 29));
        picker.pick("foreign-resident", "外国人住民（在留カード）",
                (r, members) -> r.foreign() && r.alias() == null && r.birthDate() != null
                        && between(age(r, today), 20, 45));
        picker.pick("foreign-resident-alias", "通称のある外国人住民",
                (r, members) -> r.foreign() && r.alias() != null && r.birthDate() != null);
        return List.copyOf(personas);
    }

    private interface Fit {
        boolean test(Resident r, List<Resident> household);
    }

    private record Picker(Map<String, List<Resident>> households, Set<String> used, List<Persona> personas,
            LocalDate today) {
        void pick(String role, String label, Fit fit) {
            for (List<Resident> members : households.values()) {
                if (used.contains(members.getFirst().householdNumber())) {
                    continue;
                }
                for (Resident r : members) {
                    if (fit.test(r, members)) {
                        used.add(r.householdNumber());
                        personas.add(new Persona(role, label, r, age(r, today)));
                        return;
                    }
                }
            }
        }
    }

    /** A 世帯主 (or the 世帯主's 妻/夫) aged 20–59 living with a 子 aged {@code from}–{@code to}. */
    private static boolean isParentOf(Resident r, List<Resident> members, LocalDate today, int from, int to) {
        Predicate<Resident> child = m -> m.relationship().equals("子") && between(age(m, today), from, to);
        return r.relationship().equals("世帯主") && between(age(r, today), 20, 59) && members.stream().anyMatch(child)
                && members.stream().filter(child).allMatch(m -> age(r, today) - age(m, today) >= 16);
    }

    private static int age(Resident r, LocalDate today) {
        return r.ageOn(today);
    }

    private static boolean between(int value, int from, int to) {
        return value >= from && value <= to;
    }
}
