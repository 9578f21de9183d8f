package jp.madoguchi.nursery.internal;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.madoguchi.kit.TextEncodings;
import jp.madoguchi.nursery.BaseIndexRule;
import jp.madoguchi.nursery.PointsTable;
import jp.madoguchi.nursery.TieBreakRule;

/**
 * The rules CSV (利用調整基準): one file with three sections, each opened by a line holding only its name in brackets
 * and read like any import file (a header line, columns in any order, RFC 4180 quoting, blank lines skipped; line
 * numbers are the whole file's):
 *
 * <pre>
 * [設定]
 * 項目,値
 * 基準指数の算定,保護者のうち低い方
 * 保護者がいない場合の基準指数,20
 * 希望できる施設数の上限,10
 *
 * [指数表]
 * 区分,項目コード,分類,名称,指数
 * 基準,WORK_160,就労,月160時間以上の就労,20
 * 調整,SINGLE_PARENT,ひとり親,ひとり親世帯,10
 *
 * [同点時の優先順位]
 * 順位,ルール
 * 1,基準指数の高い方
 * 2,所得割額の低い方
 * </pre>
 *
 * The file is the whole of a round's rules: importing it replaces them. Items keep the file's order; tie-break rules
 * are ordered by 順位. Values are read as in the other imports (full-width digits and letters accepted, codes
 * upper-cased); 基準指数の算定 and ルール are given by their labels (or the enum names). {@link #lines} writes the same
 * format back.
 */
final class RulesCsv {

    static final String SETTINGS = "設定";
    static final String POINTS = "指数表";
    static final String TIE_BREAKS = "同点時の優先順位";
    static final List<String> SECTIONS = List.of(SETTINGS, POINTS, TIE_BREAKS);

    static final String KEY = "項目";
    static final String VALUE = "値";
    static final String BASE_INDEX_RULE = "基準指数の算定";
    static final String ABSENT_GUARDIAN = "保護者がいない場合の基準指数";
    static final String MAX_PREFERENCES = "希望できる施設数の上限";
    static final List<String> SETTING_KEYS = List.of(BASE_INDEX_RULE, ABSENT_GUARDIAN, MAX_PREFERENCES);

    static final String KIND = "区分";
    static final String CODE = "項目コード";
    static final String CATEGORY = "分類";
    static final String LABEL = "名称";
    static final String POINTS_COLUMN = "指数";
    static final List<String> POINTS_COLUMNS = List.of(KIND, CODE, CATEGORY, LABEL, POINTS_COLUMN);

    static final String RANK = "順位";
    static final String RULE = "ルール";
    static final List<String> TIE_BREAK_COLUMNS = List.of(RANK, RULE);

    private static final Pattern MARKER = Pattern.compile("[\\[［【]\\s*(.+?)\\s*[\\]］】]");

    /**
     * The file read.
     *
     * @param charset the character set it was read in
     * @param table the rules, or null when there is any problem
     * @param problems every problem with its line and column (line 0: the file as a whole)
     * @param rows data lines read (settings, items and tie-break rules)
     * @param lines the line of each item (by code) and setting (by its name)
     */
    record Result(Charset charset, CriteriaTable table, List<ImportProblem> problems, int rows,
            Map<String, Integer> lines) {
    }

    private record Section(String name, int markerLine, int firstByte, int endByte) {
    }

    private RulesCsv() {
    }

