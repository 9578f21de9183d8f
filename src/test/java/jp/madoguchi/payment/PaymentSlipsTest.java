package jp.madoguchi.payment;

import static jp.madoguchi.payment.PaymentTestSupport.ACTOR;
import static jp.madoguchi.support.OfficeSession.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.madoguchi.kit.ConvenienceStoreBarcode;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.TestMunicipality;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 納付書 PDFs: reopened with PDFBox, the text carries the title, amount, due date (和暦), barcode digits, Pay-easy
 * numbers and eL番号; the printed barcode, rendered at 300 dpi, decodes to the same 44 digits; the font is embedded;
 * a batch has a page per open installment; staff of another municipality cannot download a slip.
 */
@MadoguchiIntegrationTest
class PaymentSlipsTest {

    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration register;
    @Autowired Assessments assessments;
    @Autowired PaymentSlips slips;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired MockMvc mvc;

    String code;

    @BeforeEach
    void municipality() {
        code = TestMunicipality.create(municipalities, staff, register, PaymentTestSupport.municipalityCode("20591"),
                "テスト納付書町", "ノウフ\u3000タロウ").code;
        TenantContext.runAs(code, () -> PaymentTestSupport.defineFunds(assessments));
    }

    private Installment third(int fiscalYear, long amount, LocalDate due) {
        String atena = PaymentTestSupport.atena();
        return TenantContext.callAs(code, () -> {
            assessments.create(new NewAssessment("kokuho", fiscalYear, "S" + atena, atena, List.of(
                    new NewAssessment.NewInstallment(1, due.minusMonths(2), 1_000),
                    new NewAssessment.NewInstallment(2, due.minusMonths(1), 1_000),
                    new NewAssessment.NewInstallment(3, due, amount))), "office", ACTOR);
            return assessments.installmentsOf(atena).stream().filter(i -> i.number() == 3).findFirst().orElseThrow();
        });
    }

