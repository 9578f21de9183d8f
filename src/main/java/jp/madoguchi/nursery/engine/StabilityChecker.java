package jp.madoguchi.nursery.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.madoguchi.nursery.Blocking;
import jp.madoguchi.nursery.SiblingOption;

/**
 * Checks an allocation exactly, independently of how it was made: seats never exceeded, sibling options honoured,
 * and every blocking pair or coalition ({@link Blocking}). An allocation is <em>stable</em> (no justified envy and no
 * wasted seat) when there is none.
 *
 * <p>Definitions (also in docs/nursery.md). Free seats of a slot = its seats + the seats of transfer applicants who
 * moved away − its occupants. A child acting alone blocks with its k-th choice if it prefers it to its placement and
 * the slot has a free seat or an occupant of lower priority. Alone means: any child of a
 * {@link SiblingOption#ANY} family, and any child of a {@link SiblingOption#YOUNGER_FIRST} family whose next younger
 * sibling is placed (the youngest always). A family placed row by row blocks with a row it prefers if every member
 * can have its seat there: the seats open to a member are the free ones, the family's own (which it gives up) and
 * those held by children of lower priority than the member; members sharing a slot are checked with Hall's
 * condition. A child fixed by hand ({@link CompiledInstance#withFixes}) is never an agent of a blocking pair (staff
 * decided for it), but others may envy it.
 */
public final class StabilityChecker {

    private final CompiledInstance in;
    private final int[] assign;
    private final int[] free;
    /** Occupant ranks per slot, sorted ascending. */
    private final int[][] occupantRanks;
    private final int[] occupantCount;

    public StabilityChecker(CompiledInstance in, int[] assign) {
        this.in = in;
        this.assign = assign;
        int slots = in.seats.length;
        free = in.seats.clone();
        occupantCount = new int[slots];
        for (int c = 0; c < in.n; c++) {
            if (assign[c] >= 0) {
                occupantCount[in.prefSlots[c][assign[c]]]++;
                free[in.prefSlots[c][assign[c]]]--;
                if (in.transferSlot[c] >= 0) {
                    free[in.transferSlot[c]]++;
                }
            }
        }
        occupantRanks = new int[slots][];
        int[] fill = new int[slots];
        for (int s = 0; s < slots; s++) {
            occupantRanks[s] = new int[occupantCount[s]];
        }
        for (int c = 0; c < in.n; c++) {
            if (assign[c] >= 0) {
                int s = in.prefSlots[c][assign[c]];
                occupantRanks[s][fill[s]++] = in.rank[c];
            }
        }
        for (int[] r : occupantRanks) {
            Arrays.sort(r);
        }
    }

    /** Problems of feasibility in Japanese: seats exceeded, a sibling option broken. Empty when feasible. */
    public List<String> feasibilityProblems() {
        List<String> problems = new ArrayList<>();
        for (int s = 0; s < free.length; s++) {
            if (free[s] < 0) {
                problems.add("施設 " + in.facilities[s / CompiledInstance.CLASSES].id() + " "
                        + (s % CompiledInstance.CLASSES) + "歳児: 受入可能数を" + (-free[s]) + "名超えています");
            }
        }
        for (int fam = 0; fam < in.families.length; fam++) {
            int[] members = in.familyMembers[fam];
            String fid = in.families[fam].id();
            switch (in.familyOption[fam]) {
                case SAME_FACILITY_ONLY, ALL_OR_NONE -> {
                    int row = assign[members[0]];
                    for (int c : members) {
                        if (assign[c] != row) {
                            problems.add("世帯 " + fid + ": 「" + in.familyOption[fam].label()
                                    + "」なのに、きょうだいの入所が同じ希望順位の組み合わせになっていません");
                            break;
                        }
                    }
                    if (in.familyOption[fam] == SiblingOption.SAME_FACILITY_ONLY && row >= 0) {
                        int facility = in.prefSlots[members[0]][row] / CompiledInstance.CLASSES;
                        for (int c : members) {
                            if (in.prefSlots[c][row] / CompiledInstance.CLASSES != facility) {
                                problems.add("世帯 " + fid + ": 「同じ園のみ希望」なのに別の施設です");
                                break;
                            }
                        }
                    }
                }
                case YOUNGER_FIRST -> {
                    for (int i = 1; i < members.length; i++) {
                        if (assign[members[i]] >= 0 && assign[members[i - 1]] < 0) {
                            problems.add("世帯 " + fid + ": 「下の子を優先」なのに、児童 " + in.childIds[members[i]]
                                    + " が入所し、年下の児童 " + in.childIds[members[i - 1]] + " が入所していません");
                        }
                    }
                }
                default -> {
                }
            }
        }
        return problems;
    }

    /** Every blocking pair and coalition. */
    public List<Blocking> blockings() {
        List<Blocking> out = new ArrayList<>();
        for (int fam = 0; fam < in.families.length; fam++) {
            int[] members = in.familyMembers[fam];
            switch (in.familyOption[fam]) {
                case ANY -> {
                    for (int c : members) {
                        individual(c, out);
                    }
                }
                case YOUNGER_FIRST -> {
                    for (int i = 0; i < members.length; i++) {
                        if (i == 0 || assign[members[i - 1]] >= 0) {
                            individual(members[i], out);
                        }
                    }
                }
                default -> coalition(fam, out);
            }
        }
        return out;
    }

