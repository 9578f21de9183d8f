package jp.madoguchi.payment;

import jp.madoguchi.kit.TextEncodings;
import static jp.madoguchi.support.OfficeSession.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.payment.internal.format.ConvenienceStoreCsvFormat;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The 公金収納 screens with the demo municipality's accounting staff (会計), and who may not use them. */
@MadoguchiIntegrationTest
class PaymentOfficeScreensTest {

    static final String DEMO = "205991";

    @Autowired MockMvc mvc;
    @Autowired Assessments assessments;
    @Autowired Reconciliation reconciliation;
    @Autowired PaymentImports imports;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void accountingImportsAFileSeesThePerLineReportAndMatchesByHand() throws Exception {
        MockHttpSession session = signIn(mvc, DEMO, "kaikei", "madoguchi-demo");
        mvc.perform(get("/office/payments").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("国民健康保険料")));
        Installment i = TenantContext.callAs(DEMO, () -> assessments.recentInstallments(100)).stream()
                .filter(x -> x.fundCode().equals("kokuho") && x.state() == InstallmentState.UNPAID).findFirst()
                .orElseThrow();
        String barcode = i.paymentNumber().barcode("912399", "01", Optional.of(i.dueDate()), (int) i.amount())
                .digits();
        String other = PaymentNumber.ofBase("888888888888880").barcode("912399", "01", Optional.empty(),
                (int) i.amount()).digits();
        String day = LocalDate.of(2026, 7, 10).toString().replace("-", "");
        String file = "02," + day + ",1010,EAN" + barcode + ",,,0," + i.amount() + ",0001,セブン,000123,0," + day + "\r\n"
                + "02," + day + ",1011,EAN" + other + ",,,0," + i.amount() + ",0001,セブン,000123,0," + day + "\r\n"
                + "09," + day + ",1012,EAN" + barcode + ",,,0," + i.amount() + ",0001,セブン,000123,0," + day + "\r\n";
        MockMultipartFile upload = new MockMultipartFile("file", "kekka.csv", "text/csv", file.getBytes(TextEncodings.CP932));
        mvc.perform(multipart("/office/payments/import").file(upload).param("format", ConvenienceStoreCsvFormat.ID)
                        .param("policy", "ALL_OR_NOTHING").session(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("取り込みませんでした")))
                .andExpect(content().string(containsString("種別「09」は不明です")));
        mvc.perform(multipart("/office/payments/import").file(upload).param("format", ConvenienceStoreCsvFormat.ID)
                        .param("policy", "GOOD_LINES").session(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("取り込みました")));
        assertThat(TenantContext.callAs(DEMO, () -> assessments.installment(i.paymentNumber().digits())).orElseThrow()
                .state()).isEqualTo(InstallmentState.PAID);

