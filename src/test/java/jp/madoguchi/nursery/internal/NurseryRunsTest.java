package jp.madoguchi.nursery.internal;

import static jp.madoguchi.nursery.internal.NurseryTestRounds.TESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import jp.madoguchi.kit.Wareki;
import jp.madoguchi.nursery.AdmissionInstance;
import jp.madoguchi.nursery.AllocationMode;
import jp.madoguchi.nursery.AllocationResult;
import jp.madoguchi.nursery.NurseryMatching;
import jp.madoguchi.nursery.ProofStatus;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.TestMunicipality;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs through the service: executed in the background on the snapshot taken when asked, stored with placements and
 * explanations equal to the engine's; compared; fixed by hand and re-run; published (one per round) and withdrawn;
 * exported as CSV; decision letters with the explanations; a run refused on invalid data.
 */
@MadoguchiIntegrationTest
class NurseryRunsTest {

    static final String CODE = "205869";
    static final Duration WAIT = Duration.ofSeconds(120);

    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration register;
    @Autowired NurseryRounds rounds;
    @Autowired NurseryImports imports;
    @Autowired NurseryRuns runs;
    @Autowired NurseryOutputs outputs;
    @Autowired Clock clock;

    @BeforeEach
    void municipality() {
        TestMunicipality.create(municipalities, staff, register, CODE, "テスト保育町", "テスト\u3000イチロウ");
    }

