package jp.madoguchi.nursery.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.MunicipalityDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What leaves the system: a run's results as CSV (UTF-8 with BOM, or CP932 for older office software — a character
 * CP932 cannot hold is reported with its row, never replaced) and the decision letters of a published run as PDF.
 * Both hold personal data, so each export is audited.
 */
@Service
public class NurseryOutputs {

    /** The result CSV's columns. */
    public static final List<String> RESULT_COLUMNS = List.of("児童番号", "世帯番号", "児童氏名", "年齢クラス", "指数",
            "優先順位", "結果", "施設番号", "施設名", "希望順位", "転園", "手作業", "説明");

    private final NurseryRuns runs;
    private final NurseryRounds rounds;
    private final DecisionLetters letters;
    private final MunicipalityDirectory municipalities;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public NurseryOutputs(NurseryRuns runs, NurseryRounds rounds, DecisionLetters letters,
            MunicipalityDirectory municipalities, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.runs = runs;
        this.rounds = rounds;
        this.letters = letters;
        this.municipalities = municipalities;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The run's results, one row per child; {@code cp932} false gives UTF-8 with a BOM. */
    public byte[] resultsCsv(long runId, boolean cp932, AuditEvent.Actor actor) {
        RunView run = runs.run(runId);
        if (!run.state().hasResult()) {
            throw new NurseryException("完了した実行の結果だけを出力できます");
        }
        RoundInput input = runs.input(runId);
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", RESULT_COLUMNS));
        for (PlacementView p : runs.placements(runId)) {
            String result = p.placed() ? (p.transfer() ? "転園内定" : "内定") : p.transfer() ? "在園継続" : "保留";
            String explanation = p.summary() + (p.reasons().isEmpty() ? "" : " ／ " + String.join(" ／ ", p.reasons()));
            lines.add(String.join(",", List.of(p.childId(), p.familyId(),
                    CsvFile.field(input.childNames().getOrDefault(p.childId(), "")), p.ageClass().label(),
                    Integer.toString(p.score()), Integer.toString(p.priority()), result,
                    p.facilityId() == null ? "" : p.facilityId(), CsvFile.field(p.facilityName()),
                    p.preference() == 0 ? "" : Integer.toString(p.preference()), p.transfer() ? "転園" : "",
                    p.fixed() ? "手作業" : "", CsvFile.field(explanation))));
        }
        byte[] bytes = cp932 ? CsvFile.cp932(lines, line -> "（児童 " + line.substring(0, line.indexOf(',')) + "）")
                : CsvFile.utf8WithBom(lines);
        transactions.executeWithoutResult(s -> audit.record(new AuditEvent("nursery.results.exported", actor,
                actor.backOfficeChannel(), "nursery_run", Long.toString(runId), null, "office-nursery",
                Map.of("rows", lines.size() - 1, "charset", cp932 ? "CP932" : "UTF-8"))));
        return bytes;
    }

    /**
     * The decision letters of a published run: every family (one merged PDF), or one family. Refused with every
     * character the font lacks (per family) instead of printing a wrong one.
     */
    public byte[] letters(long runId, String familyId, AuditEvent.Actor actor) {
        RunView run = runs.run(runId);
        if (run.state() != RunState.PUBLISHED) {
            throw new NurseryException("通知書は公開した結果からだけ作成できます");
        }
        RoundView round = rounds.get(run.roundId());
        RoundInput input = runs.input(runId);
        List<PlacementView> placements = runs.placements(runId).stream()
                .filter(p -> familyId == null || p.familyId().equals(familyId)).toList();
        if (placements.isEmpty()) {
            throw new NurseryException("世帯 " + familyId + " はこの実行にありません");
        }
        LocalDate date = run.publishedAt().atZone(clock.getZone()).toLocalDate();
        Municipality m = municipalities.current();
        List<DecisionLetters.Letter> all = DecisionLetters.letters(run, round, input, placements, date);
        List<String> missing = letters.missingGlyphs(all, m);
        if (!missing.isEmpty()) {
            throw new NurseryException("フォントにない文字があるため通知書を作成できません（データを確認してください）", missing);
        }
        byte[] pdf = letters.render(all, m);
        transactions.executeWithoutResult(s -> audit.record(new AuditEvent("nursery.letters.printed", actor,
                actor.backOfficeChannel(), "nursery_run", Long.toString(runId), null, "office-nursery",
                familyId == null ? Map.of("families", all.size()) : Map.of("families", 1, "family", familyId))));
        return pdf;
    }
}
