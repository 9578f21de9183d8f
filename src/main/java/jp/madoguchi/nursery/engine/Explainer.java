package jp.madoguchi.nursery.engine;

import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.nursery.AllocationMode;
import jp.madoguchi.nursery.ChildExplanation;
import jp.madoguchi.nursery.Family;
import jp.madoguchi.nursery.PointsTable;
import jp.madoguchi.nursery.SiblingOption;
import jp.madoguchi.nursery.TieBreakRule;

/**
 * Explains an allocation child by child: the 指数, the placement, and for each higher choice why not — the seats
 * went to children of higher priority (with the lowest 指数 admitted, and the tie-break rule when the 指数 was the
 * same), the class took no one, or the sibling option stood in the way.
 */
public final class Explainer {

    private final CompiledInstance in;
    private final int[] assign;
    private final StabilityChecker checker;
    private final AllocationMode mode;

    public Explainer(CompiledInstance in, int[] assign, AllocationMode mode) {
        this.in = in;
        this.assign = assign;
        this.checker = new StabilityChecker(in, assign);
        this.mode = mode;
    }

    public ChildExplanation explain(int c) {
        List<String> reasons = new ArrayList<>();
        int fam = in.childFamily[c];
        SiblingOption option = in.familyOption[fam];
        int limit = in.choicesAbove(c, assign[c]);
        int[] members = in.familyMembers[fam];
        int younger = -1;
        if (option == SiblingOption.YOUNGER_FIRST) {
            for (int i = 1; i < members.length; i++) {
                if (members[i] == c) {
                    younger = members[i - 1];
                }
            }
        }
        for (int k = 0; k < limit; k++) {
            String head = choice(c, k) + ": ";
            if (option.isJoint()) {
                reasons.add(rowHead(fam, k) + ": " + rowReason(fam, c, k));
            } else if (younger >= 0 && assign[younger] < 0) {
                reasons.add(head + "「下の子を優先」の希望により、年下の児童 " + in.childIds[younger]
                        + " が入所できないため、入所しません。");
            } else {
                reasons.add(head + slotReason(c, in.prefSlots[c][k], true));
            }
        }
        return new ChildExplanation(in.childIds[c], summary(c), reasons);
    }

    private String summary(int c) {
        StringBuilder s = new StringBuilder();
        s.append("指数").append(in.score[c]).append("（").append(pointsBreakdown(c)).append("）、優先順位 ")
                .append(in.rank[c] + 1).append("位／").append(in.n).append("人。");
        if (assign[c] >= 0) {
            s.append(choice(c, assign[c])).append(" に入所").append(in.transferSlot[c] >= 0 ? "（転園）" : "")
                    .append("となりました。");
            if (in.transferSlot[c] >= 0) {
                s.append("在園していた ").append(facilityName(in.transferSlot[c]))
                        .append(" の席は、ほかの申込者に提供されます。");
            }
        } else if (in.transferSlot[c] >= 0) {
            s.append("希望した施設には転園できませんでした。現在の ").append(facilityName(in.transferSlot[c]))
                    .append(" に引き続き在園します。");
        } else {
            s.append("希望したどの施設にも入所できませんでした（保留）。");
        }
        if (in.isFixed(c)) {
            s.append("この結果は職員が手作業で決めました。");
        }
        return s.toString();
    }

    private String pointsBreakdown(int c) {
        Family family = in.families[in.childFamily[c]];
        PointsTable points = in.source.rules().points();
        StringBuilder s = new StringBuilder("基準指数").append(in.baseIndex[c]).append("［")
                .append(in.source.rules().baseIndexRule().label()).append("］");
        List<String> codes = new ArrayList<>(family.adjustments());
        codes.addAll(in.children[c].adjustments());
        for (String code : codes) {
            PointsTable.Item item = points.adjustment(code).orElseThrow();
            s.append("、").append(item.category()).append(item.points() >= 0 ? "+" : "").append(item.points());
        }
        return s.toString();
    }

    private String choice(int c, int k) {
        int slot = in.prefSlots[c][k];
        return "第" + (k + 1) + "希望 " + facilityName(slot) + " " + (slot % CompiledInstance.CLASSES) + "歳児";
    }

    private String facilityName(int slot) {
        return in.facilities[slot / CompiledInstance.CLASSES].name();
    }

