package jp.madoguchi.nursery.internal;

import static jp.madoguchi.nursery.internal.NurseryTestRounds.TESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import jp.madoguchi.nursery.AdmissionInstance;
import jp.madoguchi.nursery.AllocationMode;
import jp.madoguchi.nursery.BaseIndexRule;
import jp.madoguchi.nursery.Child;
import jp.madoguchi.nursery.Family;
import jp.madoguchi.nursery.Guardian;
import jp.madoguchi.nursery.PointsTable;
import jp.madoguchi.nursery.TieBreakRule;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.TestMunicipality;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A municipality's own 利用調整基準 for a round: the rules CSV (good file, every kind of bad line with its line and
 * column, the same content again, the round trip of the export), changes refused while applications use an item or
 * while the result is published, a run after a change using the new points while the earlier run keeps its own, and
 * copying the rules of another round.
 */
@MadoguchiIntegrationTest
class NurseryRulesTest {

    static final String CODE = "205877";
    static final String DEMO = "205991";
    static final Charset CP932 = Charset.forName("windows-31j");
    static final Duration WAIT = Duration.ofSeconds(120);

    /** A city's own table: 基準指数 summed over the guardians, its own codes, columns of 指数表 in another order. */
    static final String GOOD = """
            [設定]
            項目,値
            基準指数の算定,保護者の合計
            保護者がいない場合の基準指数,２５
            希望できる施設数の上限,5

            [指数表]
            項目コード,区分,名称,分類,指数
            WORK_FULL,基準,"月120時間以上の就労（居宅外,常勤）",就労,25
            work_part,基準,月64時間以上120時間未満の就労,就労,20
            SEEKING,基準指数,求職活動,求職,5
            SINGLE,調整,ひとり親世帯,ひとり親,20
            GRANDPARENT,ADJUSTMENT,同居の祖父母が保育できる,祖父母,-3

            [同点時の優先順位]
            順位,ルール
            2,所得割額の低い方
            1,基準指数の高い方
            3,LOTTERY
            """.replace("\n", "\r\n");

    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration register;
    @Autowired NurseryRounds rounds;
    @Autowired NurseryImports imports;
    @Autowired NurseryRules rules;
    @Autowired NurseryRuns runs;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @BeforeEach
    void municipality() {
        TestMunicipality.create(municipalities, staff, register, CODE, "テスト基準町", "テスト\u3000ハナコ");
    }

    private static List<org.assertj.core.groups.Tuple> where(RulesImportReport r) {
        return r.problems().stream().map(p -> tuple(p.row(), p.column(), p.message())).toList();
    }

    private long auditEvents(long round, String type) {
        return transactions.execute(s -> jdbc.sql("""
                select count(*) from audit_event where subject_type = 'nursery_round' and subject_id = :r
                and event_type = :type
                """).param("r", Long.toString(round)).param("type", type).query(Long.class).single());
    }

