package jp.madoguchi.nursery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * 合成データ — a seeded generator of realistic admission rounds for tests and benchmarks (no real person). Facilities
 * sit at random points of a unit square with a Zipf popularity; families sit at random points and list facilities
 * that have their child's class, drawn without replacement with weight popularity × exp(−distance / locality);
 * seats per class are {@code capacityTightness} × the applicants of that class, spread over the facilities by a
 * random size. Points follow {@link PointsTable#standard()} with shares documented in docs/nursery.md.
 */
public final class InstanceGenerator {

    private static final String[] NAMES = {"さくら", "ひまわり", "たんぽぽ", "すみれ", "あおぞら", "わかば", "どんぐり",
        "つくし", "なのはな", "こすもす", "もみじ", "やまびこ", "ひかり", "みどり", "あさひ", "こばと"};
    private static final String[] KINDS = {"保育園", "保育所", "こども園", "乳児保育園"};

    private static final Object[][] CIRCUMSTANCES = {
        {"WORK_160", 0.50}, {"WORK_140", 0.10}, {"WORK_120", 0.09}, {"WORK_100", 0.05}, {"WORK_80", 0.04},
        {"WORK_64", 0.04}, {"WORK_48", 0.02}, {"PREGNANCY", 0.03}, {"ILLNESS_HOME", 0.02}, {"CARE_PART", 0.02},
        {"STUDY", 0.02}, {"JOB_SEEKING", 0.07}};
    private static final Object[][] FAMILY_ADJUSTMENTS = {
        {"WELFARE", 0.02}, {"SIBLING_ENROLLED", 0.08}, {"PARENTAL_LEAVE_END", 0.30}, {"UNLICENSED_CARE", 0.10},
        {"NURSERY_TEACHER", 0.02}, {"GRANDPARENT_NEARBY", 0.05}};

    private InstanceGenerator() {
    }

    /** Generates an instance; the same parameters give the same instance. */
    public static AdmissionInstance generate(GeneratorParameters p) {
        SplittableRandom random = new SplittableRandom(p.seed());
        int m = p.facilities();
        double[] fx = new double[m];
        double[] fy = new double[m];
        double[] popularity = new double[m];
        double[] size = new double[m];
        boolean[] small = new boolean[m];
        int[] popularityRank = shuffled(m, random);
        for (int f = 0; f < m; f++) {
            fx[f] = random.nextDouble();
            fy[f] = random.nextDouble();
            popularity[f] = 1.0 / Math.pow(popularityRank[f] + 1, p.popularityExponent());
            size[f] = Math.exp(0.4 * gaussian(random));
            small[f] = f > 0 && random.nextDouble() < p.smallFacilityShare(); // every class exists somewhere
        }
        // families and children
        List<Family> families = new ArrayList<>();
        int[] applicantsByAge = new int[6];
        int childCount = 0;
        int familyNo = 0;
        List<Object[]> pending = new ArrayList<>(); // family skeletons: {number, ages[], location}
        while (childCount < p.children()) {
            familyNo++;
            int size1 = 1;
            if (random.nextDouble() < p.secondChildShare()) {
                size1 = random.nextDouble() < p.thirdChildShare() ? 3 : 2;
            }
            int[] ages = new int[size1];
            for (int i = 0; i < size1; i++) {
                ages[i] = draw(p.ageShares(), random);
                applicantsByAge[ages[i]]++;
            }
            pending.add(new Object[] {familyNo, ages, new double[] {random.nextDouble(), random.nextDouble()}});
            childCount += size1;
        }
        // seats per class
        int[][] seats = new int[m][6];
        for (int a = 0; a < 6; a++) {
            int total = (int) Math.round(p.capacityTightness() * applicantsByAge[a]);
            double weightSum = 0;
            for (int f = 0; f < m; f++) {
                if (hasClass(small[f], a)) {
                    weightSum += size[f];
                }
            }
            if (weightSum == 0) {
                continue;
            }
            double[] exact = new double[m];
            int given = 0;
            for (int f = 0; f < m; f++) {
                if (hasClass(small[f], a)) {
                    exact[f] = total * size[f] / weightSum;
                    seats[f][a] = (int) Math.floor(exact[f]);
                    given += seats[f][a];
                }
            }
            while (given < total) {
                int f = random.nextInt(m);
                if (hasClass(small[f], a)) {
                    seats[f][a]++;
                    given++;
                }
            }
        }
        List<Facility> facilities = new ArrayList<>(m);
        for (int f = 0; f < m; f++) {
            Map<AgeClass, Integer> s = new EnumMap<>(AgeClass.class);
            for (int a = 0; a < 6; a++) {
                if (hasClass(small[f], a)) {
                    s.put(AgeClass.ofAge(a), seats[f][a]);
                }
            }
            String name = NAMES[f % NAMES.length] + (f / NAMES.length + 1) + KINDS[random.nextInt(KINDS.length)];
            facilities.add(new Facility(String.format("N%03d", f + 1), name, s));
        }
        int fiscalYear = p.fiscalYear();
        int childNo = 0;
        int[] lottery = shuffled(pending.size(), random);
        for (int i = 0; i < pending.size(); i++) {
            Object[] sk = pending.get(i);
            int[] ages = (int[]) sk[1];
            double[] xy = (double[]) sk[2];
            SiblingOption option = ages.length == 1 ? SiblingOption.ANY : drawOption(p.siblingOptions(), random);
            List<Guardian> guardians = new ArrayList<>();
            List<String> adjustments = new ArrayList<>();
            boolean singleParent = random.nextDouble() < 0.08;
            guardians.add(new Guardian(drawCode(CIRCUMSTANCES, random)));
            if (singleParent) {
                adjustments.add("SINGLE_PARENT");
            } else {
                guardians.add(new Guardian(drawCode(CIRCUMSTANCES, random)));
            }
            for (Object[] adj : FAMILY_ADJUSTMENTS) {
                if (random.nextDouble() < (double) adj[1]) {
                    adjustments.add((String) adj[0]);
                }
            }
            double[] weights = new double[m];
            for (int f = 0; f < m; f++) {
                double d = Math.hypot(fx[f] - xy[0], fy[f] - xy[1]);
                weights[f] = popularity[f] * Math.exp(-d / p.locality());
            }
            int length = Math.max(1, Math.min(p.maxPreferences(),
                    1 + geometric(p.meanPreferences() - 1, random)));
            List<Child> children = new ArrayList<>();
            String familyId = String.format("H%05d", (int) sk[0]);
            if (option == SiblingOption.SAME_FACILITY_ONLY) {
                int[] list = pick(weights, length, random, f -> allClasses(small[f], ages), -1);
                for (int age : ages) {
                    children.add(child(++childNo, age, fiscalYear, ids(list, facilities), null, random));
                }
            } else {
                for (int age : ages) {
                    boolean transfer = random.nextDouble() < p.transferShare();
                    int current = transfer ? randomFacilityWith(small, age, random) : -1;
                    int[] list = pick(weights, length, random, f -> hasClass(small[f], age), current);
                    if (list.length == 0) {
                        list = pick(weights, length, random, f -> hasClass(small[f], age), -1);
                        current = -1;
                    }
                    children.add(child(++childNo, age, fiscalYear, ids(list, facilities),
                            current < 0 ? null : facilities.get(current).id(), random));
                }
                if (option == SiblingOption.ALL_OR_NONE) {
                    int common = children.stream().mapToInt(c -> c.preferences().size()).min().orElse(1);
                    List<Child> trimmed = new ArrayList<>();
                    for (Child c : children) {
                        trimmed.add(new Child(c.id(), c.birthDate(), c.preferences().subList(0, common),
                                c.currentFacility(), c.adjustments()));
                    }
                    children = trimmed;
                }
            }
            Integer income = random.nextDouble() < 0.03 ? null
                    : (int) Math.round(150_000 * Math.exp(0.7 * gaussian(random)) / 100) * 100;
            int waiting = random.nextDouble() < 0.7 ? 0 : 1 + random.nextInt(12);
            families.add(new Family(familyId, guardians, adjustments, option, children, income, waiting,
                    lottery[i] + 1));
        }
        return new AdmissionInstance(AdmissionRound.april(fiscalYear),
                new RoundRules(PointsTable.standard(), BaseIndexRule.LOWER_OF_GUARDIANS,
                        RoundRules.standard().tieBreaks(), p.maxPreferences()),
                facilities, families);
    }

    private static Child child(int no, int age, int fiscalYear, List<String> prefs, String current,
            SplittableRandom random) {
        // born in the school year of the class: (fy-age-1)-04-02 … (fy-age)-04-01
        LocalDate first = LocalDate.of(fiscalYear - age - 1, 4, 2);
        LocalDate birth = first.plusDays(random.nextInt(365));
        List<String> adjustments = random.nextDouble() < 0.01 ? List.of("CHILD_DISABILITY") : List.of();
        return new Child(String.format("C%06d", no), birth, prefs, current, adjustments);
    }

    private static List<String> ids(int[] list, List<Facility> facilities) {
        return Arrays.stream(list).mapToObj(f -> facilities.get(f).id()).toList();
    }

    private static boolean hasClass(boolean small, int age) {
        return !small || age <= 2;
    }

    private static boolean allClasses(boolean small, int[] ages) {
        for (int a : ages) {
            if (!hasClass(small, a)) {
                return false;
            }
        }
        return true;
    }

    private static int randomFacilityWith(boolean[] small, int age, SplittableRandom random) {
        while (true) {
            int f = random.nextInt(small.length);
            if (hasClass(small[f], age)) {
                return f;
            }
        }
    }

    /** Weighted sampling without replacement (Efraimidis–Spirakis keys), excluding one facility. */
    private static int[] pick(double[] weights, int k, SplittableRandom random,
            java.util.function.IntPredicate allowed, int excluded) {
        int m = weights.length;
        double[] keys = new double[m];
        Integer[] idx = new Integer[m];
        int count = 0;
        for (int f = 0; f < m; f++) {
            if (f != excluded && allowed.test(f) && weights[f] > 0) {
                keys[f] = Math.log(random.nextDouble()) / weights[f];
                idx[count++] = f;
            }
        }
        Integer[] candidates = Arrays.copyOf(idx, count);
        Arrays.sort(candidates, (a, b) -> Double.compare(keys[b], keys[a]));
        int take = Math.min(k, count);
        int[] out = new int[take];
        for (int i = 0; i < take; i++) {
            out[i] = candidates[i];
        }
        return out;
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static int draw(double[] shares, SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    private static String drawCode(Object[][] table, SplittableRandom random) {
        double total = 0;
        for (Object[] row : table) {
            total += (double) row[1];
        }
        double u = random.nextDouble() * total;
        for (Object[] row : table) {
            u -= (double) row[1];
            if (u < 0) {
                return (String) row[0];
            }
        }
        return (String) table[table.length - 1][0];
    }

    private static SiblingOption drawOption(Map<SiblingOption, Double> options, SplittableRandom random) {
        double total = options.values().stream().mapToDouble(Double::doubleValue).sum();
        double u = random.nextDouble() * total;
        for (SiblingOption o : SiblingOption.values()) {
            u -= options.getOrDefault(o, 0.0);
            if (u < 0) {
                return o;
            }
        }
        return SiblingOption.ANY;
    }

    /** Geometric with the given mean (number of failures). */
    private static int geometric(double mean, SplittableRandom random) {
        if (mean <= 0) {
            return 0;
        }
        double q = mean / (1 + mean);
        return (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(q));
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
