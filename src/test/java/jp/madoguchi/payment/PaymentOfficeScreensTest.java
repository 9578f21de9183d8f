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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Optional;
import jp.madoguchi.payment.internal.format.ConvenienceStoreCsvFormat;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The 公金収納 screens with the demo municipality's accounting staff (会計), and who may not use them. */
@MadoguchiIntegrationTest
class PaymentOfficeScreensTest {

    static final String DEMO = "205991";

    @Autowired MockMvc mvc;
    @Autowired Assessments assessments;
    @Autowired Reconciliation reconciliation;

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
    void counterStaffMayNotUseTheScreens() throws Exception {
        MockHttpSession session = signIn(mvc, DEMO, "madoguchi", "madoguchi-demo");
        mvc.perform(get("/office/payments").session(session)).andExpect(status().isForbidden());
    }
}
