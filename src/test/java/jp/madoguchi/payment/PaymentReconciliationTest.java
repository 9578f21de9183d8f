package jp.madoguchi.payment;

import jp.madoguchi.kit.TextEncodings;
import static jp.madoguchi.payment.PaymentTestSupport.ACTOR;
import static jp.madoguchi.payment.PaymentTestSupport.cp932;
import static jp.madoguchi.payment.PaymentTestSupport.installment;
import static jp.madoguchi.payment.PaymentTestSupport.storeLine;
import static jp.madoguchi.payment.PaymentTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.payment.PaymentImportReport.Outcome;
import jp.madoguchi.payment.internal.format.ConvenienceStoreCsvFormat;
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
 * 消込 end to end on the embedded PostgreSQL: every record kind, the refund list, late payments, quarantine and
 * manual matching, idempotency, the import policies, direct debit both ways, concurrent imports and the reports.
 */
@MadoguchiIntegrationTest
class PaymentReconciliationTest {

    static final String STORE = ConvenienceStoreCsvFormat.ID;
    static final String AGENT = "generic-csv:standard";

    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration register;
    @Autowired Assessments assessments;
    @Autowired PaymentImports imports;
    @Autowired Reconciliation reconciliation;
    @Autowired PaymentReports reports;
    @Autowired DirectDebitRequests debits;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    String code;

    @BeforeEach
    void municipality() {
        code = TestMunicipality.create(municipalities, staff, register, PaymentTestSupport.municipalityCode("20597"),
                "テスト収納町", "シュウノウ\u3000タロウ").code;
        TenantContext.runAs(code, () -> PaymentTestSupport.defineFunds(assessments));
    }

    <T> T as(Callable<T> work) {
        return TenantContext.callAs(code, work);
    }

    PaymentImportReport importStore(byte[] file) {
        return as(() -> imports.importFile(STORE, "result.csv", file, ImportPolicy.ALL_OR_NOTHING, ACTOR));
    }

    PaymentImportReport importAgent(String... lines) {
        String[] all = new String[lines.length + 1];
        all[0] = "納付番号,金額,収納日,受付番号";
        System.arraycopy(lines, 0, all, 1, lines.length);
        return as(() -> imports.importFile(AGENT, "agent.csv", utf8(all), ImportPolicy.ALL_OR_NOTHING, ACTOR));
    }

    Installment reload(Installment i) {
        return as(() -> assessments.installment(i.paymentNumber().digits()).orElseThrow());
    }

    Installment newInstallment(long amount, LocalDate due) {
        return as(() -> installment(assessments, "kokuho", amount, due));
    }

    @Test
    void aPreliminaryReportMarksPendingAndTheConfirmationPays() {
        Installment i = newInstallment(12_300, LocalDate.of(2026, 5, 31));
        LocalDate day = LocalDate.of(2026, 5, 20);
        PaymentImportReport first = importStore(cp932(storeLine("01", i, 12_300, day, "1432", "000111")));
        assertThat(first.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(first.applied()).isEqualTo(1);
        assertThat(reload(i).state()).isEqualTo(InstallmentState.PENDING);
        assertThat(reload(i).pendingAmount()).isEqualTo(12_300);

        importStore(cp932(storeLine("02", i, 12_300, day, "1432", "000111")));
        Installment paid = reload(i);
        assertThat(paid.state()).isEqualTo(InstallmentState.PAID);
        assertThat(paid.paidAmount()).isEqualTo(12_300);
        assertThat(paid.pendingAmount()).isZero();
        assertThat(paid.late()).isFalse();
        assertThat(as(() -> reconciliation.recordsOf(i.id()))).extracting(PaymentRecordView::outcome)
                .containsExactly("CONFIRMED", "APPLIED");
    }

    @Test
    void aCancelledPreliminaryReportReverts() {
        Installment i = newInstallment(5_000, LocalDate.of(2026, 5, 31));
        LocalDate day = LocalDate.of(2026, 5, 21);
        importStore(cp932(storeLine("01", i, 5_000, day, "0901", "000222")));
        importStore(cp932(storeLine("03", i, 5_000, day, "0901", "000222")));
        assertThat(reload(i).state()).isEqualTo(InstallmentState.UNPAID);
        assertThat(reload(i).pendingAmount()).isZero();
        assertThat(as(() -> reconciliation.recordsOf(i.id()))).extracting(PaymentRecordView::outcome)
                .containsExactly("CANCELLED", "APPLIED");
        // a cancellation without its 速報 is quarantined with the reason
        Installment other = newInstallment(5_000, LocalDate.of(2026, 5, 31));
        PaymentImportReport orphan = importStore(cp932(storeLine("03", other, 5_000, day, "0902", "000222")));
        assertThat(orphan.quarantined()).isEqualTo(1);
        assertThat(as(() -> reconciliation.recordsOf(other.id()))).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("取り消す速報が見つかりません"));
    }

