package jp.madoguchi.nursery.internal;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.madoguchi.kit.Wareki;
import jp.madoguchi.nursery.AgeClass;
import jp.madoguchi.nursery.AdmissionRound;
import jp.madoguchi.nursery.RoundRules;
import jp.madoguchi.nursery.SiblingOption;
import jp.madoguchi.nursery.TieBreakRule;

/**
 * The applications CSV: one row per child; the family's columns repeat on each of its children's rows and must agree.
 * Columns (any order; further columns ignored): 世帯番号, 児童番号, 区分 (新規・転園・在園; blank = 新規), 児童氏名,
 * 生年月日, 在園施設, 保護者氏名, 住所, 保護者1の事由, 保護者2の事由 (blank = no second guardian: ひとり親), 世帯の調整項目,
 * 児童の調整項目, きょうだいの希望 (それぞれ・同じ園のみ・全員・下の子優先; blank = それぞれ), 所得割額 (blank = unknown),
 * 待機月数 (blank = 0), 抽選番号, 第1希望 … 第N希望 (施設番号). Each row is checked on its own (values), against the
 * round (facilities and their classes, the points table, the number of choices, ages) and against its family (the
 * family's columns, sibling lists that fit the option); a family with any bad row is held back as a whole.
 */
final class ApplicationCsv {

    static final String FAMILY = "世帯番号";
    static final String CHILD = "児童番号";
    static final String KIND = "区分";
    static final String CHILD_NAME = "児童氏名";
    static final String BIRTH = "生年月日";
    static final String CURRENT = "在園施設";
    static final String GUARDIAN_NAME = "保護者氏名";
    static final String ADDRESS = "住所";
    static final String GUARDIAN1 = "保護者1の事由";
    static final String GUARDIAN2 = "保護者2の事由";
    static final String FAMILY_ADJ = "世帯の調整項目";
    static final String CHILD_ADJ = "児童の調整項目";
    static final String SIBLINGS = "きょうだいの希望";
    static final String INCOME = "所得割額";
    static final String WAITING = "待機月数";
    static final String LOTTERY = "抽選番号";
    static final List<String> REQUIRED = List.of(FAMILY, CHILD, BIRTH, GUARDIAN1, choiceColumn(1));
    static final int MAX_CHOICE_COLUMNS = 20;

    static String choiceColumn(int k) {
        return "第" + k + "希望";
    }

    /** One child's row, read. */
    record ApplicationRow(int line, String text, String familyId, String childId, ChildKind kind, String childName,
            LocalDate birthDate, String currentFacility, String guardianName, String address, String guardian1,
            String guardian2, List<String> familyAdjustments, List<String> childAdjustments,
            SiblingOption siblingOption, Integer income, int waitingMonths, int lotteryNumber, boolean lotteryGiven,
            List<String> preferences) {

        /** The family's columns, to compare the rows of one family. */
        List<Object> familyColumns() {
            return java.util.Arrays.asList(guardianName, address, guardian1, guardian2, familyAdjustments,
                    siblingOption, income, waitingMonths, lotteryNumber);
        }
    }

    /** A family whose rows are all good, with a hash of its content (re-importing it unchanged changes nothing). */
    record ParsedFamily(String id, List<ApplicationRow> rows, String contentHash) {
    }

    /** What the round offers that rows are checked against. */
    record Context(AdmissionRound round, RoundRules rules, Map<String, FacilityClasses> facilities,
            Map<String, String> storedChildFamily) {
    }

    /** A facility's name and its classes in the round. */
    record FacilityClasses(String name, Set<AgeClass> classes) {
    }

    /**
     * @param heldBack rows without a problem of their own, held back because another row of their family has one
     */
    record Result(Charset charset, int rows, List<ParsedFamily> good, List<ImportProblem> problems,
            List<ImportProblem> heldBack, Map<Integer, String> texts) {
    }

    private static final List<String> FAMILY_COLUMN_NAMES = List.of(GUARDIAN_NAME, ADDRESS, GUARDIAN1, GUARDIAN2,
            FAMILY_ADJ, SIBLINGS, INCOME, WAITING, LOTTERY);

    private ApplicationCsv() {
    }