    static Result parse(byte[] bytes, Charset charset) {
        Charset cs = charset != null ? charset : TextEncodings.detect(bytes);
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Section> sections = sections(bytes, cs, problems);
        if (sections.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(new ImportProblem(0, null, "利用調整基準のファイルではありません（[設定]、[指数表]、"
                        + "[同点時の優先順位]の見出しの行がありません）"));
            }
            return new Result(cs, null, problems, 0, Map.of());
        }
        for (String name : SECTIONS) {
            if (!sections.containsKey(name)) {
                problems.add(new ImportProblem(0, null, "[" + name + "]の部分がありません"));
            }
        }
        int rows = 0;
        boolean itemsReadWhole = true;
        Map<String, Integer> keyLines = new HashMap<>();
        Settings settings = new Settings();
        List<CriteriaTable.Line> items = new ArrayList<>();
        List<Integer> itemLines = new ArrayList<>();
        List<TieBreakRule> tieBreaks = new ArrayList<>();
        List<Integer> tieBreakLines = new ArrayList<>();
        for (Section section : sections.values()) {
            List<String> required = switch (section.name()) {
                case SETTINGS -> List.of(KEY, VALUE);
                case POINTS -> POINTS_COLUMNS;
                default -> TIE_BREAK_COLUMNS;
            };
            CsvFile.Parsed file = CsvFile.read(Arrays.copyOfRange(bytes, section.firstByte(), section.endByte()), cs,
                    required, section.markerLine());
            for (ImportProblem p : file.problems()) {
                problems.add(p.row() == 0 ? new ImportProblem(section.markerLine(), null,
                        "[" + section.name() + "]の見出し行がありません（列: " + String.join("、", required) + "）") : p);
            }
            if (file.columns().isEmpty() || required.stream().anyMatch(c -> !file.has(c))) {
                itemsReadWhole &= !section.name().equals(POINTS);
                continue;
            }
            rows += file.rows().size();
            switch (section.name()) {
                case SETTINGS -> settings(file, section, settings, problems, keyLines);
                case POINTS -> {
                    int before = problems.size();
                    points(file, items, itemLines, problems);
                    itemsReadWhole = problems.size() == before;
                    for (int i = 0; i < items.size(); i++) {
                        keyLines.putIfAbsent(items.get(i).code(), itemLines.get(i));
                    }
                }
                default -> tieBreaks(file, tieBreaks, tieBreakLines, problems);
            }
        }
        CriteriaTable table = new CriteriaTable(
                settings.rule == null ? BaseIndexRule.LOWER_OF_GUARDIANS : settings.rule,
                settings.absent == null ? 0 : settings.absent, settings.max == null ? 1 : settings.max, items,
                tieBreaks);
        Section points = sections.get(POINTS);
        for (CriteriaTable.Issue issue : table.issues()) {
            List<Integer> lines = issue.tieBreak() ? tieBreakLines : itemLines;
            String first = issue.firstIndex() < 0 ? "" : "（" + lines.get(issue.firstIndex()) + "行目にもあります）";
            if (issue.index() < 0) {
                if (points != null && itemsReadWhole) {
                    problems.add(new ImportProblem(points.markerLine(), null, issue.message()));
                }
            } else {
                problems.add(new ImportProblem(lines.get(issue.index()), issue.tieBreak() ? RULE : CODE,
                        issue.message() + first));
            }
        }
        problems.sort(Comparator.comparingInt(ImportProblem::row));
        return new Result(cs, problems.isEmpty() ? table : null, problems, rows, keyLines);
    }

    /** The sections by name in file order; lines before the first section and bad section lines are problems. */
    private static Map<String, Section> sections(byte[] bytes, Charset cs, List<ImportProblem> problems) {
        record Marker(String name, int line, int start, int next) {
        }
        List<Marker> markers = new ArrayList<>();
        int firstContent = -1;
        int firstUndecodable = -1;
        for (TextEncodings.Line l : TextEncodings.lines(bytes, cs)) {
            String text = l.text();
            if (text == null && firstUndecodable < 0) {
                firstUndecodable = l.number();
            }
            Optional<String> name = text == null ? Optional.empty() : marker(text);
            if (name.isPresent()) {
                markers.add(new Marker(name.get(), l.number(), l.start(), l.next()));
            } else if (markers.isEmpty() && firstContent < 0 && (text == null || !text.isBlank())) {
                firstContent = l.number();
            }
        }
        Map<String, Section> out = new LinkedHashMap<>();
        if (markers.isEmpty()) {
            if (firstUndecodable > 0) {
                problems.add(new ImportProblem(firstUndecodable, null, TextEncodings.japaneseName(cs)
                        + "として読めない文字があります（文字コードを確認してください）"));
            }
            return out;
        }
        if (firstContent > 0) {
            problems.add(new ImportProblem(firstContent, null, "最初の部分の見出し（[設定]など）より前に行があります"));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            int endByte = i + 1 < markers.size() ? markers.get(i + 1).start() : bytes.length;
            if (!SECTIONS.contains(m.name())) {
                problems.add(new ImportProblem(m.line(), null, "見出し「[" + m.name() + "]」はありません（使える見出し: [設定]、"
                        + "[指数表]、[同点時の優先順位]）"));
            } else if (seen.putIfAbsent(m.name(), m.line()) != null) {
                problems.add(new ImportProblem(m.line(), null, "[" + m.name() + "]が2回あります（" + seen.get(m.name())
                        + "行目にもあります）"));
            } else {
                out.put(m.name(), new Section(m.name(), m.line(), m.next(), endByte));
            }
        }
        return out;
    }

    /** The section's name when the line is only 「[name]」 (further empty fields, as spreadsheets save it, allowed). */
    private static Optional<String> marker(String text) {
        List<String> fields;
        try {
            fields = CsvFile.split(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (fields.stream().skip(1).anyMatch(f -> !f.isBlank())) {
            return Optional.empty();
        }
        Matcher m = MARKER.matcher(fields.get(0).strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static final class Settings {
        BaseIndexRule rule;
        Integer absent;
        Integer max;
    }

    private static void settings(CsvFile.Parsed file, Section section, Settings out, List<ImportProblem> problems,
            Map<String, Integer> lines) {
        Map<String, Integer> seen = new HashMap<>();
        for (CsvFile.Row row : file.rows()) {
            String key = CsvValues.normal(file.get(row, KEY));
            String value = file.get(row, VALUE);
            if (!SETTING_KEYS.contains(key)) {
                problems.add(new ImportProblem(row.line(), KEY, key.isEmpty() ? "項目が空です" : "項目「" + key
                        + "」はありません（使える項目: " + String.join("、", SETTING_KEYS) + "）"));
                continue;
            }
            Integer first = seen.putIfAbsent(key, row.line());
            if (first != null) {
                problems.add(new ImportProblem(row.line(), KEY, "項目「" + key + "」が重複しています（" + first
                        + "行目にもあります）"));
                continue;
            }
            lines.put(key, row.line());
            try {
                switch (key) {
                    case BASE_INDEX_RULE -> {
                        Optional<BaseIndexRule> rule = CriteriaTable.baseIndexRule(value);
                        if (rule.isEmpty()) {
                            problems.add(new ImportProblem(row.line(), VALUE, "基準指数の算定「" + value + "」はありません（"
                                    + String.join("、", Arrays.stream(BaseIndexRule.values()).map(BaseIndexRule::label)
                                            .toList()) + "のどちらかです）"));
                        } else {
                            out.rule = rule.get();
                        }
                    }
                    case ABSENT_GUARDIAN -> out.absent = CsvValues.checkedNumber(value, ABSENT_GUARDIAN,
                            CriteriaTable::absentPointsProblem);
                    default -> out.max = CsvValues.checkedNumber(value, MAX_PREFERENCES,
                            CriteriaTable::maxPreferencesProblem);
                }
            } catch (CsvValues.BadValue e) {
                problems.add(new ImportProblem(row.line(), VALUE, e.getMessage()));
            }
        }
        for (String key : SETTING_KEYS) {
            if (!seen.containsKey(key)) {
                problems.add(new ImportProblem(section.markerLine(), null, "[設定]に「" + key + "」の行がありません"));
            }
        }
    }

    private static void points(CsvFile.Parsed file, List<CriteriaTable.Line> items, List<Integer> lines,
            List<ImportProblem> problems) {
        for (CsvFile.Row row : file.rows()) {
            List<ImportProblem> rowProblems = new ArrayList<>();
            String kindText = file.get(row, KIND);
            Optional<PointsKind> kind = PointsKind.parse(kindText);
            if (kind.isEmpty()) {
                rowProblems.add(new ImportProblem(row.line(), KIND, kindText.isEmpty() ? "区分が空です"
                        : "区分「" + kindText + "」は「基準」か「調整」です"));
            }
            String code = CsvValues.code(file.get(row, CODE));
            add(rowProblems, row, CODE, CriteriaTable.codeProblem(code));
            String category = file.get(row, CATEGORY);
            add(rowProblems, row, CATEGORY, CriteriaTable.categoryProblem(category));
            String label = file.get(row, LABEL);
            add(rowProblems, row, LABEL, CriteriaTable.labelProblem(label));
            int points = 0;
            try {
                points = CsvValues.checkedNumber(file.get(row, POINTS_COLUMN), POINTS_COLUMN,
                        CriteriaTable::pointsProblem);
            } catch (CsvValues.BadValue e) {
                rowProblems.add(new ImportProblem(row.line(), POINTS_COLUMN, e.getMessage()));
            }
            if (rowProblems.isEmpty()) {
                items.add(new CriteriaTable.Line(kind.get(),
                        new PointsTable.Item(code, category, label, points)));
                lines.add(row.line());
            }
            problems.addAll(rowProblems);
        }
    }

    private static void tieBreaks(CsvFile.Parsed file, List<TieBreakRule> rules, List<Integer> lines,
            List<ImportProblem> problems) {
        record Ranked(long rank, TieBreakRule rule, int line) {
        }
        List<Ranked> good = new ArrayList<>();
        Map<Long, Integer> ranks = new HashMap<>();
        for (CsvFile.Row row : file.rows()) {
            List<ImportProblem> rowProblems = new ArrayList<>();
            Long rank = null;
            try {
                rank = CsvValues.number(file.get(row, RANK), RANK);
                if (rank == null) {
                    rowProblems.add(new ImportProblem(row.line(), RANK, "順位が空です"));
                } else if (rank < 1) {
                    rowProblems.add(new ImportProblem(row.line(), RANK, "順位は1以上の整数です（" + rank + "）"));
                } else if (ranks.putIfAbsent(rank, row.line()) != null) {
                    rowProblems.add(new ImportProblem(row.line(), RANK, "順位 " + rank + " が重複しています（"
                            + ranks.get(rank) + "行目にもあります）"));
                }
            } catch (CsvValues.BadValue e) {
                rowProblems.add(new ImportProblem(row.line(), RANK, e.getMessage()));
            }
            String text = file.get(row, RULE);
            Optional<TieBreakRule> rule = CriteriaTable.tieBreak(text);
            if (rule.isEmpty()) {
                rowProblems.add(new ImportProblem(row.line(), RULE, (text.isEmpty() ? "ルールが空です"
                        : "ルール「" + text + "」はありません") + "（使えるルール: " + CriteriaTable.tieBreakLabels() + "）"));
            }
            if (rowProblems.isEmpty()) {
                good.add(new Ranked(rank, rule.get(), row.line()));
            }
            problems.addAll(rowProblems);
        }
        good.sort(Comparator.comparingLong(Ranked::rank));
        for (Ranked r : good) {
            rules.add(r.rule());
            lines.add(r.line());
        }
    }

    private static void add(List<ImportProblem> problems, CsvFile.Row row, String column, String problem) {
        if (problem != null) {
            problems.add(new ImportProblem(row.line(), column, problem));
        }
    }

    /** The rules as the lines of a file in this format (what {@link #parse} reads back to the same table). */
    static List<String> lines(CriteriaTable table) {
        List<String> out = new ArrayList<>();
        out.add("[" + SETTINGS + "]");
        out.add(KEY + "," + VALUE);
        out.add(BASE_INDEX_RULE + "," + table.baseIndexRule().label());
        out.add(ABSENT_GUARDIAN + "," + table.absentGuardianPoints());
        out.add(MAX_PREFERENCES + "," + table.maxPreferences());
        out.add("");
        out.add("[" + POINTS + "]");
        out.add(String.join(",", POINTS_COLUMNS));
        for (CriteriaTable.Line l : table.items()) {
            out.add(String.join(",", l.kind().label(), l.code(), CsvFile.field(l.item().category()),
                    CsvFile.field(l.item().label()), Integer.toString(l.item().points())));
        }
        out.add("");
        out.add("[" + TIE_BREAKS + "]");
        out.add(String.join(",", TIE_BREAK_COLUMNS));
        for (int i = 0; i < table.tieBreaks().size(); i++) {
            out.add((i + 1) + "," + table.tieBreaks().get(i).label());
        }
        return out;
    }
}