        String unknown = PaymentNumber.ofBase("888888888888880").digits();
        PaymentRecordView quarantined = TenantContext.callAs(DEMO, () -> reconciliation.quarantine(100)).stream()
                .filter(q -> q.reference().equals(unknown)).findFirst().orElseThrow();
        // another installment of the same assessment: same amount, still unpaid
        Installment target = TenantContext.callAs(DEMO, () -> assessments.installmentsOf(i.atenaNumber())).stream()
                .filter(x -> x.fundCode().equals("kokuho") && x.state() == InstallmentState.UNPAID
                        && x.amount() == quarantined.amount()).findFirst().orElseThrow();
        mvc.perform(post("/office/payments/quarantine/" + quarantined.id() + "/match").session(session).with(csrf())
                        .param("paymentNumber", "123").param("note", "控えで確認"))
                .andExpect(status().is3xxRedirection());
        assertThat(TenantContext.callAs(DEMO, () -> reconciliation.quarantine(100))).extracting(PaymentRecordView::id)
                .as("a malformed number changes nothing").contains(quarantined.id());
        mvc.perform(post("/office/payments/quarantine/" + quarantined.id() + "/match").session(session)
                        .with(csrf()).param("paymentNumber", target.paymentNumber().digits())
                        .param("note", "控えで確認"))
                .andExpect(status().is3xxRedirection());
        assertThat(TenantContext.callAs(DEMO, () -> assessments.installment(target.paymentNumber().digits()))
                .orElseThrow().state()).isEqualTo(InstallmentState.PAID);
        mvc.perform(get("/office/payments/daily").session(session).param("from", "2026-07-10").param("to", "2026-07-10"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("国民健康保険料")));
    }

    @Test
    void accountingUploadsAssessmentsWithTheReportPerRowAndAReuploadChangesNothing() throws Exception {
        MockHttpSession session = signIn(mvc, DEMO, "kaikei", "madoguchi-demo");
        mvc.perform(get("/office/payments").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("調定の取込（CSV）")));
        String atena = PaymentTestSupport.atena();
        String number = "W-" + System.nanoTime() % 1_000_000;
        String header = "科目コード,年度,調定番号,宛名番号,期別,納期限,金額\r\n";
        String good = header + "kokuho,2026," + number + "," + atena + ",1,2026-07-31,12000\r\n"
                + "kokuho,2026," + number + "," + atena + ",2,2026-08-31,12000\r\n";
        String bad = header + "kokuho,2026," + number + "," + atena + ",1,2026-07-31,12000\r\n"
                + "kokuho,2026," + number + "," + atena + ",2,2026-02-30,12000\r\n";
        mvc.perform(multipart("/office/payments/assessments/import").file(new MockMultipartFile("file", "chotei.csv",
                        "text/csv", bad.getBytes(TextEncodings.CP932))).param("charset", "auto").session(session)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("誤りがあるため何も取り込みませんでした")))
                .andExpect(content().string(containsString("Shift_JIS")))
                .andExpect(content().string(containsString("納期限「2026-02-30」")));
        assertThat(TenantContext.callAs(DEMO, () -> assessments.installmentsOf(atena)))
                .as("a file with a bad row commits nothing").isEmpty();

        MockMultipartFile upload = new MockMultipartFile("file", "chotei.csv", "text/csv",
                good.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/office/payments/assessments/import").file(upload).param("charset", "UTF-8")
                        .session(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("取り込みました")))
                .andExpect(content().string(containsString("<dt>登録した期別</dt><dd>2件</dd>")));
        assertThat(TenantContext.callAs(DEMO, () -> assessments.installmentsOf(atena)))
                .extracting(Installment::number).containsExactly(1, 2);
        mvc.perform(multipart("/office/payments/assessments/import").file(upload).param("charset", "auto")
                        .session(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<dt>登録済みで変更なし</dt><dd>2件</dd>")))
                .andExpect(content().string(containsString("<dt>登録した期別</dt><dd>0件</dd>")));
        mvc.perform(multipart("/office/payments/assessments/import").file(upload).param("charset", "EBCDIC")
                        .session(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文字コード「EBCDIC」は選べません")));
    }

    @Test
    void accountingSettlesARefundListEntryWithWhatWasDoneAndAnAuditEvent() throws Exception {
        Installment partial = TenantContext.callAs(DEMO, () -> PaymentTestSupport.installment(assessments, "kokuho",
                5_000, LocalDate.of(2026, 7, 31)));
        String agentFile = "納付番号,金額,収納日,受付番号\r\n" + partial.paymentNumber().digits() + ",3000,20260702,S-"
                + partial.id() + "\r\n";
        TenantContext.callAs(DEMO, () -> imports.importFile("generic-csv:standard", "agent.csv",
                agentFile.getBytes(StandardCharsets.UTF_8), ImportPolicy.ALL_OR_NOTHING, PaymentTestSupport.ACTOR));
        Refund refund = TenantContext.callAs(DEMO, () -> reconciliation.openRefunds(10_000)).stream()
                .filter(r -> r.paymentNumber().equals(partial.paymentNumber().digits())).findFirst().orElseThrow();
        assertThat(refund.kind()).isEqualTo(Refund.Kind.PARTIAL_PAYMENT);

        MockHttpSession counter = signIn(mvc, DEMO, "madoguchi", "madoguchi-demo");
        mvc.perform(post("/office/payments/refunds/" + refund.id() + "/settle").session(counter).with(csrf())
                .param("note", "督促済み")).andExpect(status().isForbidden());

        MockHttpSession session = signIn(mvc, DEMO, "kaikei", "madoguchi-demo");
        mvc.perform(get("/office/payments").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/office/payments/refunds/" + refund.id() + "/settle")));
        mvc.perform(post("/office/payments/refunds/" + refund.id() + "/settle").session(session).with(csrf())
                        .param("note", "  "))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("処理の内容（還付・充当・督促など）を入力してください")));
        assertThat(TenantContext.callAs(DEMO, () -> reconciliation.openRefunds(10_000))).extracting(Refund::id)
                .as("without a note nothing changes").contains(refund.id());

        mvc.perform(post("/office/payments/refunds/" + refund.id() + "/settle").session(session).with(csrf())
                        .param("note", "残額2,000円を督促済み"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("精算済みにしました")));
        assertThat(TenantContext.callAs(DEMO, () -> reconciliation.openRefunds(10_000))).extracting(Refund::id)
                .doesNotContain(refund.id());
        List<String> events = TenantContext.callAs(DEMO, () -> transactions.execute(s -> jdbc.sql("""
                select actor_id || ' ' || (details ->> 'note') from audit_event
                where event_type = 'payment.refund.settled' and subject_id = :id
                """).param("id", Long.toString(refund.id())).query(String.class).list()));
        assertThat(events).singleElement().satisfies(e -> assertThat(e).endsWith(" 残額2,000円を督促済み")
                .doesNotStartWith("null"));

        mvc.perform(post("/office/payments/refunds/" + refund.id() + "/settle").session(session).with(csrf())
                        .param("note", "もう一度"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("未処理の過誤納・一部納付の記録が見つかりません")));
    }

    @Test
    void counterStaffMayNotUseTheScreens() throws Exception {
        MockHttpSession session = signIn(mvc, DEMO, "madoguchi", "madoguchi-demo");
        mvc.perform(get("/office/payments").session(session)).andExpect(status().isForbidden());
        mvc.perform(multipart("/office/payments/assessments/import").file(new MockMultipartFile("file", "c.csv",
                "text/csv", "x".getBytes(StandardCharsets.UTF_8))).session(session).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