    @Test
    void aSlipCarriesTitleAmountDueDateBarcodePayEasyAndELNumbersInAnEmbeddedFont() throws Exception {
        Installment i = third(2026, 12_345, LocalDate.of(2026, 9, 30));
        TenantContext.runAs(code, () -> transactions.executeWithoutResult(s -> jdbc.sql("""
                update payment_installment set el_institution_code = '99999', el_case_key = '0123456789012345678',
                    el_confirmation_number = '123456', el_item_number = '0001' where id = :id
                """).param("id", i.id()).update()));
        byte[] pdf = TenantContext.callAs(code, () -> slips.slip(i.id(), ACTOR)).orElseThrow();
        String barcode = i.paymentNumber().barcode(PaymentTestSupport.COMPANY, "01",
                Optional.of(i.effectiveDueDate()), 12_345).digits();

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("令和8年度 国民健康保険料 納付書 第3期", "テスト納付書町", i.atenaNumber(),
                    "12,345円", "令和8年9月30日", barcode, i.paymentNumber().digits(), "58001",
                    i.payEasyConfirmation(), "001", "0123456789012345678", "99999", "123456")
                    .doesNotContain("ノウフ");
            PDFont font = doc.getPage(0).getResources().getFont(
                    doc.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font).isInstanceOf(PDType0Font.class);
            assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
            assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansJP-Regular");

            String decoded = decodeBarcode(new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.GRAY));
            assertThat(decoded).hasSize(ConvenienceStoreBarcode.LENGTH).isEqualTo(barcode);
            assertThat(ConvenienceStoreBarcode.parse(decoded).amount()).isEqualTo(12_345);
        }
    }

    private static String decodeBarcode(BufferedImage page) throws Exception {
        Result result = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(page))), Map.of(DecodeHintType.POSSIBLE_FORMATS,
                List.of(BarcodeFormat.CODE_128), DecodeHintType.TRY_HARDER, Boolean.TRUE));
        assertThat(result.getBarcodeFormat()).isEqualTo(BarcodeFormat.CODE_128);
        return result.getText();
    }

    @Test
    void aBatchHasOnePagePerOpenInstallmentAndSkipsPaidAndCancelledOnes() throws Exception {
        int year = 2031;
        LocalDate due = LocalDate.of(2031, 9, 30);
        List<Installment> open = List.of(third(year, 5_000, due), third(year, 6_000, due), third(year, 7_000, due));
        Installment cancelled = third(year, 8_000, due);
        TenantContext.runAs(code, () -> assessments.cancelInstallment(cancelled.id(), "テスト", ACTOR));

        PaymentSlips.SlipBatch batch = TenantContext.callAs(code, () -> slips.batch("kokuho", year, 3, ACTOR));
        assertThat(batch.pages()).isEqualTo(3);
        try (PDDocument doc = Loader.loadPDF(batch.pdf())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= 3; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(doc);
                assertThat(page).contains("令和13年度 国民健康保険料 納付書 第3期");
                assertThat(open.stream().filter(i -> page.contains(i.paymentNumber().digits()))).hasSize(1);
            }
            assertThat(new PDFTextStripper().getText(doc)).doesNotContain(cancelled.paymentNumber().digits());
        }
        assertThatThrownBy(() -> TenantContext.callAs(code, () -> slips.slip(cancelled.id(), ACTOR)))
                .isInstanceOf(PaymentSlips.SlipException.class).hasMessageContaining("取消");
        assertThatThrownBy(() -> TenantContext.callAs(code, () -> slips.batch("kokuho", year, 9, ACTOR)))
                .isInstanceOf(PaymentSlips.SlipException.class).hasMessageContaining("第9期");
        assertThatThrownBy(() -> TenantContext.callAs(code, () -> slips.batch("nothing", year, 3, ACTOR)))
                .isInstanceOf(PaymentSlips.SlipException.class).hasMessageContaining("科目コード「nothing」");
    }

    @Test
    void officeDownloadsForAccountingOnlyAndNeverAcrossMunicipalities() throws Exception {
        Installment ours = third(2032, 4_321, LocalDate.of(2032, 7, 31));
        MockHttpSession admin = signIn(mvc, code, "admin", TestMunicipality.PASSWORD);
        mvc.perform(get("/office/payments").session(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("納付書の一括作成")))
                .andExpect(content().string(containsString("/office/payments/slips/" + ours.id() + ".pdf")));
        MvcResult one = mvc.perform(get("/office/payments/slips/{id}.pdf", ours.id()).session(admin))
                .andExpect(status().isOk()).andReturn();
        assertThat(one.getResponse().getContentType()).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(one.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("4,321円", ours.paymentNumber().digits());
        }
        MvcResult batch = mvc.perform(get("/office/payments/slips/batch.pdf").session(admin)
                .param("fund", "kokuho").param("fiscalYear", "2032").param("installment", "3"))
                .andExpect(status().isOk()).andReturn();
        assertThat(batch.getResponse().getHeader("X-Madoguchi-Slip-Pages")).isEqualTo("1");
        mvc.perform(get("/office/payments/slips/batch.pdf").session(admin)
                .param("fund", "kokuho").param("fiscalYear", "2032").param("installment", "8"))
                .andExpect(status().isUnprocessableContent());

        // the demo municipality's 会計 staff: the installment of another municipality does not exist for them
        MockHttpSession demoAccounting = signIn(mvc, "205991", "kaikei", "madoguchi-demo");
        mvc.perform(get("/office/payments/slips/{id}.pdf", ours.id()).session(demoAccounting))
                .andExpect(status().isNotFound());
        // a counter clerk of the same municipality may not download slips
        MockHttpSession counter = signIn(mvc, code, "counter", TestMunicipality.PASSWORD);
        mvc.perform(get("/office/payments/slips/{id}.pdf", ours.id()).session(counter))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBackgroundBatchShowsItsProgressAndOffersThePdfWhenDoneNeverToAnotherMunicipality() throws Exception {
        int year = 2033;
        LocalDate due = LocalDate.of(2033, 9, 30);
        List<Installment> open = List.of(third(year, 1_100, due), third(year, 2_200, due), third(year, 3_300, due));
        MockHttpSession admin = signIn(mvc, code, "admin", TestMunicipality.PASSWORD);

        // Refused at once with the reason when nothing is open: no batch queued.
        mvc.perform(post("/office/payments/slips/batches").session(admin).with(csrf())
                        .param("fund", "kokuho").param("fiscalYear", "2033").param("installment", "7"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("第7期に納付書を発行する未納の期別がありません")));

        MvcResult started = mvc.perform(post("/office/payments/slips/batches").session(admin).with(csrf())
                        .param("fund", "kokuho").param("fiscalYear", "2033").param("installment", "3"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String page = started.getResponse().getRedirectedUrl();
        assertThat(page).matches("/office/payments/slips/batches/[0-9a-f-]{36}");
        mvc.perform(get(page).session(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"batch-bar\"")))
                .andExpect(content().string(containsString("/ 3 件")));

        // Wait for the background job (no time is asserted: it only has to end).
        String state = "";
        for (int tries = 0; tries < 600 && !state.equals("DONE") && !state.equals("FAILED"); tries++) {
            String json = mvc.perform(get(page + "/progress").session(admin)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            state = json.replaceAll(".*\"state\":\"([A-Z]+)\".*", "$1");
            if (!state.equals("DONE")) {
                Thread.sleep(100);
            }
        }
        assertThat(state).isEqualTo("DONE");
        mvc.perform(get(page + "/progress").session(admin))
                .andExpect(content().string(containsString("\"done\":3,\"total\":3")));
        mvc.perform(get(page).session(admin)).andExpect(content().string(containsString("batch-download")));
        MvcResult pdf = mvc.perform(get(page + ".pdf").session(admin)).andExpect(status().isOk()).andReturn();
        try (PDDocument doc = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            String text = new PDFTextStripper().getText(doc);
            open.forEach(i -> assertThat(text).contains(i.paymentNumber().digits()));
        }
        long audited = TenantContext.callAs(code, () -> transactions.execute(s -> jdbc.sql(
                "select count(*) from audit_event where event_type = 'payment.slip.batch' and details->>'fiscalYear' = '2033'")
                .query(Long.class).single()));
        assertThat(audited).isEqualTo(1);

        // Another municipality's 会計 does not see the batch.
        MockHttpSession demoAccounting = signIn(mvc, "205991", "kaikei", "madoguchi-demo");
        mvc.perform(get(page).session(demoAccounting)).andExpect(status().isNotFound());
        mvc.perform(get(page + ".pdf").session(demoAccounting)).andExpect(status().isNotFound());
    }
}