    static Result parse(byte[] bytes, Charset charset, Context context) {
        CsvFile.Parsed file = CsvFile.read(bytes, charset, REQUIRED);
        List<ImportProblem> problems = new ArrayList<>(file.problems());
        Map<Integer, String> texts = new HashMap<>();
        if (problems.stream().anyMatch(p -> p.row() <= 1)) {
            return new Result(file.charset(), file.rows().size(), List.of(), problems, List.of(), texts);
        }
        int choiceColumns = 0;
        for (int k = 1; k <= MAX_CHOICE_COLUMNS && file.has(choiceColumn(k)); k++) {
            choiceColumns = k;
        }
        // 1. each row on its own and against the round
        Map<String, List<ApplicationRow>> families = new LinkedHashMap<>();
        Map<String, Integer> badFamilies = new HashMap<>(); // family → the first line that holds it back
        Map<Integer, String> familyOfLine = new HashMap<>();
        for (CsvFile.Row row : file.rows()) {
            texts.put(row.line(), row.text());
            List<ImportProblem> rowProblems = new ArrayList<>();
            ApplicationRow parsed = readRow(file, row, choiceColumns, context, rowProblems);
            String familyId = safeId(file.get(row, FAMILY));
            if (familyId != null) {
                familyOfLine.put(row.line(), familyId);
            }
            if (!rowProblems.isEmpty() || parsed == null) {
                problems.addAll(rowProblems);
                if (familyId != null) {
                    badFamilies.merge(familyId, row.line(), Math::min);
                }
                continue;
            }
            families.computeIfAbsent(parsed.familyId(), f -> new ArrayList<>()).add(parsed);
        }
        // 2. children: once in the file, in one family (also against the families stored before). An exact
        // duplicate row is reported and skipped; it does not hold its family back.
        Map<String, ApplicationRow> byChild = new HashMap<>();
        for (var entry : families.entrySet()) {
            List<ApplicationRow> kept = new ArrayList<>();
            for (ApplicationRow r : entry.getValue()) {
                ApplicationRow earlier = byChild.putIfAbsent(r.childId(), r);
                if (earlier != null) {
                    if (earlier.text().equals(r.text())) {
                        problems.add(new ImportProblem(r.line(), CHILD, "重複行です（" + earlier.line() + "行目と同じ内容）"));
                        continue;
                    }
                    String message;
                    if (!earlier.familyId().equals(r.familyId())) {
                        message = "児童 " + r.childId() + " が2つの世帯にあります（" + earlier.line() + "行目は世帯 "
                                + earlier.familyId() + "、この行は世帯 " + r.familyId() + "）";
                        badFamilies.merge(earlier.familyId(), r.line(), Math::min);
                    } else {
                        message = "児童番号 " + r.childId() + " は" + earlier.line() + "行目にもあります（内容が違います）";
                    }
                    problems.add(new ImportProblem(r.line(), CHILD, message));
                    badFamilies.merge(r.familyId(), r.line(), Math::min);
                    continue;
                }
                kept.add(r);
                String stored = context.storedChildFamily().get(r.childId());
                if (stored != null && !stored.equals(r.familyId()) && !families.containsKey(stored)) {
                    problems.add(new ImportProblem(r.line(), CHILD, "児童 " + r.childId() + " は取込済みの世帯 " + stored
                            + " にいます（1人の児童は1つの世帯にだけ属します。移す場合は世帯 " + stored + " の行も同じファイルで直してください）"));
                    badFamilies.merge(r.familyId(), r.line(), Math::min);
                }
            }
            entry.setValue(kept);
        }
        families.values().removeIf(List::isEmpty);
        // 3. families: the same family columns on every row, someone applying, sibling lists fitting the option
        for (var e : families.entrySet()) {
            List<ImportProblem> familyProblems = checkFamily(e.getKey(), e.getValue(), context.rules());
            if (!familyProblems.isEmpty()) {
                problems.addAll(familyProblems);
                badFamilies.merge(e.getKey(), familyProblems.stream().mapToInt(ImportProblem::row).min().orElseThrow(),
                        Math::min);
            }
        }
        List<ParsedFamily> good = new ArrayList<>();
        List<ImportProblem> heldBack = new ArrayList<>();
        Set<Integer> problemLines = problems.stream().map(ImportProblem::row).collect(Collectors.toSet());
        for (var e : families.entrySet()) {
            if (!badFamilies.containsKey(e.getKey())) {
                good.add(new ParsedFamily(e.getKey(), e.getValue(), hash(e.getValue())));
            }
        }
        for (var e : new java.util.TreeMap<>(familyOfLine).entrySet()) {
            Integer firstBad = badFamilies.get(e.getValue());
            if (firstBad != null && !problemLines.contains(e.getKey())) {
                heldBack.add(new ImportProblem(e.getKey(), null, "同じ世帯（" + e.getValue() + "）にかかわる誤り（" + firstBad
                        + "行目）があるため、この行も取り込みません（世帯は全員分そろって取り込みます）"));
            }
        }
        problems.sort(Comparator.comparingInt(ImportProblem::row));
        heldBack.sort(Comparator.comparingInt(ImportProblem::row));
        return new Result(file.charset(), file.rows().size(), good, problems, heldBack, texts);
    }

