package jp.madoguchi.nursery.engine;

import java.util.Arrays;
import jp.madoguchi.nursery.SiblingOption;

/**
 * 一般的な利用調整 — the procedure most municipalities run by hand: in descending priority each applicant (a child,
 * or a family that applies as one unit) takes its best choice that still has a seat; siblings follow the family's
 * option; then <em>re-processing</em> (再調整): passes in the same order in which anyone may move up to a better
 * choice that now has a seat (seats freed by transfers and by those who moved up), until a pass changes nothing.
 * A placement is never taken back. Without siblings and transfers this is serial dictatorship, the unique stable
 * matching under one priority order; with them it may leave justified envy, which the optimal mode removes.
 *
 * <p>A family with {@link SiblingOption#SAME_FACILITY_ONLY} or {@link SiblingOption#ALL_OR_NONE} acts at the
 * priority of its best-ranked child and takes its best row that fits; {@link SiblingOption#YOUNGER_FIRST} acts at
 * that priority too, youngest child first, and an older child takes a seat only once the next younger has one.
 */
public final class BaselineAllocator {

    private final CompiledInstance in;
    private final int[] free;
    private final int[] assign;
    /** Units in priority order: value ≥ 0 is a child, value < 0 is family −(value+1). */
    private final int[] units;
    private int passes;

    public BaselineAllocator(CompiledInstance in) {
        this.in = in;
        this.free = in.seats.clone();
        this.assign = new int[in.n];
        Arrays.fill(assign, -1);
        // placements fixed by hand take their seats first and never move
        for (int c = 0; c < in.n; c++) {
            if (in.fixedChoice[c] >= 0) {
                assign[c] = in.fixedChoice[c];
                free[in.prefSlots[c][assign[c]]]--;
                if (in.transferSlot[c] >= 0) {
                    free[in.transferSlot[c]]++;
                }
            }
        }
        int count = 0;
        long[] keyed = new long[in.n];
        for (int fam = 0; fam < in.families.length; fam++) {
            if (in.familyOption[fam] == SiblingOption.ANY) {
                for (int c : in.familyMembers[fam]) {
                    if (!in.isFixed(c)) {
                        keyed[count++] = ((long) in.rank[c] << 32) | c;
                    }
                }
            } else if (!(in.familyOption[fam].isJoint() && in.isFixed(in.familyMembers[fam][0]))) {
                keyed[count++] = ((long) in.familyRank[fam] << 32) | (0xFFFFFFFFL & (-(fam + 1)));
            }
        }
        keyed = Arrays.copyOf(keyed, count);
        Arrays.sort(keyed);
        units = new int[count];
        for (int i = 0; i < count; i++) {
            units[i] = (int) keyed[i];
        }
    }

    /** Runs the allocation: for each child, the index of its placement in its list, or −1. */
    public int[] run() {
        boolean changed = true;
        passes = 0;
        while (changed) {
            changed = false;
            passes++;
            for (int unit : units) {
                if (unit >= 0) {
                    changed |= improveChild(unit);
                } else {
                    int fam = -(unit + 1);
                    if (in.familyOption[fam] == SiblingOption.YOUNGER_FIRST) {
                        int[] members = in.familyMembers[fam];
                        for (int i = 0; i < members.length; i++) {
                            if (i > 0 && assign[members[i - 1]] < 0) {
                                break;
                            }
                            if (!in.isFixed(members[i])) {
                                changed |= improveChild(members[i]);
                            }
                        }
                    } else {
                        changed |= improveFamily(fam);
                    }
                }
            }
        }
        return assign.clone();
    }

    /** Passes made, the last of which changed nothing. */
    public int passes() {
        return passes;
    }

    private boolean improveChild(int c) {
        int[] slots = in.prefSlots[c];
        int limit = in.choicesAbove(c, assign[c]);
        for (int k = 0; k < limit; k++) {
            if (free[slots[k]] > 0) {
                release(c);
                free[slots[k]]--;
                assign[c] = k;
                return true;
            }
        }
        return false;
    }

    private void release(int c) {
        int held = in.heldSlot(c, assign[c]);
        if (held >= 0) {
            free[held]++;
        }
    }

    private boolean improveFamily(int fam) {
        int[] members = in.familyMembers[fam];
        int limit = in.choicesAbove(members[0], assign[members[0]]);
        for (int j = 0; j < limit; j++) {
            if (rowFits(members, j)) {
                for (int c : members) {
                    release(c);
                }
                for (int c : members) {
                    free[in.prefSlots[c][j]]--;
                    assign[c] = j;
                }
                return true;
            }
        }
        return false;
    }

    /** Whether every member can have its row-j slot, counting the seats the family itself would give up. */
    private boolean rowFits(int[] members, int j) {
        for (int c : members) {
            int slot = in.prefSlots[c][j];
            int need = 0;
            int own = 0;
            for (int d : members) {
                if (in.prefSlots[d][j] == slot) {
                    need++;
                }
                if (in.heldSlot(d, assign[d]) == slot) {
                    own++;
                }
            }
            if (free[slot] + own < need) {
                return false;
            }
        }
        return true;
    }
}
