package jp.madoguchi.nursery.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.madoguchi.nursery.BaseIndexRule;
import jp.madoguchi.nursery.PointsTable;
import jp.madoguchi.nursery.RoundRules;
import jp.madoguchi.nursery.TieBreakRule;

/**
 * 利用調整基準表 — a round's rules as the municipality keeps and edits them: how the family's 基準指数 is made, the
 * 基準指数 counted for a missing guardian, how many facilities a child may list, the points items in the municipality's
 * own order, and the tie-break order. {@link #rules()} gives what the engine uses ({@link RoundRules}, which keeps no
 * order of items). The limits are the database's (V70).
 *
 * @param baseIndexRule 基準指数の算定
 * @param absentGuardianPoints 保護者がいない場合の基準指数
 * @param maxPreferences 希望できる施設数の上限
 * @param items 基準指数 and 調整指数 items, in the order shown
 * @param tieBreaks 同点時の優先順位 (受付番号順 always applies last)
 */
public record CriteriaTable(BaseIndexRule baseIndexRule, int absentGuardianPoints, int maxPreferences,
        List<Line> items, List<TieBreakRule> tieBreaks) {

    static final int MIN_POINTS = -100;
    static final int MAX_POINTS = 100;
    static final int MAX_ABSENT_POINTS = 100;
    static final int MAX_PREFERENCES = 20;
    static final int MAX_CATEGORY = 20;
    static final int MAX_LABEL = 80;

    /** One item of the table with its 区分. */
    public record Line(PointsKind kind, PointsTable.Item item) {
        public Line {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(item, "item");
        }

        public String code() {
            return item.code();
        }
    }

    /**
     * Something wrong with the table as a whole.
     *
     * @param tieBreak whether {@code index} points into the tie-breaks (else into the items; -1: the table)
     * @param index the item or tie-break at fault, or -1
     * @param firstIndex for a duplicate, the first occurrence; else -1
     * @param message what is wrong, in Japanese
     */
    record Issue(boolean tieBreak, int index, int firstIndex, String message) {
    }

    /** The difference between two tables: items added, changed (分類, 名称 or 指数), removed; order and settings. */
    public record Diff(int added, int changed, int removed, boolean reordered, boolean settingsChanged,
            boolean tieBreaksChanged) {

        public boolean none() {
            return added == 0 && changed == 0 && removed == 0 && !reordered && !settingsChanged && !tieBreaksChanged;
        }

        /** 「追加1件、変更2件…」 for the staff. */
        public String text() {
            List<String> parts = new ArrayList<>();
            if (added > 0) {
                parts.add("項目の追加" + added + "件");
            }
            if (changed > 0) {
                parts.add("項目の変更" + changed + "件");
            }
            if (removed > 0) {
                parts.add("項目の削除" + removed + "件");
            }
            if (reordered) {
                parts.add("項目の並び順");
            }
            if (settingsChanged) {
                parts.add("基準指数の算定などの設定");
            }
            if (tieBreaksChanged) {
                parts.add("同点時の優先順位");
            }
            return parts.isEmpty() ? "変更なし" : String.join("、", parts);
        }
    }

    public CriteriaTable {
        Objects.requireNonNull(baseIndexRule, "baseIndexRule");
        items = List.copyOf(items);
        tieBreaks = List.copyOf(tieBreaks);
    }

    /** A table from the engine's rules: items by points descending, then code (how rounds were always created). */
    static CriteriaTable of(RoundRules rules) {
        List<Line> lines = new ArrayList<>();
        Comparator<PointsTable.Item> order = Comparator.comparingInt((PointsTable.Item i) -> -i.points())
                .thenComparing(PointsTable.Item::code);
        rules.points().baseItems().values().stream().sorted(order).forEach(i -> lines.add(new Line(PointsKind.BASE, i)));
        rules.points().adjustmentItems().values().stream().sorted(order)
                .forEach(i -> lines.add(new Line(PointsKind.ADJUSTMENT, i)));
        return new CriteriaTable(rules.baseIndexRule(), rules.points().absentGuardianPoints(), rules.maxPreferences(),
                lines, rules.tieBreaks());
    }

    /** The rules the engine uses. */
    public RoundRules rules() {
        return new RoundRules(PointsTable.of(items(PointsKind.BASE), items(PointsKind.ADJUSTMENT), absentGuardianPoints),
                baseIndexRule, tieBreaks, maxPreferences);
    }

    /** The items of one kind, in order. */
    public List<PointsTable.Item> items(PointsKind kind) {
        return items.stream().filter(l -> l.kind() == kind).map(Line::item).toList();
    }

    public Optional<Line> item(String code) {
        return items.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /** The tie-break rules not in the list, which could be added. */
    public List<TieBreakRule> otherTieBreaks() {
        return java.util.Arrays.stream(TieBreakRule.values()).filter(r -> !tieBreaks.contains(r)).toList();
    }

    /** With {@code line} replacing the item of the same code in place, or added after the last item of its kind. */
    CriteriaTable withItem(Line line) {
        List<Line> list = new ArrayList<>(items);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).code().equals(line.code())) {
                list.set(i, line);
                return withItems(list);
            }
        }
        int at = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).kind() == line.kind()) {
                at = i + 1;
            }
        }
        if (at < 0) {
            at = line.kind() == PointsKind.BASE ? 0 : list.size();
        }
        list.add(at, line);
        return withItems(list);
    }

    CriteriaTable withoutItem(String code) {
        return withItems(items.stream().filter(l -> !l.code().equals(code)).toList());
    }

    CriteriaTable withItems(List<Line> lines) {
        return new CriteriaTable(baseIndexRule, absentGuardianPoints, maxPreferences, lines, tieBreaks);
    }

    CriteriaTable withTieBreaks(List<TieBreakRule> rules) {
        return new CriteriaTable(baseIndexRule, absentGuardianPoints, maxPreferences, items, rules);
    }

    CriteriaTable withSettings(BaseIndexRule rule, int absent, int max) {
        return new CriteriaTable(rule, absent, max, items, tieBreaks);
    }

    /** What changed from {@code before} to this table. */
    Diff diffFrom(CriteriaTable before) {
        Map<String, Line> old = new HashMap<>();
        before.items().forEach(l -> old.put(l.code(), l));
        int added = 0;
        int changed = 0;
        for (Line l : items) {
            Line o = old.remove(l.code());
            if (o == null) {
                added++;
            } else if (!o.equals(l)) {
                changed++;
            }
        }
        List<String> common = items.stream().map(Line::code).filter(c -> before.item(c).isPresent()).toList();
        List<String> commonBefore = before.items().stream().map(Line::code).filter(c -> item(c).isPresent()).toList();
        boolean settings = baseIndexRule != before.baseIndexRule() || absentGuardianPoints != before.absentGuardianPoints()
                || maxPreferences != before.maxPreferences();
        return new Diff(added, changed, old.size(), !common.equals(commonBefore), settings,
                !tieBreaks.equals(before.tieBreaks()));
    }

    /**
     * What is wrong with the table as a whole: no 基準指数 item, a code twice, a tie-break rule twice or after
     * 受付番号順 (where it would never decide anything).
     */
    List<Issue> issues() {
        List<Issue> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer first = seen.putIfAbsent(items.get(i).code(), i);
            if (first != null) {
                out.add(new Issue(false, i, first, "項目コード " + items.get(i).code() + " が重複しています"));
            }
        }
        if (items.stream().noneMatch(l -> l.kind() == PointsKind.BASE)) {
            out.add(new Issue(false, -1, -1, "基準指数の項目が1つもありません（保護者の事由に使う項目が必要です）"));
        }
        Map<TieBreakRule, Integer> rules = new HashMap<>();
        int last = tieBreaks.indexOf(TieBreakRule.APPLICATION_NUMBER);
        for (int i = 0; i < tieBreaks.size(); i++) {
            Integer first = rules.putIfAbsent(tieBreaks.get(i), i);
            if (first != null) {
                out.add(new Issue(true, i, first, "ルール「" + tieBreaks.get(i).label() + "」が重複しています"));
            } else if (last >= 0 && i > last) {
                out.add(new Issue(true, i, -1, "受付番号順より後のルール「" + tieBreaks.get(i).label()
                        + "」は使われません（受付番号順は最後に置いてください）"));
            }
        }
        return out;
    }

    // --- checks of single values, shared by the CSV and the screen (null: fine) ---

    static String codeProblem(String code) {
        if (code.isEmpty()) {
            return "項目コードが空です";
        }
        if (!code.matches("[A-Z][A-Z0-9_]{0,39}")) {
            return "項目コード「" + code + "」は英大文字で始まる英大文字・数字・下線（_）の40文字までです";
        }
        return null;
    }

    static String categoryProblem(String category) {
        if (category.isEmpty()) {
            return "分類が空です";
        }
        return category.length() > MAX_CATEGORY ? "分類は" + MAX_CATEGORY + "文字までです" : null;
    }

    static String labelProblem(String label) {
        if (label.isEmpty()) {
            return "名称が空です";
        }
        return label.length() > MAX_LABEL ? "名称は" + MAX_LABEL + "文字までです" : null;
    }

    static String pointsProblem(long points) {
        return points < MIN_POINTS || points > MAX_POINTS
                ? "指数は" + MIN_POINTS + "から" + MAX_POINTS + "までの整数です（" + points + "）" : null;
    }

    static String absentPointsProblem(long points) {
        return points < 0 || points > MAX_ABSENT_POINTS
                ? "保護者がいない場合の基準指数は0から" + MAX_ABSENT_POINTS + "までの整数です（" + points + "）" : null;
    }

    static String maxPreferencesProblem(long max) {
        return max < 1 || max > MAX_PREFERENCES
                ? "希望できる施設数の上限は1から" + MAX_PREFERENCES + "までの整数です（" + max + "）" : null;
    }

    /** A tie-break rule from its label (「所得割額の低い方」) or name (LOWER_INCOME). */
    static Optional<TieBreakRule> tieBreak(String text) {
        String s = CsvValues.normal(text);
        return java.util.Arrays.stream(TieBreakRule.values())
                .filter(r -> r.label().equals(s) || r.name().equalsIgnoreCase(s)).findFirst();
    }

    /** A base-index rule from its label (「保護者のうち低い方」) or name (LOWER_OF_GUARDIANS). */
    static Optional<BaseIndexRule> baseIndexRule(String text) {
        String s = CsvValues.normal(text);
        return java.util.Arrays.stream(BaseIndexRule.values())
                .filter(r -> r.label().equals(s) || r.name().equalsIgnoreCase(s)).findFirst();
    }

    /** 「基準指数の高い方、ひとり親世帯、…」: every tie-break rule's label. */
    static String tieBreakLabels() {
        return String.join("、", java.util.Arrays.stream(TieBreakRule.values()).map(TieBreakRule::label).toList());
    }
}
