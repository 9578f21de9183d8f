package jp.madoguchi.nursery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * 利用調整の入力 — everything one run needs: the round, the municipality's rules, the facilities and the families.
 *
 * @param round the admission round
 * @param rules the rules
 * @param facilities the facilities with their seats
 * @param families the applying families
 */
public record AdmissionInstance(AdmissionRound round, RoundRules rules, List<Facility> facilities,
        List<Family> families) {

    public AdmissionInstance {
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(rules, "rules");
        facilities = List.copyOf(facilities);
        families = List.copyOf(families);
    }

    /** Every child, family by family. */
    public List<Child> children() {
        return families.stream().flatMap(f -> f.children().stream()).toList();
    }

    /** The age class of a child in this round, or empty when the child is of school age or not yet born. */
    public Optional<AgeClass> ageClassOf(Child child) {
        if (child.birthDate().isAfter(round.admissionDay())) {
            return Optional.empty();
        }
        return AgeClass.of(child.birthDate(), round.fiscalYear());
    }

    /**
     * Every problem that stops a run, in Japanese, each saying where: a child in two families, a preference for a
     * facility that does not exist or has no class for the child's age, duplicates, negative seats, unknown point
     * codes, too many preferences, sibling lists that do not fit the sibling option.
     */
    public List<ValidationIssue> validate() {
        List<ValidationIssue> issues = new ArrayList<>();
        Map<String, Facility> byId = new HashMap<>();
        for (Facility f : facilities) {
            String where = "施設 " + f.id();
            if (f.id().isBlank()) {
                issues.add(new ValidationIssue("施設", "施設番号が空です（" + f.name() + "）"));
            }
            if (byId.putIfAbsent(f.id(), f) != null) {
                issues.add(new ValidationIssue(where, "施設番号が重複しています"));
            }
            f.seats().forEach((age, seats) -> {
                if (seats < 0) {
                    issues.add(new ValidationIssue(where + " " + age.label(),
                            "受入可能数が負の数です（" + seats + "）"));
                }
            });
        }
        Set<String> familyIds = new HashSet<>();
        Map<String, String> familyOfChild = new HashMap<>();
        for (Family family : families) {
            String fw = "世帯 " + family.id();
            if (!familyIds.add(family.id())) {
                issues.add(new ValidationIssue(fw, "世帯の受付番号が重複しています"));
            }
            if (family.children().isEmpty()) {
                issues.add(new ValidationIssue(fw, "申込児童がいません"));
            }
            if (family.guardians().isEmpty() || family.guardians().size() > 2) {
                issues.add(new ValidationIssue(fw, "保護者は1人または2人です（" + family.guardians().size() + "人）"));
            }
            for (int g = 0; g < family.guardians().size(); g++) {
                String code = family.guardians().get(g).circumstance();
                if (rules.points().base(code).isEmpty()) {
                    issues.add(new ValidationIssue(fw + " 保護者" + (g + 1), "基準指数の項目コード「" + code
                            + "」は指数表にありません"));
                }
            }
            for (String code : family.adjustments()) {
                if (rules.points().adjustment(code).isEmpty()) {
                    issues.add(new ValidationIssue(fw, "調整指数の項目コード「" + code + "」は指数表にありません"));
                }
            }
            if (family.waitingMonths() < 0) {
                issues.add(new ValidationIssue(fw, "待機月数が負の数です（" + family.waitingMonths() + "）"));
            }
            if (family.income() != null && family.income() < 0) {
                issues.add(new ValidationIssue(fw, "所得割額が負の数です（" + family.income() + "）"));
            }
            for (Child child : family.children()) {
                String cw = "児童 " + child.id();
                String earlier = familyOfChild.putIfAbsent(child.id(), family.id());
                if (earlier != null) {
                    issues.add(new ValidationIssue(cw, earlier.equals(family.id())
                            ? "同じ世帯に同じ児童が重複しています（世帯 " + family.id() + "）"
                            : "2つの世帯に含まれています（世帯 " + earlier + " と 世帯 " + family.id() + "）"));
                }
                validateChild(child, byId, cw, issues,
                        family.siblingOption() == SiblingOption.ALL_OR_NONE && family.children().size() > 1);
            }
            validateSiblings(family, fw, issues);
        }
        return issues;
    }

    private void validateChild(Child child, Map<String, Facility> byId, String cw, List<ValidationIssue> issues,
            boolean rowsOfFamily) {
        Optional<AgeClass> age = ageClassOf(child);
        if (child.birthDate().isAfter(round.admissionDay())) {
            issues.add(new ValidationIssue(cw, "入所月の初日（" + round.admissionDay() + "）より後に生まれる予定です"));
        } else if (age.isEmpty()) {
            issues.add(new ValidationIssue(cw, round.fiscalYear() + "年度は就学年齢（4月1日に6歳以上）です"));
        }
        for (String code : child.adjustments()) {
            if (rules.points().adjustment(code).isEmpty()) {
                issues.add(new ValidationIssue(cw, "調整指数の項目コード「" + code + "」は指数表にありません"));
            }
        }
        if (child.preferences().isEmpty()) {
            issues.add(new ValidationIssue(cw, "希望施設がありません"));
        }
        if (child.preferences().size() > rules.maxPreferences()) {
            issues.add(new ValidationIssue(cw, "希望施設は" + rules.maxPreferences() + "か所までです（"
                    + child.preferences().size() + "か所）"));
        }
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < child.preferences().size(); k++) {
            String fid = child.preferences().get(k);
            int choice = k + 1;
            if (!seen.add(fid) && !rowsOfFamily) {
                issues.add(new ValidationIssue(cw + " の第" + choice + "希望", "施設 " + fid + " を重ねて希望しています"));
            }
            Facility f = byId.get(fid);
            if (f == null) {
                issues.add(new ValidationIssue(cw + " の第" + choice + "希望", "施設 " + fid + " はありません"));
            } else if (age.isPresent() && !f.hasClass(age.get())) {
                issues.add(new ValidationIssue(cw + " の第" + choice + "希望", f.name() + "（" + fid + "）には" + age.get().label()
                        + "のクラスがありません"));
            }
            if (fid.equals(child.currentFacility())) {
                issues.add(new ValidationIssue(cw + " の第" + choice + "希望", "在園中の施設 " + fid + " を転園先として希望しています"));
            }
        }
        if (child.currentFacility() != null) {
            Facility current = byId.get(child.currentFacility());
            if (current == null) {
                issues.add(new ValidationIssue(cw, "在園中の施設 " + child.currentFacility() + " はありません"));
            } else if (age.isPresent() && !current.hasClass(age.get())) {
                issues.add(new ValidationIssue(cw, "在園中の施設 " + current.name() + " に" + age.get().label()
                        + "のクラスがありません"));
            }
        }
    }

    private static void validateSiblings(Family family, String fw, List<ValidationIssue> issues) {
        if (family.children().size() < 2) {
            return;
        }
        List<Child> cs = family.children();
        switch (family.siblingOption()) {
            case SAME_FACILITY_ONLY -> {
                for (Child c : cs.subList(1, cs.size())) {
                    if (!c.preferences().equals(cs.get(0).preferences())) {
                        issues.add(new ValidationIssue(fw, "「同じ園のみ希望」ですが、児童 " + cs.get(0).id() + " と 児童 "
                                + c.id() + " の希望施設が一致しません"));
                    }
                }
            }
            case ALL_OR_NONE -> {
                for (Child c : cs.subList(1, cs.size())) {
                    if (c.preferences().size() != cs.get(0).preferences().size()) {
                        issues.add(new ValidationIssue(fw, "「全員入所できる場合のみ」は希望順位ごとに全員の施設を書きます"
                                + "が、児童 " + cs.get(0).id() + " と 児童 " + c.id() + " の希望数が違います"));
                        return;
                    }
                }
                Set<List<String>> rows = new HashSet<>();
                for (int k = 0; k < cs.get(0).preferences().size(); k++) {
                    int row = k;
                    List<String> tuple = cs.stream().map(c -> c.preferences().get(row)).toList();
                    if (!rows.add(tuple)) {
                        issues.add(new ValidationIssue(fw + " の第" + (k + 1) + "希望", "同じ組み合わせ " + tuple
                                + " を重ねて希望しています"));
                    }
                }
            }
            default -> {
            }
        }
    }
}
