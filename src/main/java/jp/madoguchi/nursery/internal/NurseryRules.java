package jp.madoguchi.nursery.internal;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.kit.TextEncodings;
import jp.madoguchi.nursery.BaseIndexRule;
import jp.madoguchi.nursery.PointsTable;
import jp.madoguchi.nursery.TieBreakRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 利用調整基準の設定 — a municipality sets a round's own rules: the points table, the tie-break order and the settings
 * (基準指数の算定, 保護者がいない場合の基準指数, 希望できる施設数の上限), item by item on screen or as a whole by CSV
 * ({@link RulesCsv}). Every change runs in one transaction under the round's lock (the lock imports and runs take),
 * and is refused
 *
 * <ul>
 *   <li>while a run of the round is published (withdraw the publication first);
 *   <li>when it would leave the round's stored applications invalid: a 基準指数 or 調整指数 code they use removed or
 *       moved to the other 区分, or fewer choices allowed than a child lists.
 * </ul>
 *
 * A change that changes nothing is not stored (re-importing the same file changes nothing); a real change replaces
 * the stored rules and is audited ({@code nursery.rules.*}, counts only). Runs are not touched: each keeps the rules
 * it ran on in its input snapshot, and a new run reads the new rules.
 */
@Service
public class NurseryRules {

    private static final Logger log = LoggerFactory.getLogger(NurseryRules.class);

