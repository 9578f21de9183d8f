package jp.madoguchi.nursery.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import jp.madoguchi.nursery.AdmissionInstance;
import jp.madoguchi.nursery.AgeClass;
import jp.madoguchi.nursery.BaseIndexRule;
import jp.madoguchi.nursery.Child;
import jp.madoguchi.nursery.Facility;
import jp.madoguchi.nursery.Family;
import jp.madoguchi.nursery.FixedPlacement;
import jp.madoguchi.nursery.Guardian;
import jp.madoguchi.nursery.InvalidInstanceException;
import jp.madoguchi.nursery.PointsTable;
import jp.madoguchi.nursery.SiblingOption;
import jp.madoguchi.nursery.TieBreakRule;
import jp.madoguchi.nursery.ValidationIssue;

/**
 * A validated instance as arrays: children 0…n−1, facilities 0…m−1, a <em>slot</em> = facility × age class
 * ({@code f * 6 + age}), each child's preferences as slots, the 指数 and the one priority order over all children
 * (指数 descending, then the tie-break rules, then 受付番号). An allocation is an {@code int[]} giving for each child
 * the index of its placement in its own preference list, or −1.
 */
public final class CompiledInstance {

    public static final int CLASSES = 6;

    final AdmissionInstance source;
    final int n;
    final int m;
    final String[] childIds;
    final Child[] children;
    final int[] childFamily;
    final int[] childClass;
    final int[] score;
    final int[] baseIndex;
    /** Priority position, 0 = first. */
    final int[] rank;
    /** Children by priority. */
    final int[] order;
    final int[][] prefSlots;
    /** Slot of the seat a 転園 applicant holds, or −1. */
    final int[] transferSlot;
    final Facility[] facilities;
    final int[] seats;
    final Family[] families;
    /** Members of each family; for YOUNGER_FIRST, youngest first. */
    final int[][] familyMembers;
    final SiblingOption[] familyOption;
    /** Best (lowest) rank among the family's members. */
    final int[] familyRank;
    /** The tie-break rules applied after the 指数, in order (for the explanation). */
    final List<TieBreakRule> tieBreaks;
    /**
     * Placements fixed by hand: {@link #NOT_FIXED}, −1 (fixed unplaced) or the choice index. Fixed children take their
     * seats first and are never moved; they are not agents of blocking pairs (staff decided for them), but others may
     * still envy them, which the result reports.
     */
    final int[] fixedChoice;
    /** Whether any child is fixed. */
    final boolean anyFixed;

    /** {@link #fixedChoice} of a child that is not fixed. */
    static final int NOT_FIXED = Integer.MIN_VALUE;

    /** The same instance with placements fixed by hand. */
    private CompiledInstance(CompiledInstance base, int[] fixedChoice) {
        this.source = base.source;
        this.n = base.n;
        this.m = base.m;
        this.childIds = base.childIds;
        this.children = base.children;
        this.childFamily = base.childFamily;
        this.childClass = base.childClass;
        this.score = base.score;
        this.baseIndex = base.baseIndex;
        this.rank = base.rank;
        this.order = base.order;
        this.prefSlots = base.prefSlots;
        this.transferSlot = base.transferSlot;
        this.facilities = base.facilities;
        this.seats = base.seats;
        this.families = base.families;
        this.familyMembers = base.familyMembers;
        this.familyOption = base.familyOption;
        this.familyRank = base.familyRank;
        this.tieBreaks = base.tieBreaks;
        this.fixedChoice = fixedChoice;
        boolean any = false;
        for (int f : fixedChoice) {
            any |= f != NOT_FIXED;
        }
        this.anyFixed = any;
    }