    @Test
    void preliminaryAndConfirmationInOneFileApplyInOrder() {
        Installment i = newInstallment(8_000, LocalDate.of(2026, 6, 30));
        LocalDate day = LocalDate.of(2026, 6, 1);
        PaymentImportReport r = importStore(cp932(storeLine("01", i, 8_000, day, "1000", "000333"),
                storeLine("02", i, 8_000, day, "1000", "000333")));
        assertThat(r.applied()).isEqualTo(2);
        assertThat(reload(i).state()).isEqualTo(InstallmentState.PAID);
        assertThat(reload(i).pendingAmount()).isZero();
    }

    @Test
    void aLatePaymentIsFlaggedAndTheDueDateMovesPastAHoliday() {
        // 2026-05-03 is a Sunday and 憲法記念日: the due date moves to the next office day, 2026-05-07
        Installment i = newInstallment(3_000, LocalDate.of(2026, 5, 3));
        assertThat(i.effectiveDueDate()).isEqualTo(LocalDate.of(2026, 5, 7));
        Installment onTime = newInstallment(3_000, LocalDate.of(2026, 5, 3));
        importStore(cp932(storeLine("02", i, 3_000, LocalDate.of(2026, 5, 12), "1100", "000444"),
                storeLine("02", onTime, 3_000, LocalDate.of(2026, 5, 7), "1100", "000444")));
        assertThat(reload(i).late()).isTrue();
        assertThat(reload(onTime).late()).isFalse();
        Integer days = as(() -> transactions.execute(s -> jdbc.sql(
                "select days_after_due from payment_dashboard_event where record_id = (select max(id) from payment_record where installment_id = :i)")
                .param("i", i.id()).query(Integer.class).single()));
        assertThat(days).isEqualTo(5);
    }