    private final NurseryStore store;
    private final InputSnapshots snapshots;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    public NurseryRules(NurseryStore store, InputSnapshots snapshots, TransactionTemplate transactions,
            AuditTrail audit) {
        this.store = store;
        this.snapshots = snapshots;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** The round's rules, items in their order. */
    public CriteriaTable table(long roundId) {
        return transactions.execute(s -> store.criteriaTable(roundId))
                .orElseThrow(() -> NurseryException.notFound("利用調整の回が見つかりません"));
    }

    /** When and by whom the rules were last changed (empty: as created). */
    /** Whether a run of the round is published (its rules can no longer change). */
    public boolean published(long roundId) {
        return Boolean.TRUE.equals(transactions.execute(s -> store.hasPublishedRun(roundId)));
    }

    public Optional<NurseryStore.RulesChange> lastChange(long roundId) {
        return transactions.execute(s -> store.rulesChange(roundId));
    }

    /**
     * The id of the round's latest run when the rules it ran on (its snapshot) are not the round's current rules —
     * the rules changed since that run; empty when they are the same or the round has no run.
     */
    public Optional<Long> changedSinceLatestRun(long roundId) {
        return transactions.execute(s -> store.latestRunRules(roundId).filter(run -> !snapshots.sameRules(
                run.getValue(), store.round(roundId).orElseThrow().rules())).map(Map.Entry::getKey));
    }

    /** The codes the round's stored applications use, each with 「世帯 H0001 ほか2世帯」 (these cannot be removed). */
    public Map<String, String> usedBy(long roundId) {
        RulesUsage usage = transactions.execute(s -> store.rulesUsage(roundId));
        Map<String, String> out = new HashMap<>();
        usage.base().forEach((code, use) -> out.put(code, use.text()));
        usage.adjustments().forEach((code, use) -> out.merge(code, use.text(), (a, b) -> a + "、" + b));
        return out;
    }

    // --- CSV ---

    /** The rules as a CSV file: UTF-8 with a BOM, or CP932 ({@code cp932}). */
    public byte[] exportCsv(long roundId, boolean cp932) {
        List<String> lines = RulesCsv.lines(table(roundId));
        return cp932 ? CsvFile.cp932(lines, line -> "") : CsvFile.utf8WithBom(lines);
    }

    /**
     * Imports a rules CSV: all or nothing — any problem refuses the file with every problem (line and column);
     * otherwise the round's rules become the file's. {@code charset} null detects it.
     */
    public RulesImportReport importCsv(long roundId, String fileName, byte[] bytes, Charset charset,
            AuditEvent.Actor actor) {
        return transactions.execute(s -> {
            CriteriaTable current = guard(roundId);
            RulesCsv.Result parsed = RulesCsv.parse(bytes, charset);
            String cs = TextEncodings.japaneseName(parsed.charset());
            CriteriaTable.Diff none = new CriteriaTable.Diff(0, 0, 0, false, false, false);
            if (parsed.table() == null) {
                return new RulesImportReport(cs, parsed.rows(), none, parsed.problems(), false);
            }
            List<ImportProblem> problems = new ArrayList<>();
            for (UsageProblem p : usageProblems(parsed.table(), store.rulesUsage(roundId))) {
                Integer line = parsed.lines().get(p.key());
                problems.add(new ImportProblem(line == null ? 0 : line, line == null ? null : p.column(), p.message()));
            }
            if (!problems.isEmpty()) {
                problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
                return new RulesImportReport(cs, parsed.rows(), none, problems, false);
            }
            CriteriaTable.Diff diff = parsed.table().diffFrom(current);
            if (diff.none()) {
                return new RulesImportReport(cs, parsed.rows(), diff, List.of(), false);
            }
            store.replaceRules(roundId, parsed.table(), actor.name());
            Map<String, Object> details = details(diff);
            details.put("sha256", InputSnapshots.sha256(bytes));
            details.put("charset", cs);
            details.put("rows", parsed.rows());
            record(roundId, "nursery.rules.imported", details, actor);
            return new RulesImportReport(cs, parsed.rows(), diff, List.of(), true);
        });
    }

    // --- changes on screen ---

    /**
     * Adds an item ({@code adding}: its code must be new) or changes an existing one's 分類, 名称 and 指数 (its 区分 and
     * code stay; remove and add to change them).
     */
    public CriteriaTable.Diff saveItem(long roundId, boolean adding, String kind, String code, String category,
            String label, String points, AuditEvent.Actor actor) {
        String c = CsvValues.code(code);
        return change(roundId, adding ? "nursery.rules.item-added" : "nursery.rules.item-changed", Map.of("code", c),
                actor, table -> {
                    List<String> problems = new ArrayList<>();
                    Optional<CriteriaTable.Line> existing = table.item(c);
                    PointsKind k;
                    if (adding) {
                        k = PointsKind.parse(kind).orElse(null);
                        if (k == null) {
                            problems.add("区分を選んでください（基準または調整）");
                        }
                        add(problems, CriteriaTable.codeProblem(c));
                        if (existing.isPresent()) {
                            problems.add("項目コード " + c + " はすでにあります（" + existing.get().kind().title() + "）");
                        }
                    } else {
                        k = existing.map(CriteriaTable.Line::kind).orElseThrow(
                                () -> NurseryException.notFound("項目 " + c + " はこの回の指数表にありません"));
                    }
                    String cat = category == null ? "" : category.strip();
                    String lab = label == null ? "" : label.strip();
                    add(problems, CriteriaTable.categoryProblem(cat));
                    add(problems, CriteriaTable.labelProblem(lab));
                    Integer n = number(problems, "指数", points, CriteriaTable::pointsProblem);
                    if (!problems.isEmpty()) {
                        throw new NurseryException("項目を保存できません", problems);
                    }
                    return table.withItem(new CriteriaTable.Line(k, new PointsTable.Item(c, cat, lab, n)));
                });
    }

    /** Removes an item (refused while the round's applications use it). */
    public CriteriaTable.Diff removeItem(long roundId, String code, AuditEvent.Actor actor) {
        return change(roundId, "nursery.rules.item-removed", Map.of("code", code), actor, table -> {
            if (table.item(code).isEmpty()) {
                throw NurseryException.notFound("項目 " + code + " はこの回の指数表にありません");
            }
            return table.withoutItem(code);
        });
    }

    /** Moves a tie-break rule up ({@code -1}) or down ({@code +1}) in the order. */
    public CriteriaTable.Diff moveTieBreak(long roundId, TieBreakRule rule, int delta, AuditEvent.Actor actor) {
        return change(roundId, "nursery.rules.tie-breaks-changed", Map.of("rule", rule.name(), "move", delta), actor,
                table -> {
                    List<TieBreakRule> list = new ArrayList<>(table.tieBreaks());
                    int i = list.indexOf(rule);
                    if (i < 0) {
                        throw NurseryException.notFound("ルール「" + rule.label() + "」は同点時の優先順位にありません");
                    }
                    int j = Math.max(0, Math.min(list.size() - 1, i + Integer.signum(delta)));
                    list.set(i, list.get(j));
                    list.set(j, rule);
                    return table.withTieBreaks(list);
                });
    }

    /** Adds a tie-break rule at the end of the order. */
    public CriteriaTable.Diff addTieBreak(long roundId, TieBreakRule rule, AuditEvent.Actor actor) {
        return change(roundId, "nursery.rules.tie-breaks-changed", Map.of("rule", rule.name(), "added", true), actor,
                table -> {
                    if (table.tieBreaks().contains(rule)) {
                        throw new NurseryException("ルール「" + rule.label() + "」はすでに同点時の優先順位にあります");
                    }
                    List<TieBreakRule> list = new ArrayList<>(table.tieBreaks());
                    list.add(rule);
                    return table.withTieBreaks(list);
                });
    }

    /** Removes a tie-break rule from the order. */
    public CriteriaTable.Diff removeTieBreak(long roundId, TieBreakRule rule, AuditEvent.Actor actor) {
        return change(roundId, "nursery.rules.tie-breaks-changed", Map.of("rule", rule.name(), "removed", true), actor,
                table -> table.withTieBreaks(table.tieBreaks().stream().filter(r -> r != rule).toList()));
    }

    /** Sets 基準指数の算定 (a {@link BaseIndexRule} name), 保護者がいない場合の基準指数 and 希望できる施設数の上限. */
    public CriteriaTable.Diff saveSettings(long roundId, String baseIndexRule, String absentGuardianPoints,
            String maxPreferences, AuditEvent.Actor actor) {
        return change(roundId, "nursery.rules.settings-changed", Map.of(), actor, table -> {
            List<String> problems = new ArrayList<>();
            Optional<BaseIndexRule> rule = CriteriaTable.baseIndexRule(baseIndexRule == null ? "" : baseIndexRule);
            if (rule.isEmpty()) {
                problems.add("基準指数の算定を選んでください");
            }
            Integer absent = number(problems, RulesCsv.ABSENT_GUARDIAN, absentGuardianPoints,
                    CriteriaTable::absentPointsProblem);
            Integer max = number(problems, RulesCsv.MAX_PREFERENCES, maxPreferences,
                    CriteriaTable::maxPreferencesProblem);
            if (!problems.isEmpty()) {
                throw new NurseryException("設定を保存できません", problems);
            }
            return table.withSettings(rule.get(), absent, max);
        });
    }

    // --- the one place a change is checked and stored ---

    private CriteriaTable.Diff change(long roundId, String event, Map<String, Object> what, AuditEvent.Actor actor,
            UnaryOperator<CriteriaTable> edit) {
        return transactions.execute(s -> {
            CriteriaTable current = guard(roundId);
            CriteriaTable next = edit.apply(current);
            List<String> problems = new ArrayList<>();
            next.issues().forEach(i -> problems.add(i.message()));
            usageProblems(next, store.rulesUsage(roundId)).forEach(p -> problems.add(p.message()));
            if (!problems.isEmpty()) {
                throw new NurseryException("利用調整基準を変更できません", problems);
            }
            CriteriaTable.Diff diff = next.diffFrom(current);
            if (!diff.none()) {
                store.replaceRules(roundId, next, actor.name());
                Map<String, Object> details = details(diff);
                details.putAll(what);
                record(roundId, event, details, actor);
            }
            return diff;
        });
    }

    /** The round's rules, read under the round's lock; refused for a round without or with a published run. */
    private CriteriaTable guard(long roundId) {
        if (!store.hasRound(roundId)) {
            throw NurseryException.notFound("利用調整の回が見つかりません");
        }
        store.lockRound(roundId);
        if (store.hasPublishedRun(roundId)) {
            throw new NurseryException("この回は結果を公開済みのため、利用調整基準を変更できません（公開を取り消すと変更できます）");
        }
        return store.criteriaTable(roundId).orElseThrow();
    }

    /**
     * A change that would leave stored applications invalid.
     *
     * @param key the item's code, or the setting's name, the problem belongs to (to find its line in a file)
     * @param column the file's column at fault
     * @param message what is wrong
     */
    private record UsageProblem(String key, String column, String message) {
    }

    private static List<UsageProblem> usageProblems(CriteriaTable next, RulesUsage usage) {
        List<UsageProblem> out = new ArrayList<>();
        for (PointsKind kind : PointsKind.values()) {
            usage.of(kind).forEach((code, use) -> {
                Optional<CriteriaTable.Line> line = next.item(code);
                if (line.isEmpty()) {
                    out.add(new UsageProblem(code, null, kind.title() + "の項目 " + code + " は取り込み済みの申込（"
                            + use.text() + "）で使われているため、削除できません（申込を直して取り込み直すと削除できます）"));
                } else if (line.get().kind() != kind) {
                    out.add(new UsageProblem(code, RulesCsv.KIND, "項目 " + code + " は取り込み済みの申込（" + use.text()
                            + "）で" + kind.title() + "として使われているため、区分を「" + line.get().kind().label()
                            + "」にできません"));
                }
            });
        }
        if (usage.maxChoices() > next.maxPreferences()) {
            out.add(new UsageProblem(RulesCsv.MAX_PREFERENCES, RulesCsv.VALUE, "取り込み済みの申込に第" + usage.maxChoices()
                    + "希望まで書いた児童がいるため、希望できる施設数の上限を" + next.maxPreferences() + "にできません"));
        }
        return out;
    }

    private static Integer number(List<String> problems, String what, String text,
            java.util.function.LongFunction<String> check) {
        try {
            return CsvValues.checkedNumber(text, what, check);
        } catch (CsvValues.BadValue e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static void add(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }

    private static Map<String, Object> details(CriteriaTable.Diff diff) {
        Map<String, Object> details = new HashMap<>();
        details.put("itemsAdded", diff.added());
        details.put("itemsChanged", diff.changed());
        details.put("itemsRemoved", diff.removed());
        details.put("itemsReordered", diff.reordered());
        details.put("settingsChanged", diff.settingsChanged());
        details.put("tieBreaksChanged", diff.tieBreaksChanged());
        return details;
    }

    private void record(long roundId, String event, Map<String, Object> details, AuditEvent.Actor actor) {
        audit.record(new AuditEvent(event, actor, actor.backOfficeChannel(), "nursery_round", Long.toString(roundId),
                null, "office-nursery", details));
        log.info("nursery rules changed: round {}, {}", roundId, event);
    }
}
