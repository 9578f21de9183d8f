package jp.madoguchi.nursery.internal;

import static jp.madoguchi.nursery.internal.NurseryTestRounds.TESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import jp.madoguchi.nursery.AgeClass;
import jp.madoguchi.nursery.SiblingOption;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.TestMunicipality;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The CSV imports: every kind of bad row reported by row and column in Japanese; refused as a whole (nothing stored)
 * or the good rows stored with the bad ones quarantined; the same file or the same content again changes nothing;
 * UTF-8 with or without BOM and CP932.
 */
@MadoguchiIntegrationTest
class NurseryImportTest {

    static final String CODE = "205869";
    static final Charset CP932 = Charset.forName("windows-31j");
    static final String FACILITY_HEADER = "施設番号,施設名,0歳児,1歳児,2歳児,3歳児,4歳児,5歳児\r\n";
    static final String APPLICATION_HEADER = "世帯番号,児童番号,区分,児童氏名,生年月日,在園施設,保護者氏名,住所,保護者1の事由,"
            + "保護者2の事由,世帯の調整項目,児童の調整項目,きょうだいの希望,所得割額,待機月数,抽選番号,第1希望,第2希望\r\n";

    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration register;
    @Autowired NurseryRounds rounds;
    @Autowired NurseryImports imports;