    @Test
    void doubleOverAndPartialPaymentsGoToTheRefundList() {
        Installment twice = newInstallment(4_000, LocalDate.of(2026, 7, 31));
        LocalDate day = LocalDate.of(2026, 7, 1);
        importStore(cp932(storeLine("02", twice, 4_000, day, "0930", "000555"),
                storeLine("02", twice, 4_000, day, "1545", "000556")));
        assertThat(reload(twice).state()).isEqualTo(InstallmentState.PAID);
        assertThat(reload(twice).paidAmount()).isEqualTo(8_000);

        Installment partial = newInstallment(5_000, LocalDate.of(2026, 7, 31));
        importAgent(partial.paymentNumber().digits() + ",3000,20260702,R-P1");
        assertThat(reload(partial).state()).isEqualTo(InstallmentState.PARTIALLY_PAID);
        importAgent(partial.paymentNumber().digits() + ",3000,20260703,R-P2");
        assertThat(reload(partial).state()).isEqualTo(InstallmentState.PAID);

        List<Refund> refunds = as(() -> reconciliation.openRefunds(10_000)).stream()
                .filter(r -> r.paymentNumber().equals(twice.paymentNumber().digits())
                        || r.paymentNumber().equals(partial.paymentNumber().digits()))
                .toList();
        assertThat(refunds).extracting(Refund::kind, Refund::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Refund.Kind.DOUBLE_PAYMENT, 4_000L),
                org.assertj.core.groups.Tuple.tuple(Refund.Kind.PARTIAL_PAYMENT, 2_000L),
                org.assertj.core.groups.Tuple.tuple(Refund.Kind.OVERPAYMENT, 1_000L));
        as(() -> {
            reconciliation.settleRefund(refunds.get(0).id(), "還付済み", ACTOR);
            return null;
        });
        assertThat(as(() -> reconciliation.openRefunds(10_000))).extracting(Refund::id)
                .doesNotContain(refunds.get(0).id());
    }

    @Test
    void aPostalCorrectionReversesThePostalPayment() {
        Installment i = newInstallment(6_000, LocalDate.of(2026, 8, 31));
        LocalDate day = LocalDate.of(2026, 8, 3);
        importStore(cp932(storeLine("12", i, 6_000, day, "0000", "POST01")));
        assertThat(reload(i).state()).isEqualTo(InstallmentState.PAID);
        importStore(cp932(storeLine("22", i, 6_000, day, "0000", "POST01")));
        assertThat(reload(i).state()).isEqualTo(InstallmentState.UNPAID);
        assertThat(reload(i).paidAmount()).isZero();
        assertThat(as(() -> reconciliation.recordsOf(i.id()))).extracting(PaymentRecordView::outcome)
                .containsExactly("CORRECTED", "APPLIED");
    }

    @Test
    void unmatchedPaymentsAreQuarantinedAndMatchedByHandWithAnAuditTrail() {
        Installment i = newInstallment(7_000, LocalDate.of(2026, 9, 30));
        String unknown = PaymentNumber.ofBase("999999999999990").digits();
        PaymentImportReport r = importAgent(unknown + ",7000,20260910,R-Q1", "12345,7000,20260910,R-Q2");
        assertThat(r.quarantined()).isEqualTo(2);
        List<PaymentRecordView> quarantined = as(() -> reconciliation.quarantine(10_000)).stream()
                .filter(q -> q.fileId() == r.fileId()).toList();
        assertThat(quarantined).extracting(PaymentRecordView::reason).containsExactly(
                "納付番号「" + unknown + "」に該当する期別がありません", "納付番号「12345」に該当する期別がありません");

        assertThatThrownBy(() -> as(() -> reconciliation.matchManually(quarantined.get(0).id(), "1234", "x", ACTOR)))
                .isInstanceOf(AssessmentException.class).hasMessageContaining("正しくありません");
        PaymentRecordView matched = as(() -> reconciliation.matchManually(quarantined.get(0).id(),
                i.paymentNumber().digits(), "納付書の控えで確認", ACTOR));
        assertThat(matched.outcome()).isEqualTo("APPLIED");
        assertThat(reload(i).state()).isEqualTo(InstallmentState.PAID);
        assertThat(as(() -> reconciliation.quarantine(10_000))).extracting(PaymentRecordView::id)
                .doesNotContain(quarantined.get(0).id()).contains(quarantined.get(1).id());
        assertThat(as(() -> audit.about("payment_record", Long.toString(quarantined.get(0).id()), 5)))
                .extracting(e -> e.type()).containsExactly("payment.record.matched");
        assertThatThrownBy(() -> as(() -> reconciliation.matchManually(quarantined.get(0).id(),
                i.paymentNumber().digits(), "again", ACTOR))).hasMessageContaining("保留中ではありません");
    }

    @Test
    void paymentsOnACancelledInstallmentAreQuarantined() {
        Installment i = newInstallment(2_000, LocalDate.of(2026, 9, 30));
        as(() -> {
            assessments.cancelInstallment(i.id(), "減額更正", ACTOR);
            return null;
        });
        PaymentImportReport r = importStore(cp932(storeLine("02", i, 2_000, LocalDate.of(2026, 9, 2), "1200", "1")));
        assertThat(r.quarantined()).isEqualTo(1);
        assertThat(reload(i).state()).isEqualTo(InstallmentState.CANCELLED);
        assertThatThrownBy(() -> as(() -> {
            assessments.cancelInstallment(i.id(), "again", ACTOR);
            return null;
        })).hasMessageContaining("「取消」から「取消」へは変更できません");
    }

    @Test
    void theSameFileTwiceChangesNothingAndRecordsResentInAnotherFileAreDuplicates() {
        Installment a = newInstallment(1_000, LocalDate.of(2026, 10, 31));
        Installment b = newInstallment(1_500, LocalDate.of(2026, 10, 31));
        LocalDate day = LocalDate.of(2026, 10, 5);
        byte[] file = cp932(storeLine("02", a, 1_000, day, "0800", "000777"));
        PaymentImportReport first = importStore(file);
        PaymentImportReport again = importStore(file);
        assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_IMPORTED);
        assertThat(again.fileId()).isEqualTo(first.fileId());
        assertThat(reload(a).paidAmount()).isEqualTo(1_000);

        PaymentImportReport overlapping = importStore(cp932(storeLine("02", a, 1_000, day, "0800", "000777"),
                storeLine("02", b, 1_500, day, "0801", "000777")));
        assertThat(overlapping.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(overlapping.applied()).isEqualTo(1);
        assertThat(overlapping.duplicates()).isEqualTo(1);
        assertThat(overlapping.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.reason()).contains("取込済み");
        });
        assertThat(reload(a).paidAmount()).isEqualTo(1_000);
        assertThat(reload(b).state()).isEqualTo(InstallmentState.PAID);
    }

    @Test
    void allOrNothingCommitsNothingAndGoodLinesKeepsTheBadOnesListed() {
        Installment i = newInstallment(9_000, LocalDate.of(2026, 11, 30));
        LocalDate day = LocalDate.of(2026, 11, 2);
        byte[] file = cp932(storeLine("02", i, 9_000, day, "1300", "000888"), "02,20261102,1300,EAN123,,,0,9000,1,x,1,0,20261102");
        Long filesBefore = as(() -> transactions.execute(s -> jdbc.sql("select count(*) from payment_import_file")
                .query(Long.class).single()));
        PaymentImportReport rejected = importStore(file);
        assertThat(rejected.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(rejected.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("2行目: バーコード: バーコードは44桁が必要です");
        });
        assertThat(reload(i).state()).isEqualTo(InstallmentState.UNPAID);
        Long filesAfter = as(() -> transactions.execute(s -> jdbc.sql("select count(*) from payment_import_file")
                .query(Long.class).single()));
        assertThat(filesAfter).isEqualTo(filesBefore);

        PaymentImportReport partial = as(() -> imports.importFile(STORE, "result.csv", file, ImportPolicy.GOOD_LINES,
                ACTOR));
        assertThat(partial.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(reload(i).state()).isEqualTo(InstallmentState.PAID);
        assertThat(as(() -> imports.problemsOf(partial.fileId()))).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(2));
    }

    @Test
    void directDebitRequestAndResultRoundTrip() {
        LocalDate due = LocalDate.now().plusDays(3);
        while (!jp.madoguchi.kit.OfficeCalendar.standard().isOfficeDay(due)) {
            due = due.plusDays(1);
        }
        LocalDate debitDay = due;
        Installment paid = as(() -> installment(assessments, "suido", 3_210, debitDay));
        Installment failed = as(() -> installment(assessments, "suido", 4_560, debitDay));
        for (Installment i : List.of(paid, failed)) {
            as(() -> {
                debits.registerAccount(new DebitAccount(i.atenaNumber(), "suido", "0123", "045", "1", "1234567",
                        "スイドウ　ハナコ"), ACTOR);
                return null;
            });
        }
        byte[] request = as(() -> debits.generate("suido", debitDay, ACTOR));
        assertThat(request.length % 122).isZero();
        int records = request.length / 122;
        assertThat(records).isGreaterThanOrEqualTo(4);
        String text = new String(request, TextEncodings.CP932);
        assertThat(text).startsWith("1910" + "1234567890" + "ﾏﾄﾞｸﾞﾁﾏﾁ");
        assertThat(text).contains("0000" + paid.paymentNumber().digits() + "0").contains("ｽｲﾄﾞｳ ﾊﾅｺ");
        // the bank answers: the same file with result codes filled in and the trailer's totals
        byte[] result = request.clone();
        long debitedAmount = 0;
        long failedAmount = 0;
        int debitedCount = 0;
        for (int r = 1; r < records - 2; r++) {
            int start = r * 122;
            String customer = new String(result, start + 91, 20, java.nio.charset.StandardCharsets.US_ASCII);
            long amount = Long.parseLong(new String(result, start + 80, 10, java.nio.charset.StandardCharsets.US_ASCII));
            if (customer.endsWith(failed.paymentNumber().digits())) {
                result[start + 111] = '1';
                failedAmount += amount;
            } else {
                debitedAmount += amount;
                debitedCount++;
            }
        }
        String trailer = String.format("8%06d%012d%06d%012d%06d%012d", records - 3, debitedAmount + failedAmount,
                debitedCount, debitedAmount, records - 3 - debitedCount, failedAmount);
        byte[] trailerBytes = trailer.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(trailerBytes, 0, result, (records - 2) * 122, trailerBytes.length);
        PaymentImportReport report = as(() -> imports.importFile("zengin-debit-result", "kekka.txt", result,
                ImportPolicy.ALL_OR_NOTHING, ACTOR));
        assertThat(report.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(reload(paid).state()).isEqualTo(InstallmentState.PAID);
        assertThat(reload(failed).state()).isEqualTo(InstallmentState.UNPAID);
        assertThat(as(() -> reconciliation.recordsOf(failed.id()))).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("DEBIT_FAILED");
            assertThat(r.reason()).isEqualTo("口座振替不能: 1 資金不足");
        });
        // a trailer that disagrees rejects the whole file
        byte[] tampered = result.clone();
        tampered[(records - 2) * 122 + 6] = (byte) (tampered[(records - 2) * 122 + 6] + 1);
        PaymentImportReport bad = as(() -> imports.importFile("zengin-debit-result", "kekka2.txt", tampered,
                ImportPolicy.GOOD_LINES, ACTOR));
        assertThat(bad.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(bad.problems()).anySatisfy(p -> assertThat(p.reason()).contains("合計件数"));
    }

    @Test
    void concurrentImportsOfDifferentFilesLoseNothing() throws Exception {
        int files = 4;
        int perFile = 30;
        List<Installment> shared = new ArrayList<>();
        for (int n = 0; n < perFile; n++) {
            shared.add(newInstallment(1_000 + n, LocalDate.of(2027, 1, 29)));
        }
        List<byte[]> contents = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            List<String> lines = new ArrayList<>();
            for (Installment i : shared) {
                lines.add(storeLine("02", i, i.amount(), LocalDate.of(2027, 1, 10 + f), "1000", "S" + f));
            }
            contents.add(cp932(lines.toArray(String[]::new)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(files);
        try {
            List<Future<PaymentImportReport>> results = new ArrayList<>();
            for (byte[] content : contents) {
                results.add(pool.submit(() -> importStore(content)));
            }
            for (Future<PaymentImportReport> r : results) {
                assertThat(r.get().outcome()).isEqualTo(Outcome.COMMITTED);
                assertThat(r.get().applied()).isEqualTo(perFile);
            }
        } finally {
            pool.shutdown();
        }
        for (Installment i : shared) {
            Installment now = reload(i);
            assertThat(now.paidAmount()).isEqualTo(i.amount() * files);
            assertThat(now.state()).isEqualTo(InstallmentState.PAID);
        }
        long doubles = as(() -> reconciliation.openRefunds(100_000)).stream()
                .filter(r -> shared.stream().anyMatch(i -> i.paymentNumber().digits().equals(r.paymentNumber())))
                .filter(r -> r.kind() == Refund.Kind.DOUBLE_PAYMENT).count();
        assertThat(doubles).isEqualTo((long) perFile * (files - 1));
    }

    @Test
    void theDailyReportAndTheFinanceExportShowTheMoneyPerFundAndChannel() {
        LocalDate day = LocalDate.of(2027, 2, 15);
        Installment a = newInstallment(10_000, LocalDate.of(2027, 2, 28));
        Installment b = newInstallment(20_000, LocalDate.of(2027, 2, 28));
        Installment c = newInstallment(30_000, LocalDate.of(2027, 2, 28));
        importStore(cp932(storeLine("02", a, 10_000, day, "0900", "R1"), storeLine("01", b, 20_000, day, "0901", "R1")));
        importAgent(c.paymentNumber().digits() + ",30000,20270215,R-D1");
        List<DailyTotal> totals = as(() -> reports.daily(day, day));
        assertThat(totals).extracting(DailyTotal::fundCode, DailyTotal::channel, DailyTotal::count,
                DailyTotal::amount, DailyTotal::pendingCount, DailyTotal::pendingAmount).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("kokuho", PaymentChannel.CONVENIENCE_STORE, 1L, 10_000L, 1L, 20_000L),
                org.assertj.core.groups.Tuple.tuple("kokuho", PaymentChannel.AGENT, 1L, 30_000L, 0L, 0L));
        String csv = new String(as(() -> reports.financeExport(day, day)), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(3);
        assertThat(csv).contains("2027-02-15,kokuho,国民健康保険料,2026,").contains("," + a.paymentNumber().digits()
                + ",コンビニ,確報,10000,0").contains("," + c.paymentNumber().digits() + ",収納代行,収納,30000,0");
    }

    @Test
    void theSqlOfTheStateMachineAgreesWithJava() {
        long[] values = {0, 1, 999, 1000, 1001, 2000};
        for (long amount : new long[] {1000}) {
            for (long paid : values) {
                for (long pending : values) {
                    String sql = "select " + InstallmentState.deriveSql(":a", ":p", ":q");
                    String fromSql = as(() -> transactions.execute(s -> jdbc.sql(sql.replace(":a", "cast(:a as bigint)")
                                    .replace(":p", "cast(:p as bigint)").replace(":q", "cast(:q as bigint)"))
                            .param("a", amount).param("p", paid).param("q", pending).query(String.class).single()));
                    assertThat(fromSql).as("amount %d paid %d pending %d", amount, paid, pending)
                            .isEqualTo(InstallmentState.derive(amount, paid, pending).name());
                }
            }
        }
        for (InstallmentState from : InstallmentState.values()) {
            for (InstallmentState to : InstallmentState.values()) {
                String sql = "select " + InstallmentState.allowedTransitionsSql("cast(:f as text)", "cast(:t as text)");
                Boolean allowed = as(() -> transactions.execute(s -> jdbc.sql(sql).param("f", from.name())
                        .param("t", to.name()).query(Boolean.class).single()));
                assertThat(allowed).as("%s -> %s", from, to).isEqualTo(from.canChangeTo(to));
            }
        }
    }
}
