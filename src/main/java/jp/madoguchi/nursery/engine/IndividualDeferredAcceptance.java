package jp.madoguchi.nursery.engine;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.PriorityQueue;
import jp.madoguchi.nursery.SiblingOption;

/**
 * Deferred acceptance (受入保留方式) for the children who act alone, with every family that has a sibling condition
 * left out: the starting point of the optimal mode's second model. A transfer applicant's current seat is a seat of
 * its slot reserved for it: open to others while it is held elsewhere, taken back (rejecting the lowest-priority
 * holder) when its list runs out. The result has no blocking pair among children acting alone.
 */
final class IndividualDeferredAcceptance {

    private IndividualDeferredAcceptance() {
    }

    static int[] run(CompiledInstance in) {
        int n = in.n;
        int[] assign = new int[n];
        Arrays.fill(assign, -1);
        int[] next = new int[n];
        int slots = in.seats.length;
        int[] cap = in.seats.clone();
        boolean[] alone = new boolean[n];
        for (int fam = 0; fam < in.families.length; fam++) {
            if (in.familyOption[fam] == SiblingOption.ANY) {
                for (int c : in.familyMembers[fam]) {
                    alone[c] = true;
                }
            }
        }
        for (int c = 0; c < n; c++) {
            if (alone[c] && in.transferSlot[c] >= 0) {
                cap[in.transferSlot[c]]++; // reserved seat, open while its owner is held elsewhere
            }
        }
        @SuppressWarnings("unchecked")
        PriorityQueue<Integer>[] held = new PriorityQueue[slots];
        Deque<Integer> free = new ArrayDeque<>();
        for (int c = 0; c < n; c++) {
            if (alone[c]) {
                free.add(c);
            }
        }
        while (!free.isEmpty()) {
            int c = free.poll();
            if (next[c] >= in.prefSlots[c].length) {
                assign[c] = -1;
                int own = in.transferSlot[c];
                if (own >= 0) {
                    cap[own]--; // stays: takes its reserved seat back
                    if (held[own] != null && held[own].size() > cap[own]) {
                        reject(held[own].poll(), assign, free);
                    }
                }
                continue;
            }
            int k = next[c]++;
            int s = in.prefSlots[c][k];
            if (held[s] == null) {
                held[s] = new PriorityQueue<>((a, b) -> Integer.compare(in.rank[b], in.rank[a]));
            }
            held[s].add(c);
            assign[c] = k;
            if (held[s].size() > cap[s]) {
                reject(held[s].poll(), assign, free);
            }
        }
        return assign;
    }

    private static void reject(int c, int[] assign, Deque<Integer> free) {
        assign[c] = -1;
        free.add(c);
    }
}
