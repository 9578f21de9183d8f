package jp.madoguchi.nursery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A small builder of hand-made instances for tests (fiscal year 2026, 4月一斉). */
final class Rounds {

    static final int FISCAL_YEAR = 2026;
    /** Born 2024-06-01: 1歳児 in fiscal 2026. */
    static final LocalDate ONE_YEAR_OLD = LocalDate.of(2024, 6, 1);
    /** Born 2025-06-01: 0歳児 in fiscal 2026. */
    static final LocalDate BABY = LocalDate.of(2025, 6, 1);
    /** Born 2023-06-01: 2歳児 in fiscal 2026. */
    static final LocalDate TWO_YEAR_OLD = LocalDate.of(2023, 6, 1);

    /** Base "W" = 20 for everyone; adjustments P1 … P30 worth their number. */
    static final PointsTable TABLE;

    static {
        List<PointsTable.Item> adjustments = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            adjustments.add(new PointsTable.Item("P" + i, "加点", "テスト加点" + i, i));
        }
        TABLE = PointsTable.of(List.of(new PointsTable.Item("W", "就労", "就労", 20),
                new PointsTable.Item("S", "求職", "求職", 6)), adjustments, 20);
    }

    private final List<Facility> facilities = new ArrayList<>();
    private final List<Family> families = new ArrayList<>();
    private RoundRules rules = new RoundRules(TABLE, BaseIndexRule.LOWER_OF_GUARDIANS,
            List.of(TieBreakRule.HIGHER_BASE_INDEX, TieBreakRule.LOWER_INCOME), 10);

    static Rounds round() {
        return new Rounds();
    }

    Rounds rules(RoundRules r) {
        this.rules = r;
        return this;
    }

    /** A facility with the same seats in the given classes. */
    Rounds facility(String id, int seats, AgeClass... classes) {
        Map<AgeClass, Integer> m = new EnumMap<>(AgeClass.class);
        for (AgeClass a : classes) {
            m.put(a, seats);
        }
        facilities.add(new Facility(id, id + "保育園", m));
        return this;
    }

    Rounds facility(Facility f) {
        facilities.add(f);
        return this;
    }

    /** A one-child family of the given points bonus (score = 20 + bonus). */
    Rounds single(String childId, int bonus, LocalDate birth, String... prefs) {
        families.add(new Family("F-" + childId, List.of(new Guardian("W"), new Guardian("W")),
                bonus == 0 ? List.of() : List.of("P" + bonus), SiblingOption.ANY,
                List.of(Child.applying(childId, birth, List.of(prefs))), 1_000_000, 0, 0));
        return this;
    }

    Rounds family(Family f) {
        families.add(f);
        return this;
    }

    /** A child with its own points bonus. */
    static Child child(String id, int bonus, LocalDate birth, String... prefs) {
        return new Child(id, birth, List.of(prefs), null, bonus == 0 ? List.of() : List.of("P" + bonus));
    }

    static Family siblings(String id, SiblingOption option, Child... children) {
        return new Family(id, List.of(new Guardian("W"), new Guardian("W")), List.of(), option, List.of(children),
                1_000_000, 0, 0);
    }

    AdmissionInstance build() {
        return new AdmissionInstance(AdmissionRound.april(FISCAL_YEAR), rules, facilities, families);
    }

    NurseryMatching prepare() {
        return NurseryMatching.prepare(build());
    }
}
