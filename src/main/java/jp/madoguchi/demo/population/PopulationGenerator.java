package jp.madoguchi.demo.population;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import jp.madoguchi.demo.population.NameTables.AddressStyle;
import jp.madoguchi.demo.population.NameTables.AreaKind;
import jp.madoguchi.demo.population.NameTables.AreaSpec;
import jp.madoguchi.demo.population.NameTables.BuildingSpec;
import jp.madoguchi.demo.population.NameTables.Name;
import jp.madoguchi.demo.population.NameTables.Surname;
import jp.madoguchi.demo.population.NameTables.Weighted;

/**
 * Builds one {@link SyntheticPopulation}. Every random decision is drawn from a single {@link SplitMix64} in a fixed
 * order, and all collections are lists or sorted sets, so the output depends only on the seed, the parameters and the
 * resource files. See {@link SyntheticPopulation} for the distributions.
 */
final class PopulationGenerator {

    static final double FOREIGN_SHARE = 0.058;
    static final double FACILITY_SHARE = 0.008;
    static final int IMPRECISE_ELDERLY = 8;
    static final int IMPRECISE_OTHER = 2;

    static final String HEAD = "世帯主";
    static final String WIFE = "妻";
    static final String HUSBAND = "夫";
    static final String CHILD = "子";
    static final String FATHER = "父";
    static final String MOTHER = "母";
    static final String GRANDFATHER = "祖父";
    static final String GRANDMOTHER = "祖母";
    static final String GRANDCHILD = "孫";
    static final String ELDER_BROTHER = "兄";
    static final String ELDER_SISTER = "姉";
    static final String YOUNGER_BROTHER = "弟";
    static final String YOUNGER_SISTER = "妹";
    static final String WIFES_FATHER = "妻の父";
    static final String WIFES_MOTHER = "妻の母";
    static final String HUSBANDS_FATHER = "夫の父";
    static final String HUSBANDS_MOTHER = "夫の母";
    static final String CHILDS_WIFE = "子の妻";
    static final String CHILDS_HUSBAND = "子の夫";
    static final String RELATIVE = "縁故者";
    static final String LODGER = "同居人";

    private static final String FULL_WIDTH_SPACE = "\u3000";

    // age bands: {from, to, weight}; within a band ages are uniform
    private static final int[][] SINGLE_AGES = {
        {18, 24, 70}, {25, 34, 105}, {35, 49, 120}, {50, 64, 155}, {65, 74, 205}, {75, 84, 200},
        {85, 89, 80}, {90, 94, 35}, {95, 98, 8}, {99, 100, 1}};
    private static final int[][] COUPLE_AGES = {
        {24, 34, 8}, {35, 54, 10}, {55, 64, 18}, {65, 74, 36}, {75, 84, 22}, {85, 94, 6}};
    private static final int[][] NUCLEAR_AGES = {{25, 34, 18}, {35, 44, 30}, {45, 54, 28}, {55, 64, 16}, {65, 74, 8}};
    private static final int[][] YOUNG_PARENT_AGES = {{24, 34, 25}, {35, 44, 40}, {45, 55, 35}};
    private static final int[][] ELDERLY_PARENT_AGES = {{72, 79, 30}, {80, 89, 55}, {90, 96, 15}};
    private static final int[][] FACILITY_AGES = {{70, 79, 15}, {80, 84, 20}, {85, 89, 30}, {90, 94, 25}, {95, 99, 10}};
    private static final int[][] WORKER_AGES = {{19, 24, 40}, {25, 29, 35}, {30, 34, 17}, {35, 42, 8}};
    private static final int[][] ZAINICHI_ELDER_AGES = {{62, 74, 35}, {75, 84, 40}, {85, 97, 25}};
    private static final int[][] CHILD_COUNTS = {{1, 1, 38}, {2, 2, 45}, {3, 3, 15}, {4, 4, 2}};
    private static final int[][] CHILD_COUNTS_WITH_ELDERS = {{1, 1, 50}, {2, 2, 40}, {3, 3, 10}};

    enum JapaneseType { SINGLE, COUPLE, NUCLEAR, SINGLE_PARENT, THREE_GENERATIONS, OTHER }

    enum ForeignType { WORKER_SINGLE, WORKER_SHARED, FAMILY, SPECIAL_PERMANENT, MIXED }

    private static final Weighted<JapaneseType> JAPANESE_TYPES = new Weighted<>(
            List.of(JapaneseType.values()), List.of(330, 235, 225, 90, 75, 45));
    private static final Weighted<ForeignType> FOREIGN_TYPES = new Weighted<>(
            List.of(ForeignType.values()), List.of(44, 8, 14, 9, 14));
    private static final Weighted<String> WORKER_NATIONALITIES = new Weighted<>(
            List.of("ベトナム", "インドネシア", "フィリピン", "ネパール", "中国", "タイ", "米国"),
            List.of(40, 18, 9, 7, 12, 4, 2));
    private static final Weighted<String> FAMILY_NATIONALITIES = new Weighted<>(
            List.of("中国", "ネパール", "ブラジル", "ベトナム", "フィリピン", "インドネシア", "韓国"),
            List.of(28, 20, 18, 16, 10, 4, 4));
    private static final Weighted<String> FOREIGN_WIFE_NATIONALITIES = new Weighted<>(
            List.of("フィリピン", "中国", "タイ", "ベトナム", "韓国", "ブラジル"), List.of(35, 28, 10, 10, 10, 7));
    private static final Weighted<String> FOREIGN_HUSBAND_NATIONALITIES = new Weighted<>(
            List.of("米国", "ブラジル", "韓国"), List.of(50, 25, 25));

