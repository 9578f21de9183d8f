package jp.madoguchi.payment;

import jp.madoguchi.kit.TextEncodings;
import static jp.madoguchi.payment.PaymentTestSupport.ACTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.TestMunicipality;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 調定 from CSV (UTF-8 or CP932), row-by-row validation, idempotent re-import, and creation in code. */
@MadoguchiIntegrationTest
class AssessmentImportTest {

    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration register;
    @Autowired Assessments assessments;

    String code;
    String atenaA;
    String atenaB;

    @BeforeEach
    void municipality() {
        code = TestMunicipality.create(municipalities, staff, register, PaymentTestSupport.municipalityCode("20596"),
                "テスト調定村", "チョウテイ\u3000ハナコ").code;
        TenantContext.runAs(code, () -> PaymentTestSupport.defineFunds(assessments));
        atenaA = PaymentTestSupport.atena();
        atenaB = PaymentTestSupport.atena();
    }

    String csv(String number) {
        return "科目コード,年度,調定番号,宛名番号,期別,納期限,金額,備考\r\n"
                + "kokuho,2026," + number + "," + atenaA + ",1,2026-07-31,\"12,000\",第１期（７月）\r\n"
                + "kokuho,2026," + number + "," + atenaA + ",2,2026/08/31,12000,第２期\r\n"
                + "suido,2026," + number + "B," + atenaB + ",1,20260630,3456,水道\r\n";
    }

    @Test
    void aCp932FileIsDetectedImportedOnceAndReimportedWithoutChange() {
        byte[] file = csv("K-100").getBytes(TextEncodings.CP932);
        AssessmentImportReport first = TenantContext.callAs(code, () -> assessments.importCsv(file, null, ACTOR));
        assertThat(first.problems()).isEmpty();
        assertThat(first.charset()).isEqualTo("Shift_JIS（CP932）");
        assertThat(first.created()).isEqualTo(3);
        List<Installment> a = TenantContext.callAs(code, () -> assessments.installmentsOf(atenaA));
        assertThat(a).extracting(Installment::number, Installment::amount, Installment::dueDate).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 12_000L, LocalDate.of(2026, 7, 31)),
                org.assertj.core.groups.Tuple.tuple(2, 12_000L, LocalDate.of(2026, 8, 31)));
        assertThat(a).allSatisfy(i -> {
            assertThat(PaymentNumber.isValid(i.paymentNumber().digits())).isTrue();
            assertThat(i.state()).isEqualTo(InstallmentState.UNPAID);
            assertThat(i.payEasyConfirmation()).matches("[0-9]{4}");
        });
        AssessmentImportReport again = TenantContext.callAs(code, () -> assessments.importCsv(file, null, ACTOR));
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(TenantContext.callAs(code, () -> assessments.installmentsOf(atenaA))).hasSize(2);
        // the same rows in UTF-8 with a BOM are the same content
        byte[] utf8 = ("\uFEFF" + csv("K-100")).getBytes(StandardCharsets.UTF_8);
        AssessmentImportReport asUtf8 = TenantContext.callAs(code, () -> assessments.importCsv(utf8, null, ACTOR));
        assertThat(asUtf8.charset()).isEqualTo("UTF-8");
        assertThat(asUtf8.unchanged()).isEqualTo(3);
    }

    @Test
    void badRowsAreReportedWithTheirNumbersAndNothingIsCommitted() {
        String text = "科目コード,年度,調定番号,宛名番号,期別,納期限,金額\r\n"
                + "kokuho,2026,K-200," + atenaA + ",1,2026-07-31,5000\r\n"
                + "kokuho,2026,K-201,1234567890,1,2026-07-31,5000\r\n"
                + "kokuho,2026,K-202," + atenaB + ",1,2026-02-30,5000\r\n"
                + "kokuho,2026,K-203," + atenaB + ",1,2026-07-31,五千\r\n"
                + "nenkin,2026,K-204," + atenaB + ",1,2026-07-31,5000\r\n"
                + "kokuho,2026,K-205," + atenaB + ",2,2026-07-31,5000\r\n";
        AssessmentImportReport report = TenantContext.callAs(code,
                () -> assessments.importCsv(text.getBytes(StandardCharsets.UTF_8), null, ACTOR));
        assertThat(report.committed()).isFalse();
        assertThat(report.problems()).extracting(LineProblem::line).containsExactly(3, 4, 5, 6, 7);
        assertThat(report.problems().get(0).reason()).contains("宛名番号");
        assertThat(report.problems().get(1).reason()).contains("納期限「2026-02-30」");
        assertThat(report.problems().get(2).reason()).contains("金額「五千」");
        assertThat(report.problems().get(3).reason()).contains("科目コード「nenkin」は登録されていません");
        assertThat(report.problems().get(4).reason()).contains("第1期がありません");
        assertThat(TenantContext.callAs(code, () -> assessments.installmentsOf(atenaA))).isEmpty();
    }

    @Test
    void aReimportWithDifferentContentIsRefused() {
        TenantContext.callAs(code, () -> assessments.importCsv(csv("K-300").getBytes(StandardCharsets.UTF_8), null,
                ACTOR));
        String changed = csv("K-300").replace("3456", "3457");
        AssessmentImportReport report = TenantContext.callAs(code,
                () -> assessments.importCsv(changed.getBytes(StandardCharsets.UTF_8), null, ACTOR));
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.reason()).contains("登録済みで内容が異なります");
        });
    }

    @Test
    void anAssessmentCreatedInCodeIsValidated() {
        assertThatThrownBy(() -> TenantContext.callAs(code, () -> assessments.create(new NewAssessment("kokuho", 2026,
                "K-400", atenaA, List.of(new NewAssessment.NewInstallment(1, LocalDate.of(2026, 7, 31), 1_000_000))),
                "office", ACTOR))).isInstanceOf(AssessmentException.class).hasMessageContaining("999,999円");
    }
}