    private static String safeId(String text) {
        try {
            return CsvValues.id(text, FAMILY);
        } catch (CsvValues.BadValue e) {
            return null;
        }
    }

    private static ApplicationRow readRow(CsvFile.Parsed file, CsvFile.Row row, int choiceColumns, Context context,
            List<ImportProblem> out) {
        int line = row.line();
        RoundRules rules = context.rules();
        String familyId = value(out, line, FAMILY, () -> CsvValues.id(file.get(row, FAMILY), FAMILY));
        String childId = value(out, line, CHILD, () -> CsvValues.id(file.get(row, CHILD), CHILD));
        ChildKind kind = ChildKind.NEW;
        String kindText = file.get(row, KIND);
        if (!kindText.isEmpty()) {
            Optional<ChildKind> k = ChildKind.parse(kindText);
            if (k.isEmpty()) {
                out.add(new ImportProblem(line, KIND, "区分「" + kindText + "」は 新規・転園・在園 のどれかです"));
            } else {
                kind = k.get();
            }
        }
        String childName = file.get(row, CHILD_NAME);
        LocalDate birth = value(out, line, BIRTH, () -> CsvValues.date(file.get(row, BIRTH), BIRTH));
        AgeClass age = null;
        AdmissionRound round = context.round();
        if (birth != null) {
            if (birth.isAfter(round.admissionDay())) {
                out.add(new ImportProblem(line, BIRTH, "入所月の初日（" + Wareki.format(round.admissionDay())
                        + "）より後の生年月日です"));
            } else {
                Optional<AgeClass> a = AgeClass.of(birth, round.fiscalYear());
                if (a.isEmpty() && kind != ChildKind.ENROLLED) {
                    out.add(new ImportProblem(line, BIRTH, round.fiscalYear() + "年度は就学年齢（4月1日に6歳以上）です"));
                }
                age = a.orElse(null);
            }
        }
        String current = file.get(row, CURRENT).isEmpty() ? null
                : value(out, line, CURRENT, () -> CsvValues.id(file.get(row, CURRENT), CURRENT));
        if (kind == ChildKind.NEW && current != null) {
            out.add(new ImportProblem(line, CURRENT, "新規の児童に在園施設は書きません（転園の場合は区分を「転園」にします）"));
        } else if (kind != ChildKind.NEW && file.get(row, CURRENT).isEmpty()) {
            out.add(new ImportProblem(line, CURRENT, kind.label() + "の児童は在園施設が必要です"));
        } else if (current != null) {
            FacilityClasses f = context.facilities().get(current);
            if (f == null) {
                out.add(new ImportProblem(line, CURRENT, "施設 " + current + " はありません（先に施設・受入可能数を取り込んでください）"));
            } else if (kind == ChildKind.TRANSFER && age != null && !f.classes().contains(age)) {
                out.add(new ImportProblem(line, CURRENT, f.name() + "（" + current + "）には" + age.label()
                        + "のクラスがありません"));
            }
        }
        String guardian1 = CsvValues.code(file.get(row, GUARDIAN1));
        if (guardian1.isEmpty()) {
            out.add(new ImportProblem(line, GUARDIAN1, "保護者1の事由（基準指数の項目コード）が空です"));
        } else if (rules.points().base(guardian1).isEmpty()) {
            out.add(new ImportProblem(line, GUARDIAN1, "基準指数の項目「" + guardian1 + "」は指数表にありません"));
        }
        String guardian2 = CsvValues.code(file.get(row, GUARDIAN2));
        if (!guardian2.isEmpty() && rules.points().base(guardian2).isEmpty()) {
            out.add(new ImportProblem(line, GUARDIAN2, "基準指数の項目「" + guardian2 + "」は指数表にありません"));
        }
        List<String> familyAdj = CsvValues.codes(file.get(row, FAMILY_ADJ));
        for (String code : familyAdj) {
            if (rules.points().adjustment(code).isEmpty()) {
                out.add(new ImportProblem(line, FAMILY_ADJ, "調整指数の項目「" + code + "」は指数表にありません"));
            }
        }
        List<String> childAdj = CsvValues.codes(file.get(row, CHILD_ADJ));
        for (String code : childAdj) {
            if (rules.points().adjustment(code).isEmpty()) {
                out.add(new ImportProblem(line, CHILD_ADJ, "調整指数の項目「" + code + "」は指数表にありません"));
            }
        }
        SiblingOption option = SiblingOption.ANY;
        String optionText = file.get(row, SIBLINGS);
        if (!optionText.isEmpty()) {
            Optional<SiblingOption> o = siblingOption(optionText);
            if (o.isEmpty()) {
                out.add(new ImportProblem(line, SIBLINGS, "きょうだいの希望「" + optionText
                        + "」は それぞれ・同じ園のみ・全員・下の子優先 のどれかです"));
            } else {
                option = o.get();
            }
        }
        Long income = value(out, line, INCOME, () -> CsvValues.number(file.get(row, INCOME), INCOME));
        if (income != null && (income < 0 || income > Integer.MAX_VALUE)) {
            out.add(new ImportProblem(line, INCOME, income < 0 ? "所得割額が負の数です（" + income + "）" : "所得割額が大きすぎます"));
        }
        Long waiting = value(out, line, WAITING, () -> CsvValues.number(file.get(row, WAITING), WAITING));
        if (waiting != null && (waiting < 0 || waiting > 999)) {
            out.add(new ImportProblem(line, WAITING, "待機月数は0以上999以下です（" + waiting + "）"));
        }
        Long lottery = value(out, line, LOTTERY, () -> CsvValues.number(file.get(row, LOTTERY), LOTTERY));
        if (lottery == null && rules.effectiveTieBreaks().contains(TieBreakRule.LOTTERY)
                && file.get(row, LOTTERY).isEmpty()) {
            out.add(new ImportProblem(line, LOTTERY, "抽選番号が空です（同点時の優先順位に抽選番号があります）"));
        } else if (lottery != null && (lottery < 0 || lottery > Integer.MAX_VALUE)) {
            out.add(new ImportProblem(line, LOTTERY, "抽選番号が範囲外です（" + lottery + "）"));
        }
        List<String> preferences = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean rowsOfFamily = option == SiblingOption.ALL_OR_NONE;
        boolean gap = false;
        for (int k = 1; k <= choiceColumns; k++) {
            String column = choiceColumn(k);
            String text = file.get(row, column);
            if (text.isEmpty()) {
                gap = true;
                continue;
            }
            String fid = value(out, line, column, () -> CsvValues.id(text, "施設番号"));
            if (fid == null) {
                continue;
            }
            if (gap) {
                out.add(new ImportProblem(line, column, "前の希望が空欄です（第1希望から順に書きます）"));
            }
            if (k > rules.maxPreferences()) {
                out.add(new ImportProblem(line, column, "希望できる施設は" + rules.maxPreferences() + "か所までです"));
            }
            if (!seen.add(fid) && !rowsOfFamily) {
                out.add(new ImportProblem(line, column, "施設 " + fid + " を重ねて希望しています"));
            }
            if (fid.equals(current)) {
                out.add(new ImportProblem(line, column, "在園中の施設 " + fid + " を転園先として希望しています"));
            }
            FacilityClasses f = context.facilities().get(fid);
            if (f == null) {
                out.add(new ImportProblem(line, column, "施設 " + fid + " はありません（先に施設・受入可能数を取り込んでください）"));
            } else if (age != null && kind != ChildKind.ENROLLED && !f.classes().contains(age)) {
                out.add(new ImportProblem(line, column, f.name() + "（" + fid + "）には" + age.label() + "のクラスがありません"));
            }
            preferences.add(fid);
        }
        if (kind == ChildKind.ENROLLED && !preferences.isEmpty()) {
            out.add(new ImportProblem(line, choiceColumn(1), "在園の児童は希望施設を書きません（転園を希望する場合は区分を「転園」にします）"));
        } else if (kind != ChildKind.ENROLLED && preferences.isEmpty()) {
            out.add(new ImportProblem(line, choiceColumn(1), "希望施設がありません"));
        }
        if (!out.isEmpty()) {
            return null;
        }
        return new ApplicationRow(line, row.text(), familyId, childId, kind, childName.isEmpty() ? null : childName,
                birth, current, emptyToNull(file.get(row, GUARDIAN_NAME)), emptyToNull(file.get(row, ADDRESS)),
                guardian1, guardian2.isEmpty() ? null : guardian2, familyAdj, childAdj, option,
                income == null ? null : income.intValue(), waiting == null ? 0 : waiting.intValue(),
                lottery == null ? 0 : lottery.intValue(), lottery != null, List.copyOf(preferences));
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static <T> T value(List<ImportProblem> out, int line, String column, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (CsvValues.BadValue e) {
            out.add(new ImportProblem(line, column, e.getMessage()));
            return null;
        }
    }

    static Optional<SiblingOption> siblingOption(String text) {
        String t = text.strip();
        for (SiblingOption o : SiblingOption.values()) {
            if (o.label().equals(t) || o.name().equalsIgnoreCase(t)) {
                return Optional.of(o);
            }
        }
        return switch (t) {
            case "それぞれ" -> Optional.of(SiblingOption.ANY);
            case "同じ園のみ", "同じ園" -> Optional.of(SiblingOption.SAME_FACILITY_ONLY);
            case "全員", "全員のみ", "全員入所のみ" -> Optional.of(SiblingOption.ALL_OR_NONE);
            case "下の子優先" -> Optional.of(SiblingOption.YOUNGER_FIRST);
            default -> Optional.empty();
        };
    }

    private static List<ImportProblem> checkFamily(String familyId, List<ApplicationRow> rows, RoundRules rules) {
        List<ImportProblem> problems = new ArrayList<>();
        ApplicationRow first = rows.get(0);
        List<Object> expected = first.familyColumns();
        for (ApplicationRow r : rows.subList(1, rows.size())) {
            List<Object> actual = r.familyColumns();
            for (int i = 0; i < expected.size(); i++) {
                if (!Objects.equals(expected.get(i), actual.get(i))) {
                    problems.add(new ImportProblem(r.line(), FAMILY_COLUMN_NAMES.get(i), "同じ世帯（" + familyId + "）の"
                            + first.line() + "行目と違います"));
                }
            }
        }
        List<ApplicationRow> applying = rows.stream().filter(r -> r.kind() != ChildKind.ENROLLED).toList();
        if (applying.isEmpty()) {
            problems.add(new ImportProblem(first.line(), KIND, "世帯 " + familyId + " に申込児童（新規・転園）がいません"));
            return problems;
        }
        if (applying.size() < 2) {
            return problems;
        }
        ApplicationRow a = applying.get(0);
        switch (first.siblingOption()) {
            case SAME_FACILITY_ONLY -> {
                for (ApplicationRow r : applying.subList(1, applying.size())) {
                    if (!r.preferences().equals(a.preferences())) {
                        problems.add(new ImportProblem(r.line(), choiceColumn(1), "「同じ園のみ」は、きょうだい全員の希望施設を"
                                + "同じ順に書きます（" + a.line() + "行目と違います）"));
                    }
                }
            }
            case ALL_OR_NONE -> {
                boolean sameLength = true;
                for (ApplicationRow r : applying.subList(1, applying.size())) {
                    if (r.preferences().size() != a.preferences().size()) {
                        sameLength = false;
                        problems.add(new ImportProblem(r.line(), choiceColumn(1), "「全員」は希望順位ごとに全員の施設を書きます"
                                + "が、" + a.line() + "行目と希望の数が違います（" + a.preferences().size() + "か所と"
                                + r.preferences().size() + "か所）"));
                    }
                }
                if (sameLength) {
                    Set<List<String>> tuples = new HashSet<>();
                    for (int k = 0; k < a.preferences().size(); k++) {
                        int row = k;
                        List<String> tuple = applying.stream().map(r -> r.preferences().get(row)).toList();
                        if (!tuples.add(tuple)) {
                            problems.add(new ImportProblem(a.line(), choiceColumn(k + 1), "同じ組み合わせ " + tuple
                                    + " を重ねて希望しています"));
                        }
                    }
                }
            }
            default -> {
            }
        }
        return problems;
    }

    private static String hash(List<ApplicationRow> rows) {
        StringBuilder s = new StringBuilder();
        for (ApplicationRow r : rows) {
            s.append(List.of(r.childId(), r.kind(), Objects.toString(r.childName()), r.birthDate(),
                    Objects.toString(r.currentFacility()), r.childAdjustments(), r.preferences()))
                    .append(r.familyColumns()).append('\n');
        }
        return InputSnapshots.sha256(s.toString());
    }
}