    /** Number of occupants of a slot with a lower priority (a larger rank) than {@code rank}. */
    int lowerOccupants(int slot, int rank) {
        int[] r = occupantRanks[slot];
        int i = Arrays.binarySearch(r, rank);
        int firstGreater = i >= 0 ? i + 1 : -(i + 1);
        return r.length - firstGreater;
    }

    int free(int slot) {
        return free[slot];
    }

    int occupants(int slot) {
        return occupantCount[slot];
    }

    /** The rank of the lowest-priority occupant of a slot, or −1 if empty. */
    int lowestOccupantRank(int slot) {
        int[] r = occupantRanks[slot];
        return r.length == 0 ? -1 : r[r.length - 1];
    }

    /** Whether child c alone could take its k-th choice. */
    boolean canClaim(int c, int k) {
        int slot = in.prefSlots[c][k];
        return free[slot] > 0 || lowerOccupants(slot, in.rank[c]) > 0;
    }

    private void individual(int c, List<Blocking> out) {
        if (in.isFixed(c)) {
            return; // staff decided for this child
        }
        int limit = in.choicesAbove(c, assign[c]);
        for (int k = 0; k < limit; k++) {
            if (canClaim(c, k)) {
                int slot = in.prefSlots[c][k];
                String fid = in.facilities[slot / CompiledInstance.CLASSES].id();
                String why = free[slot] > 0 ? "空きがある" : "指数の順位が下の児童が入所している";
                out.add(new Blocking(in.families[in.childFamily[c]].id(), List.of(in.childIds[c]), k + 1,
                        List.of(fid), "児童 " + in.childIds[c] + " は第" + (k + 1) + "希望 " + fid + " "
                        + (slot % CompiledInstance.CLASSES) + "歳児 を希望し、そこに" + why));
            }
        }
    }

    private void coalition(int fam, List<Blocking> out) {
        int[] members = in.familyMembers[fam];
        if (in.isFixed(members[0])) {
            return; // staff decided for this family
        }
        int limit = in.choicesAbove(members[0], assign[members[0]]);
        for (int j = 0; j < limit; j++) {
            if (rowClaimable(fam, j)) {
                List<String> ids = new ArrayList<>();
                List<String> fids = new ArrayList<>();
                for (int c : members) {
                    ids.add(in.childIds[c]);
                    fids.add(in.facilities[in.prefSlots[c][j] / CompiledInstance.CLASSES].id());
                }
                out.add(new Blocking(in.families[fam].id(), ids, j + 1, fids, "世帯 " + in.families[fam].id()
                        + " は第" + (j + 1) + "希望の組み合わせ " + fids + " を希望し、きょうだい全員がその席を取れる"));
            }
        }
    }

    /** Whether a family could have all of its row j (Hall's condition on nested seat sets per slot). */
    boolean rowClaimable(int fam, int j) {
        return firstUnclaimableMember(fam, j) < 0;
    }

    /**
     * The seats of its row-j slot that member c (the best-ranked of the siblings sharing that slot) could have: free
     * seats, the family's own, and those held by children of lower priority than c.
     */
    int claimableSeats(int fam, int j, int c) {
        int slot = in.prefSlots[c][j];
        int r = in.rank[c];
        int own = 0;
        int lowerNotOwn = lowerOccupants(slot, r);
        for (int d : in.familyMembers[fam]) {
            if (in.heldSlot(d, assign[d]) == slot) {
                own++;
                if (assign[d] >= 0 && in.rank[d] > r) {
                    lowerNotOwn--;
                }
            }
        }
        return free[slot] + own + lowerNotOwn;
    }

    /** A member who cannot have its seat of row j, or −1 if the whole row is claimable. */
    int firstUnclaimableMember(int fam, int j) {
        int[] members = in.familyMembers[fam];
        for (int c : members) {
            int slot = in.prefSlots[c][j];
            int[] targeting = in.membersAt(fam, j, slot);
            if (targeting[0] != c) {
                continue; // checked with the best-ranked member of the slot
            }
            int own = 0;
            int[] ownRanks = new int[members.length];
            int ownOccupying = 0;
            for (int d : members) {
                if (in.heldSlot(d, assign[d]) == slot) {
                    own++;
                    if (assign[d] >= 0) {
                        ownRanks[ownOccupying++] = in.rank[d];
                    }
                }
            }
            int q = targeting.length;
            for (int t = 0; t < q; t++) {
                int r = in.rank[targeting[t]];
                int lowerNotOwn = lowerOccupants(slot, r);
                for (int i = 0; i < ownOccupying; i++) {
                    if (ownRanks[i] > r) {
                        lowerNotOwn--;
                    }
                }
                if (free[slot] + own + lowerNotOwn < q - t) {
                    return targeting[t];
                }
            }
        }
        return -1;
    }
}