    @BeforeEach
    void municipality() {
        TestMunicipality.create(municipalities, staff, register, CODE, "テスト保育町", "テスト\u3000イチロウ");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<org.assertj.core.groups.Tuple> where(ImportReport r) {
        return r.problems().stream().map(p -> tuple(p.row(), p.column(), p.message())).toList();
    }

    @Test
    void badFacilityRowsAreReportedByRowAndColumn() {
        TenantContext.runAs(CODE, () -> {
            long round = rounds.create(YearMonth.of(2032, 5), null, NurseryRounds.standardRules(), TESTER);
            String file = FACILITY_HEADER
                    + "A1,あおば保育園,3,5,5,,,\r\n"
                    + "A2,いちょう保育園,,-1,2,,,\r\n"
                    + "A3,うめ保育園,x,2,,,,\r\n"
                    + "A1,あおば保育園,3,5,5,,,\r\n"
                    + "A4,,1,1,1,,,\r\n"
                    + "A5,えのき保育園,,,,,,\r\n"
                    + "A1,あおば第二保育園,1,1,1,,,\r\n";
            ImportReport refused = imports.importFacilities(round, "f.csv", utf8(file), null,
                    ImportPolicy.ALL_OR_NOTHING, TESTER);
            assertThat(refused.committed()).isFalse();
            assertThat(refused.charset()).isEqualTo("UTF-8");
            assertThat(where(refused)).containsExactly(
                    tuple(2, "施設番号", "施設番号 A1 は8行目にもあります（内容が違います）"),
                    tuple(3, "1歳児", "受入可能数が負の数です（-1）"),
                    tuple(4, "0歳児", "受入可能数「x」は整数ではありません"),
                    tuple(5, "施設番号", "重複行です（2行目と同じ内容）"),
                    tuple(6, "施設名", "施設名が空です"),
                    tuple(7, "0歳児", "どの年齢クラスにも受入可能数がありません（クラスがなければ空欄、受け入れない場合は0）"),
                    tuple(8, "施設番号", "施設番号 A1 は2行目にもあります（内容が違います）"));
            assertThat(rounds.summary(round).facilities()).as("nothing stored").isZero();

            String header = "施設番号,施設名,0歳児\r\nB1,びわ保育園,1\r\n";
            ImportReport noColumns = imports.importFacilities(round, "g.csv", utf8(header), null,
                    ImportPolicy.GOOD_ROWS, TESTER);
            assertThat(noColumns.committed()).isFalse();
            assertThat(noColumns.problems()).extracting(ImportProblem::text).contains(
                    "1行目「1歳児」: 見出し行にこの列がありません（必要な列: 施設番号、施設名、0歳児、1歳児、2歳児、3歳児、4歳児、5歳児）");

            String good = FACILITY_HEADER + "A1,あおば保育園,3,5,5,,,\r\nA2,いちょう保育園,,-1,2,,,\r\n";
            ImportReport partly = imports.importFacilities(round, "h.csv", utf8(good), null, ImportPolicy.GOOD_ROWS,
                    TESTER);
            assertThat(partly.committed()).isTrue();
            assertThat(partly.created()).isEqualTo(1);
            assertThat(partly.quarantined()).isEqualTo(1);
            assertThat(rounds.quarantine(round, 10)).singleElement().satisfies(q -> {
                assertThat(q.problem().text()).isEqualTo("3行目「1歳児」: 受入可能数が負の数です（-1）");
                assertThat(q.raw()).isEqualTo("A2,いちょう保育園,,-1,2,,,");
            });
            assertThat(rounds.input(round).instance().facilities()).filteredOn(f -> f.id().equals("A1"))
                    .singleElement().satisfies(f -> {
                        assertThat(f.seats()).containsEntry(AgeClass.AGE_0, 3).containsEntry(AgeClass.AGE_2, 5)
                                .doesNotContainKey(AgeClass.AGE_3);
                        assertThat(f.name()).isEqualTo("あおば保育園");
                    });
        });
    }

    @Test
    void badApplicationRowsAreReportedByRowAndColumnAndTheGoodFamiliesCanBeImportedAlone() {
        TenantContext.runAs(CODE, () -> {
            long round = rounds.create(YearMonth.of(2032, 4), null, NurseryRounds.standardRules(), TESTER);
            ImportReport f = imports.importFacilities(round, "f.csv", utf8(FACILITY_HEADER
                    + "K1,かえで保育園,2,2,2,2,2,2\r\nK2,くすのき保育園,1,1,1,,,\r\n"), null, ImportPolicy.ALL_OR_NOTHING,
                    TESTER);
            assertThat(f.committed()).isTrue();
            String p = ",,保護者,テスト町1番地,WORK_160,WORK_140,,,"; // 在園施設 … きょうだいの希望
            String file = APPLICATION_HEADER
                    + "H1,C1,新規,山田 はな,2030-06-01,,山田 太郎,テスト町1番地,WORK_160,WORK_140,,,,150000,0,1,K1,K2\r\n" // 2 good
                    + "H2,C2,新規,鈴木 一郎,2029-01-10" + p + ",100000,0,2,K2,\r\n"             // 3 no class
                    + "H3,C3,新規,佐藤 三郎,2030-07-07" + p + ",,0,3,K9,\r\n"                    // 4 unknown facility
                    + "H1,C1,新規,山田 はな,2030-06-01,,山田 太郎,テスト町1番地,WORK_160,WORK_140,,,,150000,0,1,K1,K2\r\n" // 5 dup
                    + "H5,C5,新規,高橋 五郎,2030-05-05" + p + ",,0,5,K1,\r\n"                    // 6
                    + "H6,C5,新規,高橋 五郎,2030-05-05" + p + ",,0,6,K1,\r\n"                    // 7 two families
                    + "H7,C7,新規,伊藤 七海,2030/13/01" + p + ",,0,7,K1,\r\n"                    // 8 bad date
                    + "H8,C8,新規,渡辺 八重,令和15年1月1日" + p + ",,0,8,K1,\r\n"               // 9 after admission
                    + "H9,C9,新規,山本 九,2025-01-01" + p + ",,0,9,K1,\r\n"                      // 10 school age
                    + "H10,C10,新規,中村 十,2030-06-01,,保護者,テスト町1番地,WORK_999,,,,,,0,10,K1,\r\n" // 11 unknown code
                    + "H11,C11,新規,小林 一,2030-06-01,,保護者,テスト町1番地,WORK_160,,,,それぞれ,,0,11,K1,\r\n" // 12
                    + "H11,C12,新規,小林 二,2031-06-01,,保護者,テスト町1番地,WORK_120,,,,それぞれ,,0,11,K1,\r\n" // 13 differs
                    + "H12,C13,転園,加藤 三,2030-06-01" + p + ",,0,13,K1,\r\n"                    // 14 transfer w/o facility
                    + "H13,C14,新規,吉田 四,2030-06-01" + p + ",,0,,K1,\r\n"                      // 15 no lottery number
                    + "H14,C15,新規,山口 五,2030-06-01" + p + ",-5,0,15,K1,\r\n"                  // 16 negative income
                    + "H15,C16,新規,松本 六,2030-06-01,,保護者,テスト町1番地,WORK_160,,,,同じ園のみ,,0,16,K1,K2\r\n" // 17
                    + "H15,C17,新規,松本 七,2031-06-01,,保護者,テスト町1番地,WORK_160,,,,同じ園のみ,,0,16,K2,K1\r\n" // 18
                    + "H16,C18,在園,井上 八,2030-06-01,K1,保護者,テスト町1番地,WORK_160,,,,,,0,18,K2,\r\n" // 19 enrolled w/ choice
                    + "H17,C19,新規,木村 九,2030-06-01" + p + ",,0,19,K1,K1\r\n"                  // 20 same facility twice
                    + "H18,C20,新規,林 十,2031-05-01" + p + ",,0,20,K1,K2\r\n"                    // 21 good
                    + "H19,C21,転園,斎藤 一,2030-06-01,K2,保護者,テスト町1番地,WORK_160,,,,,,0,21,K1,\r\n"   // 22 good
                    + "H19,C22,在園,斎藤 二,2029-01-01,K1,保護者,テスト町1番地,WORK_160,,,,,,0,21,,\r\n"; // 23 good
            ImportReport refused = imports.importApplications(round, "a.csv", utf8(file), null,
                    ImportPolicy.ALL_OR_NOTHING, TESTER);
            assertThat(refused.committed()).isFalse();
            assertThat(rounds.summary(round).families()).as("nothing stored").isZero();
            assertThat(where(refused)).containsExactly(
                    tuple(3, "第1希望", "くすのき保育園（K2）には3歳児のクラスがありません"),
                    tuple(4, "第1希望", "施設 K9 はありません（先に施設・受入可能数を取り込んでください）"),
                    tuple(5, "児童番号", "重複行です（2行目と同じ内容）"),
                    tuple(7, "児童番号", "児童 C5 が2つの世帯にあります（6行目は世帯 H5、この行は世帯 H6）"),
                    tuple(8, "生年月日", "生年月日「2030/13/01」は日付として読めません（例: 2025-05-03、2025/5/3、令和7年5月3日）"),
                    tuple(9, "生年月日", "入所月の初日（令和14年4月1日）より後の生年月日です"),
                    tuple(10, "生年月日", "2032年度は就学年齢（4月1日に6歳以上）です"),
                    tuple(11, "保護者1の事由", "基準指数の項目「WORK_999」は指数表にありません"),
                    tuple(13, "保護者1の事由", "同じ世帯（H11）の12行目と違います"),
                    tuple(14, "在園施設", "転園の児童は在園施設が必要です"),
                    tuple(15, "抽選番号", "抽選番号が空です（同点時の優先順位に抽選番号があります）"),
                    tuple(16, "所得割額", "所得割額が負の数です（-5）"),
                    tuple(18, "第1希望", "「同じ園のみ」は、きょうだい全員の希望施設を同じ順に書きます（17行目と違います）"),
                    tuple(19, "第1希望", "在園の児童は希望施設を書きません（転園を希望する場合は区分を「転園」にします）"),
                    tuple(20, "第2希望", "施設 K1 を重ねて希望しています"));

            ImportReport partly = imports.importApplications(round, "a.csv", utf8(file), null, ImportPolicy.GOOD_ROWS,
                    TESTER);
            assertThat(partly.committed()).isTrue();
            assertThat(partly.created()).as("H1, H18, H19").isEqualTo(3);
            assertThat(partly.heldBack()).extracting(ImportProblem::text).containsExactly(
                    "6行目: 同じ世帯（H5）にかかわる誤り（7行目）があるため、この行も取り込みません（世帯は全員分そろって取り込みます）",
                    "12行目: 同じ世帯（H11）にかかわる誤り（13行目）があるため、この行も取り込みません（世帯は全員分そろって取り込みます）",
                    "17行目: 同じ世帯（H15）にかかわる誤り（18行目）があるため、この行も取り込みません（世帯は全員分そろって取り込みます）");
            RoundInput input = rounds.input(round);
            assertThat(input.instance().families()).extracting(jp.madoguchi.nursery.Family::id)
                    .containsExactly("H1", "H18", "H19");
            assertThat(input.enrolled()).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo("C22");
                assertThat(e.facilityId()).isEqualTo("K1");
            });
            assertThat(input.instance().children()).filteredOn(c -> c.id().equals("C21")).singleElement()
                    .satisfies(c -> assertThat(c.currentFacility()).isEqualTo("K2"));
            assertThat(rounds.quarantine(round, 100)).hasSize(refused.problems().size() + 3);
            assertThat(rounds.summary(round).issues()).isEmpty();

            // the same file again: recognised, nothing changes
            ImportReport again = imports.importApplications(round, "a-copy.csv", utf8(file), null,
                    ImportPolicy.GOOD_ROWS, TESTER);
            assertThat(again.alreadyImported()).isTrue();
            assertThat(rounds.imports(round)).filteredOn(i -> i.kind().equals("APPLICATIONS")).hasSize(1);

            // the same content from another file, in CP932 and with a BOM: unchanged; one family changed: updated
            String clean = APPLICATION_HEADER
                    + "H18,C20,新規,林 十,2031-05-01" + p + ",,0,20,K1,K2\r\n"
                    + "H1,C1,新規,山田 はな,2030-06-01,,山田 太郎,テスト町1番地,WORK_160,WORK_140,,,,150000,0,1,K1,K2\r\n";
            ImportReport cp932 = imports.importApplications(round, "sjis.csv", clean.getBytes(CP932), null,
                    ImportPolicy.ALL_OR_NOTHING, TESTER);
            assertThat(cp932.charset()).isEqualTo("Shift_JIS（CP932）");
            assertThat(cp932.committed()).isTrue();
            assertThat(cp932.unchanged()).isEqualTo(2);
            assertThat(cp932.created() + cp932.updated()).isZero();
            ImportReport bom = imports.importApplications(round, "bom.csv",
                    utf8("\uFEFF" + clean.replace("K1,K2\r\n\"", "").replace("0,20,K1,K2", "0,20,K2,K1")), null,
                    ImportPolicy.ALL_OR_NOTHING, TESTER);
            assertThat(bom.charset()).isEqualTo("UTF-8");
            assertThat(bom.updated()).isEqualTo(1);
            assertThat(bom.unchanged()).isEqualTo(1);
            assertThat(rounds.input(round).instance().children()).filteredOn(c -> c.id().equals("C20"))
                    .singleElement().satisfies(c -> assertThat(c.preferences()).containsExactly("K2", "K1"));
            assertThat(rounds.input(round).instance().families()).hasSize(3);

            // a CP932 file forced as UTF-8: the line that cannot be read is named
            ImportReport wrong = imports.importApplications(round, "x.csv", (clean + "\r\n").getBytes(CP932),
                    StandardCharsets.UTF_8, ImportPolicy.ALL_OR_NOTHING, TESTER);
            assertThat(wrong.problems()).extracting(ImportProblem::text)
                    .containsExactly("1行目: UTF-8として読めない文字があります（文字コードを確認してください）");

            // a child moved to a family not in the file: refused with the stored family named
            ImportReport moved = imports.importApplications(round, "m.csv", utf8(APPLICATION_HEADER
                    + "H99,C20,新規,林 十,2031-05-01" + p + ",,0,20,K1,K2\r\n"), null, ImportPolicy.ALL_OR_NOTHING,
                    TESTER);
            assertThat(moved.problems()).extracting(ImportProblem::text).containsExactly("2行目「児童番号」: 児童 C20 は"
                    + "取込済みの世帯 H18 にいます（1人の児童は1つの世帯にだけ属します。移す場合は世帯 H18 の行も同じファイルで直してください）");
        });
    }

    @Test
    void siblingOptionsAreReadFromTheirJapaneseNames() {
        assertThat(ApplicationCsv.siblingOption("同じ園のみ")).contains(SiblingOption.SAME_FACILITY_ONLY);
        assertThat(ApplicationCsv.siblingOption("全員")).contains(SiblingOption.ALL_OR_NONE);
        assertThat(ApplicationCsv.siblingOption("下の子を優先")).contains(SiblingOption.YOUNGER_FIRST);
        assertThat(ApplicationCsv.siblingOption("それぞれ入所可")).contains(SiblingOption.ANY);
        assertThat(ApplicationCsv.siblingOption("ばらばら")).isEmpty();
    }
}