    private static final BirthDatePrecision[] IMPRECISIONS = {
        BirthDatePrecision.YEAR_MONTH, BirthDatePrecision.YEAR, BirthDatePrecision.YEAR_MONTH,
        BirthDatePrecision.UNKNOWN, BirthDatePrecision.YEAR, BirthDatePrecision.YEAR_MONTH,
        BirthDatePrecision.YEAR, BirthDatePrecision.UNKNOWN, BirthDatePrecision.YEAR_MONTH, BirthDatePrecision.YEAR};

    /** A person under construction. */
    private static final class P {
        String family;
        String given;
        String familyKana;
        String givenKana;
        Sex sex;
        int age;
        LocalDate birth;
        BirthDatePrecision precision = BirthDatePrecision.EXACT;
        String relationship;
        String nationality;
        String alias;
        String aliasKana;
        LocalDate movedIn;
    }

    /** A household under construction. */
    private static final class H {
        final List<P> members = new ArrayList<>();
        LocalDate moveIn;
        boolean nativeHead;

        P head() {
            return members.getFirst();
        }

        boolean usesGivenName(String given) {
            for (P p : members) {
                if (p.given.equals(given)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Address(int block, int lot, int room, String text) {}

    private record Draft(int index, AreaSpec area, Address address, List<P> members) {}

    private static final class Building {
        final BuildingSpec spec;
        final AreaSpec area;
        final Address base;
        final List<Integer> freeRooms = new ArrayList<>();

        Building(BuildingSpec spec, AreaSpec area, Address base) {
            this.spec = spec;
            this.area = area;
            this.base = base;
            for (int floor = 1; floor <= spec.floors(); floor++) {
                for (int n = 1; n <= spec.roomsPerFloor(); n++) {
                    freeRooms.add(floor * 100 + n);
                }
            }
        }
    }

    private final SplitMix64 rng;
    private final int target;
    private final LocalDate ref;
    private final NameTables names;
    private final List<Weighted<AreaSpec>> areasByKind = new ArrayList<>();
    private final List<Draft> drafts = new ArrayList<>();
    private final TreeSet<String> usedAddresses = new TreeSet<>();
    private final List<Building> buildings = new ArrayList<>();
    private Building facility;
    private int residents;
    private int foreigners;

    PopulationGenerator(long seed, int target, LocalDate referenceDate, NameTables names) {
        this.rng = new SplitMix64(seed);
        this.target = target;
        this.ref = referenceDate;
        this.names = names;
        for (AreaKind kind : AreaKind.values()) {
            List<AreaSpec> items = new ArrayList<>();
            List<Integer> weights = new ArrayList<>();
            for (AreaSpec a : names.areas) {
                if (a.kindWeights()[kind.ordinal()] > 0) {
                    items.add(a);
                    weights.add(a.kindWeights()[kind.ordinal()]);
                }
            }
            areasByKind.add(new Weighted<>(items, weights));
        }
        for (BuildingSpec spec : names.buildings) {
            AreaSpec area = names.areas.stream().filter(a -> a.area().code().equals(spec.areaCode())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("building in unknown area " + spec.areaCode()));
            Building b = new Building(spec, area, newHouseAddress(area));
            if (spec.facility()) {
                if (facility == null) {
                    facility = b;
                }
            } else {
                buildings.add(b);
            }
        }
    }

    SyntheticPopulation generate() {
        int facilityResidents = Math.max(1, (int) Math.round(target * FACILITY_SHARE));
        for (int i = 0; i < facilityResidents; i++) {
            facilityResident(i == 0);
        }
        int foreignTarget = (int) Math.round(target * FOREIGN_SHARE);
        while (foreigners < foreignTarget) {
            switch (FOREIGN_TYPES.pick(rng)) {
                case WORKER_SINGLE -> workerSingle();
                case WORKER_SHARED -> workerShared();
                case FAMILY -> foreignFamily();
                case SPECIAL_PERMANENT -> specialPermanent();
                case MIXED -> mixedMarriage();
            }
        }
        for (Surname s : names.surnames) {
            if (s.variant()) {
                japanese(JAPANESE_TYPES.pick(rng), s.name());
            }
        }
        while (residents < target) {
            japanese(JAPANESE_TYPES.pick(rng), names.surnameChoice.pick(rng).name());
        }
        assignImpreciseBirthDates();
        return assemble();
    }

    // ---------------------------------------------------------------- Japanese households

    private void japanese(JapaneseType type, Name surname) {
        switch (type) {
            case SINGLE -> single(surname);
            case COUPLE -> couple(surname);
            case NUCLEAR -> nuclear(surname);
            case SINGLE_PARENT -> singleParent(surname);
            case THREE_GENERATIONS -> threeGenerations(surname);
            case OTHER -> other(surname);
        }
    }

    private void single(Name surname) {
        int age = pickAge(SINGLE_AGES);
        Sex sex = age >= 65 ? sexWithFemaleShare(0.68) : sexWithFemaleShare(age < 35 ? 0.42 : 0.45);
        H h = new H();
        jp(h, surname, sex, age, HEAD);
        headMoveIn(h, age >= 65 ? 0.35 : age >= 40 ? 0.25 : 0.15);
        AreaKind kind = age < 40 ? AreaKind.YOUNG
                : age >= 65 ? (rng.chance(0.2) ? AreaKind.RURAL : AreaKind.OLDTOWN)
                : (rng.chance(0.5) ? AreaKind.OLDTOWN : AreaKind.YOUNG);
        finish(h, kind, age < 35 ? 0.6 : age < 65 ? 0.3 : 0.08);
    }

    private void couple(Name surname) {
        int hAge = pickAge(COUPLE_AGES);
        int wAge = clamp(hAge - spouseGap(), 18, 100);
        H h = new H();
        if (rng.chance(0.08)) {
            jp(h, surname, Sex.FEMALE, wAge, HEAD);
            jp(h, surname, Sex.MALE, hAge, HUSBAND);
        } else {
            jp(h, surname, Sex.MALE, hAge, HEAD);
            jp(h, surname, Sex.FEMALE, wAge, WIFE);
        }
        headMoveIn(h, hAge >= 60 ? 0.35 : 0.15);
        marriedIn(h.members.get(1), h);
        AreaKind kind = rng.chance(0.15) ? AreaKind.RURAL : hAge < 45 ? AreaKind.YOUNG : AreaKind.OLDTOWN;
        finish(h, kind, hAge < 40 ? 0.45 : hAge < 65 ? 0.15 : 0.05);
    }

    private void nuclear(Name surname) {
        int hAge = pickAge(NUCLEAR_AGES);
        int wAge = clamp(hAge - spouseGap(), 20, 100);
        List<Integer> kids = childAges(wAge, pickAge(CHILD_COUNTS), 23, 0.55);
        H h = new H();
        if (rng.chance(0.04)) {
            jp(h, surname, Sex.FEMALE, wAge, HEAD);
            jp(h, surname, Sex.MALE, hAge, HUSBAND);
        } else {
            jp(h, surname, Sex.MALE, hAge, HEAD);
            jp(h, surname, Sex.FEMALE, wAge, WIFE);
        }
        boolean rural = rng.chance(0.15);
        headMoveIn(h, rural ? 0.5 : 0.2);
        marriedIn(h.members.get(1), h);
        for (int age : kids) {
            withHousehold(jp(h, surname, randomSex(), age, CHILD), h);
        }
        AreaKind kind = rural ? AreaKind.RURAL
                : hAge >= 55 && rng.chance(0.5) ? AreaKind.OLDTOWN : AreaKind.FAMILY;
        finish(h, kind, hAge < 40 ? 0.3 : 0.08);
    }

    private void singleParent(Name surname) {
        H h = new H();
        if (rng.chance(0.55)) {
            Sex parentSex = sexWithFemaleShare(0.85);
            int pAge = pickAge(YOUNG_PARENT_AGES);
            List<Integer> kids = childAges(pAge, pickAge(CHILD_COUNTS), 23, 0.6);
            jp(h, surname, parentSex, pAge, HEAD);
            headMoveIn(h, 0.2);
            for (int age : kids) {
                withHousehold(jp(h, surname, randomSex(), age, CHILD), h);
            }
            finish(h, rng.chance(0.6) ? AreaKind.FAMILY : AreaKind.OLDTOWN, 0.4);
        } else {
            Sex parentSex = sexWithFemaleShare(0.8);
            int pAge = pickAge(ELDERLY_PARENT_AGES);
            int cAge = pAge - rng.between(24, 36);
            Sex childSex = sexWithFemaleShare(0.45);
            if (rng.chance(0.55)) {
                jp(h, surname, childSex, cAge, HEAD);
                jp(h, surname, parentSex, pAge, parentSex == Sex.FEMALE ? MOTHER : FATHER);
            } else {
                jp(h, surname, parentSex, pAge, HEAD);
                jp(h, surname, childSex, cAge, CHILD);
            }
            headMoveIn(h, 0.45);
            P second = h.members.get(1);
            if (h.nativeHead && second.age > h.head().age) {
                second.movedIn = marriedBefore(second, h.head().birth); // the parent married into the family
            } else {
                withHousehold(second, h);
            }
            finish(h, rng.chance(0.35) ? AreaKind.RURAL : AreaKind.OLDTOWN, 0.05);
        }
    }

    private void threeGenerations(Name surname) {
        double variant = rng.nextDouble();
        if (variant < 0.55) {
            threeGenerationsWithParents(surname);
        } else if (variant < 0.88) {
            threeGenerationsWithGrandchildren(surname);
        } else {
            fourGenerations(surname);
        }
    }

    /** 世帯主 (middle-aged), 妻, 子, and the 世帯主's (or the 妻's) parents. */
    private void threeGenerationsWithParents(Name surname) {
        int hAge = rng.between(38, 62);
        int wAge = clamp(hAge - spouseGap(), 25, 100);
        List<Integer> kids = childAges(wAge, pickAge(CHILD_COUNTS_WITH_ELDERS), 25, 0.5);
        boolean wifeSide = rng.chance(0.15);
        int baseAge = wifeSide ? wAge : hAge;
        int motherAge = baseAge + rng.between(22, 34);
        int fatherAge = motherAge + rng.between(0, 5);
        boolean withMother = motherAge <= 100 && rng.chance(0.85);
        boolean withFather = fatherAge <= 100 && rng.chance(0.5);
        if (!withMother && !withFather) {
            withMother = true;
            motherAge = Math.min(100, baseAge + 22);
        }
        H h = new H();
        P head = jp(h, surname, Sex.MALE, hAge, HEAD);
        P wife = jp(h, surname, Sex.FEMALE, wAge, WIFE);
        boolean rural = rng.chance(0.5);
        headMoveIn(h, rural ? 0.7 : 0.45);
        marriedIn(wife, h);
        for (int age : kids) {
            withHousehold(jp(h, surname, randomSex(), age, CHILD), h);
        }
        Name parentsSurname = wifeSide ? otherSurname(surname) : surname;
        if (withFather) {
            P father = jp(h, parentsSurname, Sex.MALE, fatherAge, wifeSide ? WIFES_FATHER : FATHER);
            if (!wifeSide && h.nativeHead) {
                father.movedIn = father.birth;
            } else {
                later(father, h, 30);
            }
        }
        if (withMother) {
            P mother = jp(h, parentsSurname, Sex.FEMALE, motherAge, wifeSide ? WIFES_MOTHER : MOTHER);
            if (!wifeSide && h.nativeHead) {
                mother.movedIn = marriedBefore(mother, head.birth);
            } else {
                later(mother, h, 30);
            }
        }
        AreaKind kind = rural ? AreaKind.RURAL : rng.chance(0.7) ? AreaKind.OLDTOWN : AreaKind.FAMILY;
        finish(h, kind, 0.02);
    }

    /** An elderly 世帯主 (with 妻 or widowed), a married 子 with 子の妻 or 子の夫, and 孫. */
    private void threeGenerationsWithGrandchildren(Name surname) {
        int hAge = rng.between(66, 86);
        boolean widowed = rng.chance(0.3);
        Sex headSex = widowed ? sexWithFemaleShare(0.75) : Sex.MALE;
        int wAge = clamp(hAge - spouseGap(), 60, 100);
        int motherAge = headSex == Sex.FEMALE ? hAge : widowed ? hAge - 3 : wAge;
        int childAge = motherAge - rng.between(24, 34);
        boolean sonLine = rng.chance(0.75);
        int childSpouseAge = clamp(sonLine ? childAge - spouseGap() : childAge + spouseGap(), 22, 100);
        int childMotherAge = sonLine ? childSpouseAge : childAge;
        List<Integer> grandkids = childAges(childMotherAge, pickAge(CHILD_COUNTS_WITH_ELDERS), 25, 0.5);
        H h = new H();
        jp(h, surname, headSex, hAge, HEAD);
        if (!widowed) {
            jp(h, surname, Sex.FEMALE, wAge, WIFE);
        }
        headMoveIn(h, 0.6);
        if (!widowed) {
            marriedIn(h.members.get(1), h);
        }
        P child = jp(h, surname, sonLine ? Sex.MALE : Sex.FEMALE, childAge, CHILD);
        withHousehold(child, h);
        P childSpouse = jp(h, surname, sonLine ? Sex.FEMALE : Sex.MALE, childSpouseAge,
                sonLine ? CHILDS_WIFE : CHILDS_HUSBAND);
        marriedIn(childSpouse, h);
        if (rng.chance(0.15)) {
            int otherAge = motherAge - rng.between(22, 40);
            if (otherAge >= 18 && otherAge != childAge) {
                withHousehold(jp(h, surname, randomSex(), otherAge, CHILD), h);
            }
        }
        for (int age : grandkids) {
            withHousehold(jp(h, surname, randomSex(), age, GRANDCHILD), h);
        }
        finish(h, rng.chance(0.55) ? AreaKind.RURAL : AreaKind.OLDTOWN, 0.0);
    }

    /** 世帯主, 妻, 子, 母 and 祖母 (or 祖父): four generations, rare. */
    private void fourGenerations(Name surname) {
        int gAge = rng.chance(0.7) ? rng.between(90, 96) : rng.between(97, 100);
        boolean grandfather = rng.chance(0.1);
        int mAge = gAge - rng.between(20, 27);
        int hAge = mAge - rng.between(22, 28);
        int wAge = clamp(hAge - spouseGap(), 25, 100);
        List<Integer> kids = childAges(wAge, pickAge(CHILD_COUNTS_WITH_ELDERS), 25, 0.5);
        H h = new H();
        P head = jp(h, surname, Sex.MALE, hAge, HEAD);
        P wife = jp(h, surname, Sex.FEMALE, wAge, WIFE);
        headMoveIn(h, 0.8);
        marriedIn(wife, h);
        for (int age : kids) {
            withHousehold(jp(h, surname, randomSex(), age, CHILD), h);
        }
        P mother = jp(h, surname, Sex.FEMALE, mAge, MOTHER);
        P grand = jp(h, surname, grandfather ? Sex.MALE : Sex.FEMALE, gAge, grandfather ? GRANDFATHER : GRANDMOTHER);
        if (h.nativeHead) {
            mother.movedIn = marriedBefore(mother, head.birth);
            grand.movedIn = grandfather ? grand.birth : marriedBefore(grand, mother.birth);
        } else {
            later(mother, h, 30);
            later(grand, h, 30);
        }
        finish(h, rng.chance(0.6) ? AreaKind.RURAL : AreaKind.OLDTOWN, 0.0);
    }

    private void other(Name surname) {
        double variant = rng.nextDouble();
        H h = new H();
        if (variant < 0.30) {
            // a couple with one parent (夫婦と親)
            int hAge = rng.between(45, 66);
            int wAge = clamp(hAge - spouseGap(), 25, 100);
            if (rng.chance(0.15)) {
                jp(h, surname, Sex.FEMALE, wAge, HEAD);
                jp(h, surname, Sex.MALE, hAge, HUSBAND);
                Sex ps = sexWithFemaleShare(0.8);
                jp(h, surname, ps, hAge + rng.between(24, 34), ps == Sex.FEMALE ? HUSBANDS_MOTHER : HUSBANDS_FATHER);
            } else {
                jp(h, surname, Sex.MALE, hAge, HEAD);
                jp(h, surname, Sex.FEMALE, wAge, WIFE);
                Sex ps = sexWithFemaleShare(0.8);
                if (rng.chance(0.2)) {
                    jp(h, otherSurname(surname), ps, Math.min(100, wAge + rng.between(24, 34)),
                            ps == Sex.FEMALE ? WIFES_MOTHER : WIFES_FATHER);
                } else {
                    jp(h, surname, ps, hAge + rng.between(24, 34), ps == Sex.FEMALE ? MOTHER : FATHER);
                }
            }
            headMoveIn(h, 0.4);
            marriedIn(h.members.get(1), h);
            later(h.members.get(2), h, 20);
            finish(h, rng.chance(0.4) ? AreaKind.RURAL : AreaKind.OLDTOWN, 0.03);
        } else if (variant < 0.58) {
            // unmarried siblings
            int hAge = rng.between(55, 88);
            jp(h, surname, sexWithFemaleShare(0.5), hAge, HEAD);
            int n = rng.chance(0.8) ? 1 : 2;
            for (int i = 0; i < n; i++) {
                int age = clamp(hAge + (rng.chance(0.5) ? 1 : -1) * rng.between(1, 8), 45, 100);
                if (age == hAge || age == (h.members.size() > 1 ? h.members.get(1).age : -1)) {
                    continue;
                }
                Sex sex = randomSex();
                String rel = age > hAge ? (sex == Sex.MALE ? ELDER_BROTHER : ELDER_SISTER)
                        : (sex == Sex.MALE ? YOUNGER_BROTHER : YOUNGER_SISTER);
                jp(h, surname, sex, age, rel);
            }
            headMoveIn(h, 0.5);
            for (P p : h.members.subList(1, h.members.size())) {
                if (h.nativeHead) {
                    p.movedIn = p.birth;
                } else {
                    withHousehold(p, h);
                }
            }
            finish(h, rng.chance(0.4) ? AreaKind.RURAL : AreaKind.OLDTOWN, 0.05);
        } else if (variant < 0.72) {
            // an elderly person with a relative (縁故者: nephew, niece, …)
            int hAge = rng.between(68, 92);
            jp(h, surname, sexWithFemaleShare(0.7), hAge, HEAD);
            headMoveIn(h, 0.4);
            later(jp(h, rng.chance(0.5) ? surname : otherSurname(surname), randomSex(), rng.between(30, 62), RELATIVE),
                    h, 15);
            finish(h, rng.chance(0.3) ? AreaKind.RURAL : AreaKind.OLDTOWN, 0.05);
        } else if (variant < 0.88) {
            // unrelated adults sharing a dwelling (同居人)
            int hAge = rng.between(25, 75);
            jp(h, surname, randomSex(), hAge, HEAD);
            headMoveIn(h, 0.1);
            later(jp(h, otherSurname(surname), randomSex(), clamp(hAge + rng.between(-10, 10), 20, 90), LODGER), h, 10);
            finish(h, hAge < 45 ? AreaKind.YOUNG : AreaKind.OLDTOWN, 0.4);
        } else {
            // a grandparent raising grandchildren
            int hAge = rng.between(62, 82);
            jp(h, surname, sexWithFemaleShare(0.75), hAge, HEAD);
            headMoveIn(h, 0.4);
            int n = rng.chance(0.6) ? 1 : 2;
            int first = rng.between(6, Math.min(25, hAge - 45));
            for (int i = 0; i < n; i++) {
                int age = i == 0 ? first : first - rng.between(1, 4);
                if (age >= 0) {
                    later(jp(h, surname, randomSex(), age, GRANDCHILD), h, 15);
                }
            }
            finish(h, rng.chance(0.4) ? AreaKind.RURAL : AreaKind.OLDTOWN, 0.05);
        }
    }

    private void facilityResident(boolean centenarian) {
        int age = centenarian ? 100 : pickAge(FACILITY_AGES);
        H h = new H();
        jp(h, names.surnameChoice.pick(rng).name(), centenarian ? Sex.FEMALE : sexWithFemaleShare(0.75), age, HEAD);
        P head = h.head();
        h.moveIn = randomDate(max(head.birth.plusYears(60), ref.minusYears(8)), ref);
        head.movedIn = h.moveIn;
        if (facility == null) {
            finish(h, AreaKind.OLDTOWN, 0.0);
        } else {
            addDraft(h, facility.area, new Address(facility.base.block(), facility.base.lot(), 0,
                    facility.base.text() + FULL_WIDTH_SPACE + facility.spec.name()));
        }
    }

    // ---------------------------------------------------------------- foreign residents

    private void workerSingle() {
        String nat = WORKER_NATIONALITIES.pick(rng);
        H h = new H();
        foreigner(h, nat, null, null, sexWithFemaleShare(0.45), pickAge(WORKER_AGES), HEAD);
        workerMoveIn(h.head());
        h.moveIn = h.head().movedIn;
        finish(h, AreaKind.WORKER, 0.9);
    }

    private void workerShared() {
        String nat = WORKER_NATIONALITIES.pick(rng);
        Sex sex = sexWithFemaleShare(0.45);
        H h = new H();
        foreigner(h, nat, null, null, sex, pickAge(WORKER_AGES), HEAD);
        workerMoveIn(h.head());
        h.moveIn = h.head().movedIn;
        int lodgers = rng.chance(0.6) ? 1 : 2;
        for (int i = 0; i < lodgers; i++) {
            P p = foreigner(h, nat, null, null, sex, pickAge(WORKER_AGES), LODGER);
            workerMoveIn(p);
        }
        finish(h, AreaKind.WORKER, 1.0);
    }

    private void foreignFamily() {
        String nat = FAMILY_NATIONALITIES.pick(rng);
        int hAge = rng.between(25, 50);
        int wAge = clamp(hAge - spouseGap(), 20, 100);
        int[][] counts = {{0, 0, 20}, {1, 1, 40}, {2, 2, 32}, {3, 3, 8}};
        List<Integer> kids = childAges(wAge, pickAge(counts), 99, 1.0);
        H h = new H();
        P head = foreigner(h, nat, null, null, Sex.MALE, hAge, HEAD);
        h.moveIn = randomDate(max(head.birth.plusYears(18), ref.minusYears(15)), ref);
        head.movedIn = h.moveIn;
        boolean shared = wifeTakesSurname(nat);
        P wife = foreigner(h, nat, shared ? head.family : null, shared ? head.familyKana : null, Sex.FEMALE, wAge, WIFE);
        marriedIn(wife, h);
        for (int age : kids) {
            Sex sex = randomSex();
            boolean byFather = names.hasForeignNames(nat, "FAMILY");
            P kid = foreigner(h, nat, byFather ? head.family : null, byFather ? head.familyKana : null, sex, age, CHILD);
            withHousehold(kid, h);
        }
        if ((nat.equals("中国") || nat.equals("ブラジル") || nat.equals("ベトナム")) && rng.chance(0.25)) {
            int mAge = hAge + rng.between(22, 32);
            boolean sameName = shared && names.hasForeignNames(nat, "FAMILY");
            P mother = foreigner(h, nat, sameName ? head.family : null, sameName ? head.familyKana : null, Sex.FEMALE,
                    mAge, MOTHER);
            later(mother, h, 10);
        }
        finish(h, rng.chance(0.5) ? AreaKind.WORKER : AreaKind.FAMILY, 0.6);
    }

    /** 特別永住者 of 韓国 or 朝鮮: elderly singles and couples, and families; most with a 通称. */
    private void specialPermanent() {
        String nat = rng.chance(0.88) ? "韓国" : "朝鮮";
        double variant = rng.nextDouble();
        H h = new H();
        if (variant < 0.35) {
            foreigner(h, nat, null, null, sexWithFemaleShare(0.6), pickAge(ZAINICHI_ELDER_AGES), HEAD);
            specialPermanentMoveIn(h);
        } else if (variant < 0.6) {
            int hAge = rng.between(70, 95);
            foreigner(h, nat, null, null, Sex.MALE, hAge, HEAD);
            P wife = foreigner(h, nat, null, null, Sex.FEMALE, clamp(hAge - spouseGap(), 60, 100), WIFE);
            specialPermanentMoveIn(h);
            marriedIn(wife, h);
        } else {
            int hAge = rng.between(35, 65);
            int wAge = clamp(hAge - spouseGap(), 25, 100);
            List<Integer> kids = childAges(wAge, pickAge(CHILD_COUNTS), 25, 0.6);
            P head = foreigner(h, nat, null, null, Sex.MALE, hAge, HEAD);
            P wife = foreigner(h, nat, null, null, Sex.FEMALE, wAge, WIFE);
            specialPermanentMoveIn(h);
            marriedIn(wife, h);
            for (int age : kids) {
                withHousehold(foreigner(h, nat, head.family, head.familyKana, randomSex(), age, CHILD), h);
            }
            if (rng.chance(0.25) && hAge + 22 <= 98) {
                P mother = foreigner(h, nat, null, null, Sex.FEMALE, Math.min(98, hAge + rng.between(22, 32)), MOTHER);
                later(mother, h, 20);
            }
        }
        // 通称: one Japanese-style surname for the household, a Japanese given name per person
        Name aliasSurname = names.aliasSurnames(h.head().family).pick(rng);
        for (P p : h.members) {
            if (rng.chance(p.age >= 60 ? 0.8 : 0.5)) {
                Name given = names.givenNames(p.sex, p.birth.getYear()).pick(rng);
                p.alias = aliasSurname.text() + FULL_WIDTH_SPACE + given.text();
                p.aliasKana = aliasSurname.kana() + FULL_WIDTH_SPACE + given.kana();
            }
        }
        finish(h, AreaKind.OLDTOWN, 0.15);
    }

    private void mixedMarriage() {
        H h = new H();
        if (rng.chance(0.8)) {
            // Japanese 世帯主 with a foreign 妻; the children are Japanese
            Name surname = names.surnameChoice.pick(rng).name();
            String nat = FOREIGN_WIFE_NATIONALITIES.pick(rng);
            int hAge = rng.between(32, 70);
            int wAge = clamp(hAge - rng.between(0, 18), 22, 100);
            int[][] counts = {{0, 0, 25}, {1, 1, 35}, {2, 2, 32}, {3, 3, 8}};
            List<Integer> kids = childAges(wAge, pickAge(counts), 25, 0.6);
            P head = jp(h, surname, Sex.MALE, hAge, HEAD);
            headMoveIn(h, 0.3);
            P wife = foreigner(h, nat, null, null, Sex.FEMALE, wAge, WIFE);
            wife.movedIn = randomDate(max(max(h.moveIn, wife.birth.plusYears(20)), ref.minusYears(25)), ref);
            if (rng.chance(0.45)) {
                boolean alphabetic = wife.given.chars().allMatch(c -> c < 0x80);
                String given = alphabetic ? wife.givenKana.split(FULL_WIDTH_SPACE)[0] : wife.given;
                String givenKana = wife.givenKana.split(FULL_WIDTH_SPACE)[0];
                wife.alias = head.family + FULL_WIDTH_SPACE + given;
                wife.aliasKana = head.familyKana + FULL_WIDTH_SPACE + givenKana;
            }
            for (int age : kids) {
                P kid = jp(h, surname, randomSex(), age, CHILD);
                kid.movedIn = kid.birth.isBefore(wife.movedIn) ? wife.movedIn : kid.birth;
            }
            finish(h, rng.chance(0.5) ? AreaKind.FAMILY : AreaKind.OLDTOWN, 0.25);
        } else {
            // foreign 世帯主 with a Japanese 妻; the children are Japanese and bear the mother's surname
            String nat = FOREIGN_HUSBAND_NATIONALITIES.pick(rng);
            int hAge = rng.between(30, 60);
            int wAge = clamp(hAge - spouseGap(), 25, 100);
            int[][] counts = {{0, 0, 30}, {1, 1, 35}, {2, 2, 30}, {3, 3, 5}};
            List<Integer> kids = childAges(wAge, pickAge(counts), 25, 0.6);
            P head = foreigner(h, nat, null, null, Sex.MALE, hAge, HEAD);
            h.moveIn = randomDate(max(head.birth.plusYears(20), ref.minusYears(20)), ref);
            head.movedIn = h.moveIn;
            Name wifeSurname = names.surnameChoice.pick(rng).name();
            marriedIn(jp(h, wifeSurname, Sex.FEMALE, wAge, WIFE), h);
            for (int age : kids) {
                withHousehold(jp(h, wifeSurname, randomSex(), age, CHILD), h);
            }
            finish(h, rng.chance(0.5) ? AreaKind.FAMILY : AreaKind.YOUNG, 0.4);
        }
    }

    private static boolean wifeTakesSurname(String nationality) {
        return switch (nationality) {
            case "ブラジル", "フィリピン", "ネパール", "米国" -> true;
            default -> false;
        };
    }

    // ---------------------------------------------------------------- persons

    private P jp(H h, Name surname, Sex sex, int age, String relationship) {
        P p = new P();
        p.family = surname.text();
        p.familyKana = surname.kana();
        p.sex = sex;
        p.age = age;
        p.birth = birthForAge(age);
        p.relationship = relationship;
        return addWithGivenName(h, p, names.givenNames(sex, p.birth.getYear()));
    }

    /** Draws a given name not yet used in the household (up to 8 redraws) and adds {@code p} to it. */
    private P addWithGivenName(H h, P p, Weighted<Name> choice) {
        Name given = choice.pick(rng);
        for (int i = 0; i < 8 && h.usesGivenName(given.text()); i++) {
            given = choice.pick(rng);
        }
        p.given = given.text();
        p.givenKana = given.kana();
        h.members.add(p);
        return p;
    }

    /** A foreign resident; with {@code family == null} the family name is drawn for the nationality and sex. */
    private P foreigner(H h, String nat, String family, String familyKana, Sex sex, int age, String relationship) {
        P p = new P();
        if (family == null) {
            String kind = names.hasForeignNames(nat, "FAMILY") ? "FAMILY" : sex == Sex.MALE ? "FAMILY_M" : "FAMILY_F";
            Name f = names.foreignNames(nat, kind, ref.getYear() - age).pick(rng);
            family = f.text();
            familyKana = f.kana();
        }
        p.family = family;
        p.familyKana = familyKana;
        p.sex = sex;
        p.age = age;
        p.birth = birthForAge(age);
        p.relationship = relationship;
        p.nationality = nat;
        return addWithGivenName(h, p, names.foreignNames(nat, sex == Sex.MALE ? "MALE" : "FEMALE", p.birth.getYear()));
    }

    private Name otherSurname(Name surname) {
        Name other = names.surnameChoice.pick(rng).name();
        while (other.kana().equals(surname.kana())) {
            other = names.surnameChoice.pick(rng).name();
        }
        return other;
    }

    /** Ages of children born to a mother now aged {@code motherAge}; adults above {@code adultAge} stay with a chance. */
    private List<Integer> childAges(int motherAge, int count, int adultAge, double adultStays) {
        List<Integer> ages = new ArrayList<>();
        int birthAge = rng.between(22, 34);
        for (int i = 0; i < count && birthAge <= motherAge; i++) {
            ages.add(motherAge - birthAge);
            birthAge += rng.between(2, 5);
        }
        List<Integer> staying = new ArrayList<>();
        for (int i = 0; i < ages.size(); i++) {
            int age = ages.get(i);
            boolean youngest = i == ages.size() - 1;
            if (age < adultAge || rng.chance(adultStays) || (youngest && staying.isEmpty())) {
                staying.add(age);
            }
        }
        return staying;
    }

    private LocalDate birthForAge(int age) {
        LocalDate from = ref.minusYears(age + 1L).plusDays(1);
        LocalDate to = ref.minusYears(age);
        return randomDate(from, to);
    }

    // ---------------------------------------------------------------- 住民となった日

    /** The 世帯主 was born here (with the given chance) or moved in as an adult, more often recently. */
    private void headMoveIn(H h, double nativeChance) {
        P head = h.head();
        if (rng.chance(nativeChance)) {
            h.nativeHead = true;
            h.moveIn = head.birth;
        } else {
            LocalDate earliest = min(max(head.birth.plusYears(18), ref.minusYears(45)), ref);
            LocalDate from = rng.chance(0.5) ? earliest : max(earliest, ref.minusYears(10));
            h.moveIn = randomDate(from, ref);
        }
        head.movedIn = h.moveIn;
    }

    /** Moved in with the household, or born into it. */
    private static void withHousehold(P p, H h) {
        p.movedIn = p.birth.isBefore(h.moveIn) ? h.moveIn : p.birth;
    }

    /** Joined the household on marriage (at 22–32), not before the household lived here. */
    private void marriedIn(P p, H h) {
        p.movedIn = min(max(marriageDate(p), h.moveIn), ref);
    }

    /** A date at which {@code p} married, at 22–32; for the young, some day between 18 and today. */
    private LocalDate marriageDate(P p) {
        LocalDate d = p.birth.plusYears(rng.between(22, 32)).plusDays(rng.nextInt(365));
        return d.isAfter(ref) ? randomDate(min(p.birth.plusYears(18), ref), ref) : d;
    }

    /** Married into the family before the first child ({@code childBirth}) was born. */
    private LocalDate marriedBefore(P p, LocalDate childBirth) {
        LocalDate d = marriageDate(p);
        return d.isBefore(childBirth) ? d
                : randomDate(min(max(p.birth.plusYears(18), childBirth.minusYears(3)), childBirth), childBirth);
    }

    /** Joined the household later, within the last {@code years} years. */
    private void later(P p, H h, int years) {
        LocalDate from = max(max(h.moveIn, p.birth), ref.minusYears(years));
        p.movedIn = randomDate(min(from, ref), ref);
    }

    private void workerMoveIn(P p) {
        p.movedIn = randomDate(min(max(p.birth.plusYears(18), ref.minusYears(5)), ref), ref);
    }

    private void specialPermanentMoveIn(H h) {
        P head = h.head();
        if (rng.chance(0.5)) {
            h.nativeHead = true;
            h.moveIn = head.birth;
        } else {
            h.moveIn = randomDate(min(max(head.birth.plusYears(18), ref.minusYears(50)), ref), ref);
        }
        head.movedIn = h.moveIn;
    }

    // ---------------------------------------------------------------- places

    private void finish(H h, AreaKind kind, double apartmentChance) {
        AreaSpec area = areasByKind.get(kind.ordinal()).pick(rng);
        Address address = null;
        if (rng.chance(apartmentChance)) {
            List<Building> free = new ArrayList<>();
            for (Building b : buildings) {
                if (b.area == area && !b.freeRooms.isEmpty()) {
                    free.add(b);
                }
            }
            if (!free.isEmpty()) {
                Building b = free.get(rng.nextInt(free.size()));
                int room = b.freeRooms.remove(rng.nextInt(b.freeRooms.size()));
                address = new Address(b.base.block(), b.base.lot(), room,
                        b.base.text() + FULL_WIDTH_SPACE + b.spec.name() + room + "号室");
            }
        }
        if (address == null) {
            address = newHouseAddress(area);
        }
        addDraft(h, area, address);
    }

    private void addDraft(H h, AreaSpec area, Address address) {
        drafts.add(new Draft(drafts.size(), area, address, h.members));
        residents += h.members.size();
        for (P p : h.members) {
            if (p.nationality != null) {
                foreigners++;
            }
        }
    }

    /** A free lot: 「番・号」 under 住居表示, 「番地」 with an optional 枝番 under 地番. */
    private Address newHouseAddress(AreaSpec area) {
        for (int attempt = 0; ; attempt++) {
            int maxBlock = area.maxBlock() + (attempt / 200) * Math.max(1, area.maxBlock() / 4);
            int block = rng.between(1, maxBlock);
            int lot;
            String text;
            if (area.style() == AddressStyle.JUKYO) {
                lot = rng.between(1, 30);
                text = block + "番" + lot + "号";
            } else {
                lot = rng.chance(0.4) ? rng.between(1, 15) : 0;
                text = block + "番地" + (lot > 0 ? Integer.toString(lot) : "");
            }
            if (usedAddresses.add(area.area().code() + "|" + block + "|" + lot)) {
                return new Address(block, lot, 0, text);
            }
        }
    }

    // ---------------------------------------------------------------- finishing

    /** About ten partly unknown birth dates, mostly of elderly foreign residents who were not born here. */
    private void assignImpreciseBirthDates() {
        List<P> elderly = new ArrayList<>();
        List<P> others = new ArrayList<>();
        for (Draft d : drafts) {
            for (P p : d.members()) {
                if (p.nationality != null && !p.movedIn.equals(p.birth)) {
                    if (p.age >= 60) {
                        elderly.add(p);
                    } else if (p.age >= 30) {
                        others.add(p);
                    }
                }
            }
        }
        shuffle(elderly);
        shuffle(others);
        List<P> chosen = new ArrayList<>();
        chosen.addAll(elderly.subList(0, Math.min(IMPRECISE_ELDERLY, elderly.size())));
        int rest = IMPRECISE_ELDERLY + IMPRECISE_OTHER - chosen.size();
        chosen.addAll(others.subList(0, Math.min(rest, others.size())));
        for (int i = 0; i < chosen.size(); i++) {
            P p = chosen.get(i);
            p.precision = IMPRECISIONS[i % IMPRECISIONS.length];
            p.birth = switch (p.precision) {
                case YEAR_MONTH -> p.birth.withDayOfMonth(1);
                case YEAR, UNKNOWN -> p.birth.withDayOfYear(1);
                case EXACT -> p.birth;
            };
        }
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }

    private SyntheticPopulation assemble() {
        List<Draft> ordered = new ArrayList<>(drafts);
        ordered.sort(Comparator.comparing((Draft d) -> d.area().area().code())
                .thenComparingInt(d -> d.address().block())
                .thenComparingInt(d -> d.address().lot())
                .thenComparingInt(d -> d.address().room())
                .thenComparingInt(Draft::index));
        List<SyntheticHousehold> households = new ArrayList<>(ordered.size());
        int personSequence = 0;
        for (Draft d : ordered) {
            List<SyntheticPerson> members = new ArrayList<>(d.members().size());
            for (P p : d.members()) {
                members.add(new SyntheticPerson(++personSequence, p.family, p.given, p.familyKana, p.givenKana, p.sex,
                        p.birth, p.precision, p.relationship, p.nationality != null, p.nationality, p.alias,
                        p.aliasKana, p.movedIn));
            }
            households.add(new SyntheticHousehold(households.size() + 1, d.area().area(), d.address().text(), members));
        }
        List<TownArea> areas = names.areas.stream().map(AreaSpec::area).toList();
        return new SyntheticPopulation(areas, households);
    }

    // ---------------------------------------------------------------- small helpers

    private int pickAge(int[][] bands) {
        long total = 0;
        for (int[] b : bands) {
            total += b[2];
        }
        long r = rng.nextLong(total);
        for (int[] b : bands) {
            if (r < b[2]) {
                return rng.between(b[0], b[1]);
            }
            r -= b[2];
        }
        throw new AssertionError();
    }

    /** Husband's age minus wife's: about +2 years, between −4 and +12. */
    private int spouseGap() {
        return clamp((int) Math.round(rng.gaussianish(2.2, 3.0)), -4, 12);
    }

    private Sex randomSex() {
        return rng.chance(0.512) ? Sex.MALE : Sex.FEMALE;
    }

    private Sex sexWithFemaleShare(double female) {
        return rng.chance(female) ? Sex.FEMALE : Sex.MALE;
    }

    private LocalDate randomDate(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return from;
        }
        long days = ChronoUnit.DAYS.between(from, to);
        return from.plusDays(rng.nextLong(days + 1));
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