    @Test
    void aGoodFileReplacesTheRulesAndTheSameContentAgainChangesNothing() {
        TenantContext.runAs(CODE, () -> {
            long round = rounds.create(YearMonth.of(2041, 4), null, (Long) null, TESTER);
            RulesImportReport report = rules.importCsv(round, "kijun.csv", GOOD.getBytes(CP932), null, TESTER);
            assertThat(report.problems()).isEmpty();
            assertThat(report.committed()).isTrue();
            assertThat(report.charset()).isEqualTo("Shift_JIS（CP932）");
            assertThat(report.rows()).isEqualTo(3 + 5 + 3);
            int standardItems = PointsTable.standard().baseItems().size() + PointsTable.standard().adjustmentItems().size();
            assertThat(report.diff()).isEqualTo(new CriteriaTable.Diff(5, 0, standardItems, false, true, true));

            CriteriaTable expected = new CriteriaTable(BaseIndexRule.SUM_OF_GUARDIANS, 25, 5, List.of(
                    new CriteriaTable.Line(PointsKind.BASE, new PointsTable.Item("WORK_FULL", "就労",
                            "月120時間以上の就労（居宅外,常勤）", 25)),
                    new CriteriaTable.Line(PointsKind.BASE, new PointsTable.Item("WORK_PART", "就労",
                            "月64時間以上120時間未満の就労", 20)),
                    new CriteriaTable.Line(PointsKind.BASE, new PointsTable.Item("SEEKING", "求職", "求職活動", 5)),
                    new CriteriaTable.Line(PointsKind.ADJUSTMENT, new PointsTable.Item("SINGLE", "ひとり親",
                            "ひとり親世帯", 20)),
                    new CriteriaTable.Line(PointsKind.ADJUSTMENT, new PointsTable.Item("GRANDPARENT", "祖父母",
                            "同居の祖父母が保育できる", -3))),
                    List.of(TieBreakRule.HIGHER_BASE_INDEX, TieBreakRule.LOWER_INCOME, TieBreakRule.LOTTERY));
            assertThat(rules.table(round)).isEqualTo(expected);
            assertThat(rounds.get(round).rules()).isEqualTo(expected.rules());
            assertThat(rules.lastChange(round)).map(NurseryStore.RulesChange::by).contains(TESTER.name());
            assertThat(auditEvents(round, "nursery.rules.imported")).isOne();

            // the same file, and the same content in UTF-8 with a BOM: nothing changes, nothing is recorded
            RulesImportReport again = rules.importCsv(round, "kijun.csv", GOOD.getBytes(CP932), null, TESTER);
            assertThat(again.unchanged()).isTrue();
            assertThat(again.diff().none()).isTrue();
            RulesImportReport bom = rules.importCsv(round, "kijun-utf8.csv",
                    ("\uFEFF" + GOOD).getBytes(StandardCharsets.UTF_8), null, TESTER);
            assertThat(bom.unchanged()).isTrue();
            assertThat(bom.charset()).isEqualTo("UTF-8");
            assertThat(auditEvents(round, "nursery.rules.imported")).isOne();

            // the export gives the same format back: re-importing it changes nothing, parsing it gives the table
            byte[] exported = rules.exportCsv(round, false);
            String text = new String(exported, StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF[設定]\r\n項目,値\r\n基準指数の算定,保護者の合計\r\n保護者がいない場合の基準指数,25\r\n");
            assertThat(text).contains("\r\n[指数表]\r\n区分,項目コード,分類,名称,指数\r\n"
                    + "基準,WORK_FULL,就労,\"月120時間以上の就労（居宅外,常勤）\",25\r\n");
            assertThat(text).endsWith("[同点時の優先順位]\r\n順位,ルール\r\n1,基準指数の高い方\r\n2,所得割額の低い方\r\n"
                    + "3,抽選番号の小さい方\r\n");
            assertThat(RulesCsv.parse(exported, null).table()).isEqualTo(expected);
            assertThat(rules.importCsv(round, "export.csv", exported, null, TESTER).unchanged()).isTrue();
            byte[] sjis = rules.exportCsv(round, true);
            assertThat(new String(sjis, CP932)).isEqualTo(text.substring(1));
            assertThat(rules.importCsv(round, "export-sjis.csv", sjis, jp.madoguchi.kit.TextEncodings.CP932, TESTER)
                    .unchanged()).isTrue();

            // the standard table of a new round round-trips too
            long standard = rounds.create(YearMonth.of(2041, 5), null, (Long) null, TESTER);
            assertThat(RulesCsv.parse(rules.exportCsv(standard, false), null).table()).isEqualTo(rules.table(standard));
            assertThat(rules.table(standard).rules()).isEqualTo(NurseryRounds.standardRules());
        });
    }

    @Test
    void badLinesAreReportedByLineAndColumnAndNothingChanges() {
        TenantContext.runAs(CODE, () -> {
            long round = rounds.create(YearMonth.of(2042, 5), null, (Long) null, TESTER);
            CriteriaTable before = rules.table(round);
            String file = """
                    [設定]
                    項目,値
                    基準指数の算定,保護者の平均
                    保護者がいない場合の基準指数,20
                    希望できる施設数の上限,30

                    [指数表]
                    区分,項目コード,分類,名称,指数
                    基準,WORK_160,就労,月160時間以上の就労,20
                    基準,WORK_160,就労,重複した行,18
                    基準,WORK_120,就労,月120時間以上の就労,十八
                    加算,EXTRA,その他,加算,3
                    調整,SINGLE_PARENT,ひとり親,ひとり親世帯,150
                    調整,1BAD,その他,コードの誤り,1

                    [同点時の優先順位]
                    順位,ルール
                    1,基準指数の高い方
                    2,じゃんけん
                    3,受付番号順
                    4,所得割額の低い方
                    4,待機月数の長い方
                    """.replace("\n", "\r\n");
            RulesImportReport report = rules.importCsv(round, "bad.csv", file.getBytes(StandardCharsets.UTF_8), null,
                    TESTER);
            assertThat(report.committed()).isFalse();
            assertThat(where(report)).containsExactly(
                    tuple(3, "値", "基準指数の算定「保護者の平均」はありません（保護者のうち低い方、保護者の合計のどちらかです）"),
                    tuple(5, "値", "希望できる施設数の上限は1から20までの整数です（30）"),
                    tuple(10, "項目コード", "項目コード WORK_160 が重複しています（9行目にもあります）"),
                    tuple(11, "指数", "指数「十八」は整数ではありません"),
                    tuple(12, "区分", "区分「加算」は「基準」か「調整」です"),
                    tuple(13, "指数", "指数は-100から100までの整数です（150）"),
                    tuple(14, "項目コード", "項目コード「1BAD」は英大文字で始まる英大文字・数字・下線（_）の40文字までです"),
                    tuple(19, "ルール", "ルール「じゃんけん」はありません（使えるルール: 基準指数の高い方、ひとり親世帯、"
                            + "所得割額の低い方、待機月数の長い方、申込児童の多い世帯、年齢の低い方、抽選番号の小さい方、受付番号順）"),
                    tuple(21, "ルール", "受付番号順より後のルール「所得割額の低い方」は使われません（受付番号順は最後に置いてください）"),
                    tuple(22, "順位", "順位 4 が重複しています（21行目にもあります）"));
            assertThat(rules.table(round)).as("nothing changed").isEqualTo(before);

            // problems of the file as a whole
            byte[] facilities = "施設番号,施設名,0歳児\r\nA1,あおば保育園,3\r\n".getBytes(StandardCharsets.UTF_8);
            assertThat(where(rules.importCsv(round, "f.csv", facilities, null, TESTER))).containsExactly(tuple(0, null,
                    "利用調整基準のファイルではありません（[設定]、[指数表]、[同点時の優先順位]の見出しの行がありません）"));
            String partial = "[設定]\r\n項目,値\r\n基準指数の算定,保護者のうち低い方\r\n保護者がいない場合の基準指数,20\r\n"
                    + "希望できる施設数の上限,10\r\n[指数表]\r\n区分,項目コード,名称,指数\r\n基準,WORK_160,就労,20\r\n[その他]\r\n";
            assertThat(where(rules.importCsv(round, "p.csv", partial.getBytes(StandardCharsets.UTF_8), null, TESTER)))
                    .containsExactly(
                            tuple(0, null, "[同点時の優先順位]の部分がありません"),
                            tuple(7, "分類", "見出し行にこの列がありません（必要な列: 区分、項目コード、分類、名称、指数）"),
                            tuple(9, null, "見出し「[その他]」はありません（使える見出し: [設定]、[指数表]、[同点時の優先順位]）"));
            String noBase = "[設定]\r\n項目,値\r\n基準指数の算定,保護者のうち低い方\r\n希望できる施設数の上限,10\r\n"
                    + "[指数表]\r\n区分,項目コード,分類,名称,指数\r\n調整,SINGLE,ひとり親,ひとり親世帯,10\r\n"
                    + "[同点時の優先順位]\r\n順位,ルール\r\n";
            assertThat(where(rules.importCsv(round, "n.csv", noBase.getBytes(StandardCharsets.UTF_8), null, TESTER)))
                    .containsExactly(
                            tuple(1, null, "[設定]に「保護者がいない場合の基準指数」の行がありません"),
                            tuple(5, null, "基準指数の項目が1つもありません（保護者の事由に使う項目が必要です）"));
            // a CP932 file read as UTF-8: the line that cannot be decoded, never replaced
            assertThat(where(rules.importCsv(round, "s.csv", GOOD.getBytes(CP932), StandardCharsets.UTF_8, TESTER)))
                    .containsExactly(tuple(1, null, "UTF-8として読めない文字があります（文字コードを確認してください）"));
            assertThat(rules.table(round)).isEqualTo(before);
            assertThat(auditEvents(round, "nursery.rules.imported")).isZero();
        });
    }

    @Test
    void itemsUsedByTheApplicationsCannotBeRemovedOrMoved() {
        TenantContext.runAs(CODE, () -> {
            AdmissionInstance instance = NurseryTestRounds.generated(43, 40, 4, 2043);
            long round = NurseryTestRounds.imported(rounds, imports, instance);
            List<Family> users = instance.families().stream().filter(f -> f.guardians().stream()
                    .anyMatch(g -> g.circumstance().equals("WORK_160"))).toList();
            String first = users.stream().map(Family::id).sorted().findFirst().orElseThrow();
            String use = "世帯 " + first + (users.size() > 1 ? " ほか" + (users.size() - 1) + "世帯" : "");
            String exported = new String(rules.exportCsv(round, false), StandardCharsets.UTF_8);
            List<String> lines = List.of(exported.substring(1).split("\r\n"));
            int line = lines.indexOf(lines.stream().filter(l -> l.startsWith("基準,WORK_160,")).findFirst().orElseThrow())
                    + 1;

            String removed = exported.replaceAll("基準,WORK_160,[^\r]*\r\n", "");
            assertThat(where(rules.importCsv(round, "r.csv", removed.getBytes(StandardCharsets.UTF_8), null, TESTER)))
                    .containsExactly(tuple(0, null, "基準指数の項目 WORK_160 は取り込み済みの申込（" + use
                            + "）で使われているため、削除できません（申込を直して取り込み直すと削除できます）"));
            String moved = exported.replace("基準,WORK_160,", "調整,WORK_160,");
            assertThat(where(rules.importCsv(round, "m.csv", moved.getBytes(StandardCharsets.UTF_8), null, TESTER)))
                    .containsExactly(tuple(line, "区分", "項目 WORK_160 は取り込み済みの申込（" + use
                            + "）で基準指数として使われているため、区分を「調整」にできません"));
            int most = instance.children().stream().mapToInt(c -> c.preferences().size()).max().orElseThrow();
            assertThat(most).isGreaterThan(1);
            String fewer = exported.replace("希望できる施設数の上限,10", "希望できる施設数の上限,1");
            assertThat(where(rules.importCsv(round, "x.csv", fewer.getBytes(StandardCharsets.UTF_8), null, TESTER)))
                    .containsExactly(tuple(5, "値", "取り込み済みの申込に第" + most
                            + "希望まで書いた児童がいるため、希望できる施設数の上限を1にできません"));

            assertThatThrownBy(() -> rules.removeItem(round, "WORK_160", TESTER)).isInstanceOf(NurseryException.class)
                    .satisfies(e -> assertThat(((NurseryException) e).details()).singleElement().asString()
                            .startsWith("基準指数の項目 WORK_160 は取り込み済みの申込（" + use + "）"));
            String unused = PointsTable.standard().baseItems().keySet().stream().sorted()
                    .filter(code -> instance.families().stream().flatMap(f -> f.guardians().stream())
                            .map(Guardian::circumstance).noneMatch(code::equals)).findFirst().orElseThrow();
            assertThat(rules.removeItem(round, unused, TESTER).removed()).isOne();
            assertThat(rules.table(round).item(unused)).isEmpty();
            assertThat(rules.usedBy(round)).containsEntry("WORK_160", use).doesNotContainKey(unused);
            assertThat(auditEvents(round, "nursery.rules.item-removed")).isOne();
        });
    }

    @Test
    void aRunAfterAChangeUsesTheNewPointsAndEarlierRunsKeepTheirs() {
        TenantContext.runAs(CODE, () -> {
            AdmissionInstance instance = NurseryTestRounds.generated(44, 40, 4, 2044);
            long round = NurseryTestRounds.imported(rounds, imports, instance);
            Family family = instance.families().stream().filter(f -> f.guardians().size() == 2 && f.guardians()
                    .stream().allMatch(g -> g.circumstance().equals("WORK_160"))).findFirst().orElseThrow();
            Child child = family.children().get(0);

            long first = runs.start(round, AllocationMode.BASELINE, null, TESTER);
            assertThat(runs.await(first, WAIT).state()).isEqualTo(RunState.FINISHED);
            int before = runs.placement(first, child.id()).orElseThrow().score();
            assertThat(rules.changedSinceLatestRun(round)).isEmpty();

            // 月160時間以上の就労: 20 → 12; the family's 基準指数 is the lower of its two guardians' (both 12 now)
            CriteriaTable.Diff diff = rules.saveItem(round, false, null, "WORK_160", "就労", "月160時間以上の就労", "12",
                    TESTER);
            assertThat(diff).isEqualTo(new CriteriaTable.Diff(0, 1, 0, false, false, false));
            assertThat(rules.changedSinceLatestRun(round)).contains(first);
            assertThat(runs.inputCurrent(runs.run(first))).isFalse();
            long second = runs.start(round, AllocationMode.BASELINE, null, TESTER);
            assertThat(runs.await(second, WAIT).state()).isEqualTo(RunState.FINISHED);
            assertThat(runs.placement(second, child.id()).orElseThrow().score()).isEqualTo(before - 8);
            assertThat(rules.changedSinceLatestRun(round)).isEmpty();

            // the earlier run keeps the rules and the 指数 it ran with
            assertThat(runs.placement(first, child.id()).orElseThrow().score()).isEqualTo(before);
            assertThat(runs.input(first).instance().rules().points().base("WORK_160").orElseThrow().points())
                    .isEqualTo(20);

            // 基準指数 as the sum of the guardians': 12 + 12 instead of 12
            CriteriaTable table = rules.table(round);
            rules.saveSettings(round, "SUM_OF_GUARDIANS", Integer.toString(table.absentGuardianPoints()),
                    Integer.toString(table.maxPreferences()), TESTER);
            assertThat(rules.changedSinceLatestRun(round)).contains(second);
            long third = runs.start(round, AllocationMode.BASELINE, null, TESTER);
            assertThat(runs.await(third, WAIT).state()).isEqualTo(RunState.FINISHED);
            assertThat(runs.placement(third, child.id()).orElseThrow().score()).isEqualTo(before - 8 + 12);
            assertThat(auditEvents(round, "nursery.rules.settings-changed")).isOne();
        });
    }

    @Test
    void noChangeOnceTheResultIsPublished() {
        TenantContext.runAs(CODE, () -> {
            AdmissionInstance instance = NurseryTestRounds.generated(45, 30, 3, 2045);
            long round = NurseryTestRounds.imported(rounds, imports, instance);
            long run = runs.start(round, AllocationMode.BASELINE, null, TESTER);
            assertThat(runs.await(run, WAIT).state()).isEqualTo(RunState.FINISHED);
            runs.publish(run, TESTER);
            CriteriaTable before = rules.table(round);
            byte[] same = rules.exportCsv(round, false);
            String refused = "この回は結果を公開済みのため、利用調整基準を変更できません（公開を取り消すと変更できます）";
            assertThatThrownBy(() -> rules.importCsv(round, "r.csv", same, null, TESTER)).hasMessage(refused);
            assertThatThrownBy(() -> rules.saveItem(round, true, "調整", "NEW_ITEM", "その他", "新しい項目", "1", TESTER))
                    .hasMessage(refused);
            assertThatThrownBy(() -> rules.moveTieBreak(round, TieBreakRule.LOTTERY, -1, TESTER)).hasMessage(refused);
            assertThatThrownBy(() -> rules.saveSettings(round, "SUM_OF_GUARDIANS", "20", "10", TESTER))
                    .hasMessage(refused);
            assertThat(rules.table(round)).isEqualTo(before);

            runs.withdraw(run, TESTER);
            assertThat(rules.saveItem(round, true, "調整", "NEW_ITEM", "その他", "新しい項目", "1", TESTER).added()).isOne();
        });
    }

    @Test
    void screenChangesAreCheckedAndARoundCopiesAnotherRoundsRules() {
        TenantContext.runAs(CODE, () -> {
            long a = rounds.create(YearMonth.of(2046, 4), null, (Long) null, TESTER);
            assertThat(rules.saveItem(a, true, "調整", "twins", "多胎", "多胎児（双子など）", "２", TESTER).added()).isOne();
            assertThat(rules.moveTieBreak(a, TieBreakRule.LOTTERY, -1, TESTER).tieBreaksChanged()).isTrue();
            assertThat(rules.addTieBreak(a, TieBreakRule.YOUNGER_CHILD, TESTER).tieBreaksChanged()).isTrue();
            assertThat(rules.removeTieBreak(a, TieBreakRule.SINGLE_PARENT, TESTER).tieBreaksChanged()).isTrue();
            CriteriaTable table = rules.table(a);
            assertThat(table.items().get(table.items().size() - 1))
                    .isEqualTo(new CriteriaTable.Line(PointsKind.ADJUSTMENT, new PointsTable.Item("TWINS", "多胎",
                            "多胎児（双子など）", 2)));
            assertThat(table.tieBreaks()).containsExactly(TieBreakRule.HIGHER_BASE_INDEX, TieBreakRule.LOWER_INCOME,
                    TieBreakRule.LOTTERY, TieBreakRule.LONGER_WAITING, TieBreakRule.YOUNGER_CHILD);
            // a change to the same values changes nothing
            assertThat(rules.saveItem(a, false, null, "TWINS", "多胎", "多胎児（双子など）", "2", TESTER).none()).isTrue();

            assertThatThrownBy(() -> rules.saveItem(a, true, "調整", "TWINS", "", "", "abc", TESTER))
                    .isInstanceOf(NurseryException.class).hasMessage("項目を保存できません")
                    .satisfies(e -> assertThat(((NurseryException) e).details()).containsExactly(
                            "項目コード TWINS はすでにあります（調整指数）", "分類が空です", "名称が空です",
                            "指数「abc」は整数ではありません"));
            assertThatThrownBy(() -> rules.saveSettings(a, "AVERAGE", "101", "0", TESTER))
                    .isInstanceOf(NurseryException.class).satisfies(e -> assertThat(((NurseryException) e).details())
                            .containsExactly("基準指数の算定を選んでください",
                                    "保護者がいない場合の基準指数は0から100までの整数です（101）",
                                    "希望できる施設数の上限は1から20までの整数です（0）"));
            for (PointsTable.Item item : table.items(PointsKind.BASE).subList(1, table.items(PointsKind.BASE).size())) {
                rules.removeItem(a, item.code(), TESTER);
            }
            String last = table.items(PointsKind.BASE).get(0).code();
            assertThatThrownBy(() -> rules.removeItem(a, last, TESTER)).isInstanceOf(NurseryException.class)
                    .satisfies(e -> assertThat(((NurseryException) e).details())
                            .containsExactly("基準指数の項目が1つもありません（保護者の事由に使う項目が必要です）"));
            assertThat(rules.table(a).items(PointsKind.BASE)).extracting(PointsTable.Item::code).containsExactly(last);

            long b = rounds.create(YearMonth.of(2047, 4), null, a, TESTER);
            assertThat(rules.table(b)).isEqualTo(rules.table(a));
            assertThat(rules.changedSinceLatestRun(b)).isEmpty();

            // another municipality sees neither the round nor its rules, and cannot copy them
            TenantContext.runAs(DEMO, () -> {
                assertThatThrownBy(() -> rules.table(a)).isInstanceOf(NurseryException.class)
                        .hasMessage("利用調整の回が見つかりません");
                assertThatThrownBy(() -> rounds.create(YearMonth.of(2047, 5), null, a, TESTER))
                        .hasMessage("基準をコピーする回が見つかりません");
            });
        });
    }
}