    private String rowHead(int fam, int j) {
        StringBuilder s = new StringBuilder("第" + (j + 1) + "希望（きょうだいの組み合わせ: ");
        int[] members = in.familyMembers[fam];
        for (int i = 0; i < members.length; i++) {
            int d = members[i];
            s.append(i > 0 ? "、" : "").append("児童 ").append(in.childIds[d]).append("→")
                    .append(facilityName(in.prefSlots[d][j])).append(" ").append(in.childClass[d]).append("歳児");
        }
        return s.append("）").toString();
    }

    private String rowReason(int fam, int c, int j) {
        int m = checker.firstUnclaimableMember(fam, j);
        String label = in.familyOption[fam].label();
        if (m < 0) {
            return "全員分の席を取れる条件がありましたが、この結果では入所になっていません（"
                    + unstableNote() + "）。";
        }
        String who = m == c ? "" : "児童 " + in.childIds[m] + " の ";
        int slot = in.prefSlots[m][j];
        int[] group = in.membersAt(fam, j, slot);
        if (group.length > 1) {
            // siblings sharing the class need seats together: say how many could be had, not only who sits there
            int t = 0;
            while (group[t] != m) {
                t++;
            }
            int needed = group.length - t;
            int available = checker.claimableSeats(fam, j, m);
            int occupants = checker.occupants(slot);
            String filled = "受入可能数" + in.seats[slot] + "名" + (occupants == 0 ? "" : "、入所" + occupants + "名（指数"
                    + in.score[in.order[checker.lowestOccupantRank(slot)]] + "以上）");
            String lack = t == 0
                    ? "きょうだい" + needed + "名分の席が必要でしたが、空きと優先順位が下の方の席を合わせても"
                    : "きょうだい" + group.length + "名分の席のうち、児童 " + in.childIds[m] + " からの" + needed
                    + "名分が必要でしたが、空きと児童 " + in.childIds[m] + " より優先順位が下の方の席を合わせても";
            return facilityName(slot) + " " + in.childClass[m] + "歳児 には、" + lack + Math.max(0, available)
                    + "名分でした（" + filled + "）。「" + label + "」の希望のため、この組み合わせは成立しませんでした。";
        }
        return who + facilityName(slot) + " " + in.childClass[m] + "歳児 は "
                + slotReason(m, slot, m == c) + "「" + label + "」の希望のため、この組み合わせは成立しませんでした。";
    }

    private String unstableNote() {
        if (in.anyFixed) {
            return "職員が手作業で決めた入所があるため";
        }
        return mode == AllocationMode.BASELINE
                ? "一般的な手順では、先に決まった入所を後から動かさないため"
                : "きょうだいの条件により、だれにも不満の残らない割当てが存在しないための調整";
    }

    /** Why child c has no seat in a slot; {@code you} says 「あなたの指数」 rather than 「指数」. */
    private String slotReason(int c, int slot, boolean you) {
        int occupants = checker.occupants(slot);
        String yours = (you ? "あなたの指数" : "指数") + in.score[c];
        if (checker.free(slot) > 0) {
            return "空きがありましたが、この結果では入所になっていません（" + unstableNote() + "）。";
        }
        if (occupants == 0) {
            return "今回の受入可能数は0名でした。";
        }
        int lowestRank = checker.lowestOccupantRank(slot);
        int d = in.order[lowestRank];
        int lowestScore = in.score[d];
        if (lowestRank > in.rank[c]) {
            return "定員" + occupants + "名は埋まっていましたが、優先順位が下の方（指数" + lowestScore + "）が入所しています（"
                    + (in.isFixed(d) ? "職員が手作業で決めた入所のため" : unstableNote()) + "）。";
        }
        String filled = "定員" + occupants + "名は指数" + lowestScore + "以上の" + occupants + "名で埋まりました";
        if (lowestScore > in.score[c]) {
            return filled + "（" + yours + "）。";
        }
        List<TieBreakRule> rules = in.tieBreaks;
        for (int i = 0; i < rules.size(); i++) {
            if (in.compareBy(rules.get(i), c, d) != 0) {
                return filled + "。同じ指数" + lowestScore + "の方とは、同点時の優先順位の第" + (i + 1) + "項目「"
                        + rules.get(i).label() + "」で後になりました（" + yours + "）。";
            }
        }
        return filled + "（" + yours + "）。";
    }

}