    private CompiledInstance(AdmissionInstance instance) {
        this.source = instance;
        this.facilities = instance.facilities().toArray(Facility[]::new);
        this.m = facilities.length;
        Map<String, Integer> facilityIndex = new HashMap<>();
        for (int f = 0; f < m; f++) {
            facilityIndex.put(facilities[f].id(), f);
        }
        seats = new int[m * CLASSES];
        for (int f = 0; f < m; f++) {
            for (var e : facilities[f].seats().entrySet()) {
                seats[f * CLASSES + e.getKey().age()] = e.getValue();
            }
        }
        families = instance.families().toArray(Family[]::new);
        List<Child> all = instance.children();
        n = all.size();
        children = all.toArray(Child[]::new);
        childIds = new String[n];
        childFamily = new int[n];
        childClass = new int[n];
        score = new int[n];
        baseIndex = new int[n];
        prefSlots = new int[n][];
        transferSlot = new int[n];
        familyMembers = new int[families.length][];
        familyOption = new SiblingOption[families.length];
        PointsTable points = instance.rules().points();
        int c = 0;
        for (int fam = 0; fam < families.length; fam++) {
            Family family = families[fam];
            int base = familyBase(family, points, instance.rules().baseIndexRule());
            int familyAdjust = family.adjustments().stream()
                    .mapToInt(code -> points.adjustment(code).orElseThrow().points()).sum();
            int[] members = new int[family.children().size()];
            for (int i = 0; i < members.length; i++, c++) {
                Child child = children[c];
                members[i] = c;
                childIds[c] = child.id();
                childFamily[c] = fam;
                int age = instance.ageClassOf(child).orElseThrow().age();
                childClass[c] = age;
                baseIndex[c] = base;
                score[c] = base + familyAdjust + child.adjustments().stream()
                        .mapToInt(code -> points.adjustment(code).orElseThrow().points()).sum();
                prefSlots[c] = child.preferences().stream()
                        .mapToInt(id -> facilityIndex.get(id) * CLASSES + age).toArray();
                transferSlot[c] = child.currentFacility() == null ? -1
                        : facilityIndex.get(child.currentFacility()) * CLASSES + age;
            }
            familyOption[fam] = members.length < 2 ? SiblingOption.ANY : family.siblingOption();
            if (familyOption[fam] == SiblingOption.YOUNGER_FIRST) {
                Integer[] boxed = Arrays.stream(members).boxed().toArray(Integer[]::new);
                // youngest first: later birth first; same birthday keeps the listed order
                Arrays.sort(boxed, Comparator.comparing((Integer x) -> children[x].birthDate()).reversed());
                members = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
            }
            familyMembers[fam] = members;
        }
        tieBreaks = instance.rules().effectiveTieBreaks();
        Integer[] byPriority = new Integer[n];
        for (int i = 0; i < n; i++) {
            byPriority[i] = i;
        }
        Comparator<Integer> cmp = Comparator.comparingInt((Integer x) -> -score[x]);
        for (TieBreakRule rule : tieBreaks) {
            cmp = cmp.thenComparing(ruleComparator(rule));
        }
        Arrays.sort(byPriority, cmp);
        order = new int[n];
        rank = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = byPriority[i];
            rank[byPriority[i]] = i;
        }
        familyRank = new int[families.length];
        for (int fam = 0; fam < families.length; fam++) {
            int best = Integer.MAX_VALUE;
            for (int x : familyMembers[fam]) {
                best = Math.min(best, rank[x]);
            }
            familyRank[fam] = best;
        }
        fixedChoice = new int[n];
        Arrays.fill(fixedChoice, NOT_FIXED);
        anyFixed = false;
    }

    /** Compiles a valid instance; refuses an invalid one with its issues. */
    public static CompiledInstance of(AdmissionInstance instance) {
        List<ValidationIssue> issues = instance.validate();
        if (!issues.isEmpty()) {
            throw new InvalidInstanceException(issues);
        }
        return new CompiledInstance(instance);
    }

    /**
     * This instance with placements fixed by hand. Refused (with Japanese issues) when a child is unknown or fixed
     * twice, a choice does not exist, the siblings of a family placed row by row are not all fixed to the same row, an
     * older child of a 下の子優先 family is fixed to a seat while a younger one is not, or the fixed placements exceed
     * a class's seats (counting the seats fixed transfer applicants leave).
     */
    public CompiledInstance withFixes(List<FixedPlacement> fixes) {
        if (fixes.isEmpty()) {
            return this;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < n; c++) {
            index.put(childIds[c], c);
        }
        List<ValidationIssue> issues = new ArrayList<>();
        int[] fixed = new int[n];
        Arrays.fill(fixed, NOT_FIXED);
        for (FixedPlacement f : fixes) {
            Integer c = index.get(f.childId());
            String where = "手作業の決定（児童 " + f.childId() + "）";
            if (c == null) {
                issues.add(new ValidationIssue(where, "この児童は申込にありません"));
            } else if (fixed[c] != NOT_FIXED) {
                issues.add(new ValidationIssue(where, "同じ児童を2回決めています"));
            } else if (f.preference() > prefSlots[c].length) {
                issues.add(new ValidationIssue(where, "第" + f.preference() + "希望はありません（希望は"
                        + prefSlots[c].length + "か所）"));
            } else {
                fixed[c] = f.preference() - 1;
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidInstanceException(issues);
        }
        int[] load = new int[seats.length];
        for (int fam = 0; fam < families.length; fam++) {
            int[] members = familyMembers[fam];
            String fw = "手作業の決定（世帯 " + families[fam].id() + "）";
            if (familyOption[fam].isJoint()) {
                int first = fixed[members[0]];
                for (int c : members) {
                    if (fixed[c] != first) {
                        issues.add(new ValidationIssue(fw, "「" + familyOption[fam].label()
                                + "」の世帯は、きょうだい全員を同じ希望順位（または保留）に決めてください"));
                        break;
                    }
                }
            } else if (familyOption[fam] == SiblingOption.YOUNGER_FIRST) {
                for (int i = 1; i < members.length; i++) {
                    if (fixed[members[i]] >= 0) {
                        for (int j = 0; j < i; j++) {
                            if (fixed[members[j]] < 0) {
                                issues.add(new ValidationIssue(fw, "「下の子を優先」の世帯で児童 " + childIds[members[i]]
                                        + " を入所に決めるには、年下の児童 " + childIds[members[j]] + " も先に入所に決めてください"));
                                break;
                            }
                        }
                    }
                }
            }
        }
        for (int c = 0; c < n; c++) {
            if (fixed[c] >= 0) {
                load[prefSlots[c][fixed[c]]]++;
                if (transferSlot[c] >= 0) {
                    load[transferSlot[c]]--;
                }
            }
        }
        for (int s = 0; s < seats.length; s++) {
            if (load[s] > seats[s]) {
                issues.add(new ValidationIssue("手作業の決定（" + facilities[s / CLASSES].name() + " " + (s % CLASSES)
                        + "歳児）", "決めた入所が受入可能数" + seats[s] + "名を超えます（" + load[s] + "名）"
                        + (hasTransferApplicants(s) ? "。転園で空く席を使うときは、その転園の児童の結果も決めてください" : "")));
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidInstanceException(issues);
        }
        return new CompiledInstance(this, fixed);
    }

    private boolean hasTransferApplicants(int slot) {
        for (int t : transferSlot) {
            if (t == slot) {
                return true;
            }
        }
        return false;
    }

    /** Whether any placement was fixed by hand. */
    public boolean hasFixes() {
        return anyFixed;
    }

    /** Whether child c's placement was fixed by hand. */
    public boolean isFixed(int c) {
        return fixedChoice[c] != NOT_FIXED;
    }

    static int familyBase(Family family, PointsTable points, BaseIndexRule rule) {
        List<Guardian> gs = family.guardians();
        int p1 = points.base(gs.get(0).circumstance()).orElseThrow().points();
        int p2 = gs.size() > 1 ? points.base(gs.get(1).circumstance()).orElseThrow().points()
                : points.absentGuardianPoints();
        return rule == BaseIndexRule.LOWER_OF_GUARDIANS ? Math.min(p1, p2) : p1 + p2;
    }

    /** Children in priority order, best first (each listed once per occurrence in the stream). */
    int[] byPriority(IntStream children) {
        return children.map(x -> rank[x]).sorted().map(r -> order[r]).toArray();
    }

    /** The members of family {@code fam} whose row-{@code j} choice is {@code slot}, best priority first. */
    int[] membersAt(int fam, int j, int slot) {
        return byPriority(Arrays.stream(familyMembers[fam]).filter(d -> prefSlots[d][j] == slot));
    }

    /** How many of child c's choices rank above its choice {@code k} (k = −1, unplaced: all of them). */
    int choicesAbove(int c, int k) {
        return k < 0 ? prefSlots[c].length : k;
    }

    /**
     * The slot whose seat child c holds when placed at its choice {@code k}: that choice's slot, or, unplaced, the
     * current seat of a 転園 applicant; −1 if none.
     */
    int heldSlot(int c, int k) {
        return k >= 0 ? prefSlots[c][k] : transferSlot[c];
    }

    /** Compares two children by one rule: negative when {@code a} goes first. */
    int compareBy(TieBreakRule rule, int a, int b) {
        return ruleComparator(rule).compare(a, b);
    }

    private Comparator<Integer> ruleComparator(TieBreakRule rule) {
        return switch (rule) {
            case HIGHER_BASE_INDEX -> Comparator.comparingInt(x -> -baseIndex[x]);
            case SINGLE_PARENT -> Comparator.comparingInt(x -> families[childFamily[x]].guardians().size() == 1 ? 0 : 1);
            case LOWER_INCOME -> Comparator.comparingLong(x -> {
                Integer income = families[childFamily[x]].income();
                return income == null ? Long.MAX_VALUE : income.longValue();
            });
            case LONGER_WAITING -> Comparator.comparingInt(x -> -families[childFamily[x]].waitingMonths());
            case MORE_CHILDREN_APPLYING -> Comparator.comparingInt(x -> -familyMembers[childFamily[x]].length);
            case YOUNGER_CHILD -> Comparator.comparing((Integer x) -> children[x].birthDate(),
                    Comparator.<LocalDate>reverseOrder());
            case LOTTERY -> Comparator.comparingInt(x -> families[childFamily[x]].lotteryNumber());
            case APPLICATION_NUMBER -> Comparator.comparing((Integer x) -> childIds[x]);
        };
    }

    // --- read access for the facade and tests ---

    public AdmissionInstance source() {
        return source;
    }

    public int childCount() {
        return n;
    }

    public String childId(int c) {
        return childIds[c];
    }

    public int score(int c) {
        return score[c];
    }

    public int rank(int c) {
        return rank[c];
    }

    public AgeClass ageClass(int c) {
        return AgeClass.ofAge(childClass[c]);
    }

    public boolean isTransfer(int c) {
        return transferSlot[c] >= 0;
    }

    /** The facility of a child's k-th preference. */
    public Facility facilityOf(int c, int k) {
        return facilities[prefSlots[c][k] / CLASSES];
    }

    public int familyOf(int c) {
        return childFamily[c];
    }
}