    @Test
    void runCompareFixPublishExportAndPrint() throws Exception {
        AdmissionInstance instance = NurseryTestRounds.generated(33, 80, 6, 2033);
        TenantContext.runAs(CODE, () -> {
            long round = NurseryTestRounds.imported(rounds, imports, instance);
            long baselineId = runs.start(round, AllocationMode.BASELINE, null, TESTER);
            long optimalId = runs.start(round, AllocationMode.OPTIMAL, 30, TESTER);
            RunView baseline = runs.await(baselineId, WAIT);
            RunView optimal = runs.await(optimalId, WAIT);
            assertThat(baseline.state()).isEqualTo(RunState.FINISHED);
            assertThat(optimal.state()).isEqualTo(RunState.FINISHED);
            assertThat(optimal.timeLimitSeconds()).isEqualTo(30);
            assertThat(baseline.inputSha256()).isEqualTo(optimal.inputSha256());
            assertThat(runs.inputCurrent(optimal)).isTrue();

            // what was stored is the engine's result on the same input
            NurseryMatching engine = NurseryMatching.prepare(runs.input(baselineId).instance());
            AllocationResult expected = engine.baseline();
            List<PlacementView> stored = runs.placements(baselineId);
            assertThat(stored).hasSize(instance.children().size());
            assertThat(stored).extracting(PlacementView::childId, PlacementView::facilityId, PlacementView::preference,
                    PlacementView::score, PlacementView::priority)
                    .containsExactlyElementsOf(expected.placements().stream().map(p -> org.assertj.core.groups.Tuple
                            .tuple(p.childId(), p.facilityId(), p.preference(), p.score(), p.priority())).toList());
            assertThat(baseline.placed()).isEqualTo(expected.placed());
            assertThat(baseline.blockings()).hasSize(expected.blockings().size());
            PlacementView first = stored.get(0);
            assertThat(first.summary()).isEqualTo(engine.explain(expected, first.childId()).summary());
            assertThat(first.reasons()).isEqualTo(engine.explain(expected, first.childId()).reasons());
            assertThat(optimal.proofStatus()).isEqualTo(ProofStatus.OPTIMAL);
            assertThat(optimal.stable()).isTrue();

            RunComparison c = runs.compare(baselineId, optimalId);
            assertThat(c.sameInput()).isTrue();
            assertThat(c.placedDifference()).isEqualTo(optimal.placed() - baseline.placed());
            assertThat(c.byAge().values().stream().mapToInt(v -> v[1]).sum()).isEqualTo(optimal.placed());
            List<PlacementView> optimalPlacements = runs.placements(optimalId);
            long differing = stored.stream().filter(p -> optimalPlacements.stream().anyMatch(o -> o.childId()
                    .equals(p.childId()) && !java.util.Objects.equals(o.facilityId(), p.facilityId()))).count();
            assertThat(c.changed()).hasSize((int) differing);

            // fix an unplaced child (alone in its family) at its first choice, re-run the rest
            PlacementView unplaced = optimalPlacements.stream().filter(p -> !p.placed() && !p.transfer()
                    && optimalPlacements.stream().filter(o -> o.familyId().equals(p.familyId())).count() == 1)
                    .findFirst().orElseThrow();
            long fixedId = runs.rerunWithFix(optimalId, unplaced.childId(), 1, TESTER);
            RunView fixed = runs.await(fixedId, WAIT);
            assertThat(fixed.state()).as(fixed.failure()).isEqualTo(RunState.FINISHED);
            assertThat(fixed.parentRunId()).isEqualTo(optimalId);
            assertThat(fixed.fixedCount()).isEqualTo(1);
            assertThat(fixed.mode()).isEqualTo(AllocationMode.OPTIMAL);
            PlacementView now = runs.placement(fixedId, unplaced.childId()).orElseThrow();
            assertThat(now.fixed()).isTrue();
            assertThat(now.preference()).isEqualTo(1);
            assertThat(now.summary()).contains("この結果は職員が手作業で決めました。");
            assertThat(runs.fixes(fixedId)).extracting(f -> f.childId()).containsExactly(unplaced.childId());
            assertThatThrownBy(() -> runs.rerunWithFix(optimalId, unplaced.childId(), 99, TESTER))
                    .isInstanceOf(NurseryException.class)
                    .satisfies(e -> assertThat(((NurseryException) e).details()).singleElement().asString()
                            .contains("第99希望はありません"));

            // publish: one per round
            runs.publish(optimalId, TESTER);
            assertThat(runs.run(optimalId).state()).isEqualTo(RunState.PUBLISHED);
            assertThatThrownBy(() -> runs.publish(baselineId, TESTER)).isInstanceOf(NurseryException.class)
                    .hasMessageContaining("実行 #" + optimalId + " を公開中です");
            assertThatThrownBy(() -> imports.importFacilities(round, "x.csv", "施設番号".getBytes(StandardCharsets.UTF_8),
                    null, ImportPolicy.ALL_OR_NOTHING, TESTER)).hasMessageContaining("結果を公開済みのため");
            assertThat(runs.published(round)).map(RunView::id).contains(optimalId);

            // results CSV, UTF-8 with BOM and CP932
            byte[] utf8 = outputs.resultsCsv(optimalId, false, TESTER);
            String text = new String(utf8, StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF児童番号,世帯番号,児童氏名,年齢クラス,指数,優先順位,結果,施設番号,施設名,希望順位,転園,手作業,説明\r\n");
            assertThat(text.split("\r\n")).hasSize(instance.children().size() + 1);
            assertThat(text).contains(first.childId() + "," + first.familyId() + ",テスト " + first.childId() + ",");
            String sjis = new String(outputs.resultsCsv(optimalId, true, TESTER), Charset.forName("windows-31j"));
            assertThat(sjis).isEqualTo(text.substring(1));

            // decision letters: the whole round, and one family
            byte[] pdf = outputs.letters(optimalId, null, TESTER);
            write("nursery-letters-sample.pdf", pdf); // for a person to look at (target/)
            String letters = pdfText(pdf);
            String today = Wareki.format(LocalDate.now(clock));
            assertThat(letters).contains("保育所等利用調整結果通知書", "テスト保育町長", today,
                    "2033年度 4月一斉（令和15年4月1日からの入所）");
            PlacementView someoneUnplaced = optimalPlacements.stream().filter(p -> !p.placed()).findFirst()
                    .orElseThrow();
            String one = pdfText(outputs.letters(optimalId, someoneUnplaced.familyId(), TESTER));
            assertThat(one).contains("保護者 " + someoneUnplaced.familyId() + " 様",
                    "テスト " + someoneUnplaced.childId() + " さん（受付番号 " + someoneUnplaced.childId(),
                    "希望した施設に入所できなかった理由");
            assertThat(one.replaceAll("\\s", "")).contains(someoneUnplaced.reasons().get(0).replaceAll("\\s", ""));
            assertThatThrownBy(() -> outputs.letters(baselineId, null, TESTER)).isInstanceOf(NurseryException.class)
                    .hasMessage("通知書は公開した結果からだけ作成できます");

            runs.withdraw(optimalId, TESTER);
            assertThat(runs.run(optimalId).state()).isEqualTo(RunState.FINISHED);
            assertThat(runs.run(optimalId).publishedAt()).isNull();
            runs.publish(baselineId, TESTER);
            assertThat(runs.published(round)).map(RunView::id).contains(baselineId);
        });
    }

    @Test
    void aRunRefusesToStartOnInvalidDataAndAMonthlyRoundUsesTheAprilClasses() {
        TenantContext.runAs(CODE, () -> {
            long round = rounds.create(YearMonth.of(2034, 1), null, NurseryRounds.standardRules(), TESTER);
            RoundView view = rounds.get(round);
            assertThat(view.kindLabel()).isEqualTo("途中入所");
            assertThat(view.ageReferenceDate()).isEqualTo(LocalDate.of(2033, 4, 1));
            String facilities = "施設番号,施設名,0歳児,1歳児,2歳児,3歳児,4歳児,5歳児\r\nM1,みずき保育園,1,1,,,,\r\n";
            assertThat(imports.importFacilities(round, "f.csv", facilities.getBytes(StandardCharsets.UTF_8), null,
                    ImportPolicy.ALL_OR_NOTHING, TESTER).committed()).isTrue();
            // born 2032-04-01: 1歳児 for the whole fiscal year 2033 (age on 2033-04-01), although 1 year old in 2034
            String applications = "世帯番号,児童番号,生年月日,保護者1の事由,抽選番号,第1希望\r\nF1,D1,2032-04-01,WORK_160,1,M1\r\n";
            assertThat(imports.importApplications(round, "a.csv", applications.getBytes(StandardCharsets.UTF_8), null,
                    ImportPolicy.ALL_OR_NOTHING, TESTER).committed()).isTrue();
            assertThat(rounds.summary(round).applicantsByAge().get(jp.madoguchi.nursery.AgeClass.AGE_1)).isEqualTo(1);
            // the class goes away in a later import: the run refuses to start and names the problem
            assertThat(imports.importFacilities(round, "f2.csv", ("施設番号,施設名,0歳児,1歳児,2歳児,3歳児,4歳児,5歳児\r\n"
                    + "M1,みずき保育園,1,,,,,\r\n").getBytes(StandardCharsets.UTF_8), null, ImportPolicy.ALL_OR_NOTHING,
                    TESTER).updated()).isEqualTo(1);
            assertThatThrownBy(() -> runs.start(round, AllocationMode.BASELINE, null, TESTER))
                    .isInstanceOf(NurseryException.class).hasMessage("入力に誤りがあるため実行できません（1件）")
                    .satisfies(e -> assertThat(((NurseryException) e).details())
                            .containsExactly("児童 D1 の第1希望: みずき保育園（M1）には1歳児のクラスがありません"));
            assertThatThrownBy(() -> runs.start(round, AllocationMode.OPTIMAL, 601, TESTER))
                    .hasMessage("最適化の制限時間は1〜600秒です（601秒）");
            assertThat(runs.runs(round)).isEmpty();
        });
    }

    private static void write(String name, byte[] bytes) {
        try {
            java.nio.file.Files.write(java.nio.file.Path.of("target", name), bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
