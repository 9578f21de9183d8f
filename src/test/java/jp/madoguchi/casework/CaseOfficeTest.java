package jp.madoguchi.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.madoguchi.application.Applicant;
import jp.madoguchi.application.ApplicationService;
import jp.madoguchi.application.CaseAction;
import jp.madoguchi.application.Draft;
import jp.madoguchi.application.Submitted;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.catalog.Prefill;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.identity.SignatureVerification;
import jp.madoguchi.identity.SignerCertificate;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.OfficeSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The office side: the queue, a case beside the register record with the differences (an audited read), and the
 * export of decided cases in UTF-8, UTF-8 with BOM, CP932 (refusing what CP932 cannot hold) and JSON.
 */
@MadoguchiIntegrationTest
class CaseOfficeTest {

    static final String DEMO = DemoDataLoader.DEMO_MUNICIPALITY.code();

    @Autowired MockMvc mvc;
    @Autowired ApplicationService applications;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    <T> T in(java.util.function.Supplier<T> work) {
        return TenantContext.callAs(DEMO, () -> tx.execute(s -> work.get()));
    }

    /** A decided 児童手当 case of a real demo resident (name and kana from the register), with another address. */
    long decidedCase(String childName) {
        Map<String, Object> person = in(() -> jdbc.sql("""
                select family_name || '\u3000' || given_name as name, name_kana, birth_date_code
                  from resident_record where superseded_at is null and nationality is null
                 order by atena_number limit 200""").query().listOfRows()).stream()
                .filter(r -> jp.madoguchi.kit.RegisterDate.fromCode(r.get("birth_date_code").toString()).toLocalDate()
                        .isPresent())
                .findFirst().orElseThrow();
        String subject = "office-" + UUID.randomUUID();
        LocalDate birth = jp.madoguchi.kit.RegisterDate.fromCode(person.get("birth_date_code").toString())
                .toLocalDate().orElseThrow();
        Applicant applicant = new Applicant("test", subject, person.get("name").toString(),
                person.get("name_kana").toString(), birth, null, "長野県窓口町どこか1番地");
        return in(() -> {
            Draft d = applications.createDraft("test", subject, List.of("jidou-teate-nintei"), Map.of(
                    Prefill.NAME, applicant.name(), Prefill.KANA, applicant.nameKana(), Prefill.BIRTHDATE, birth,
                    Prefill.ADDRESS, applicant.address(), Prefill.EMAIL, "office@example.jp"));
            Map<String, Object> raw = new LinkedHashMap<>(d.rawOf("jidou-teate-nintei"));
            raw.putAll(Map.of("postcode", "399-0001", "phone", "0263-00-0000", "pension", "kokumin",
                    "hasSpouse", "false", "usePublicAccount", "true", "declaration", "true"));
            raw.put("children", List.of(Map.of("name", childName, "kana", "マドグチ タロウ",
                    "birthDate", "reiwa|5|4|1", "relationship", "child", "livingTogether", "true")));
            applications.saveDraft(d, Map.of("jidou-teate-nintei", raw), 5);
            Draft full = applications.draft(d.id(), "test", subject).orElseThrow();
            ApplicationService.Prepared prepared = applications.prepare(full, applicant);
            Submitted s = applications.submit(prepared, prepared.contentSha256(), "office@example.jp", Channel.ONLINE,
                    new byte[] {1},
                    new SignatureVerification(SignatureVerification.Outcome.VALID, "有効", new SignerCertificate(
                            "CN=test", "CN=CA", "01", Instant.EPOCH, Instant.EPOCH, null, null, null, null)));
            long id = applications.application(s.applicationId()).orElseThrow().cases().get(0).id();
            AuditEvent.Actor staff = AuditEvent.Actor.staff(1, "審査");
            applications.act(id, 0, CaseAction.START_REVIEW, staff, Channel.OFFICE, null);
            applications.act(id, 1, CaseAction.DECIDE, staff, Channel.OFFICE, "決定");
            return id;
        });
    }

    @Test
    void theCasePageComparesWithTheRegisterAndTheReadIsAudited() throws Exception {
        long id = decidedCase("窓口 太郎");
        MockHttpSession staff = OfficeSession.signIn(mvc, DEMO, "shinsa", DemoDataLoader.DEMO_PASSWORD);
        String queue = mvc.perform(get("/office/cases").param("status", "DECIDED").session(staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("/office/cases/" + id);
        long before = in(() -> jdbc.sql("select count(*) from audit_event where via = 'office:case-compare'")
                .query(Long.class).single());
        String page = mvc.perform(get("/office/cases/" + id).param("compare", "true").session(staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("住民記録との照合", "相違あり", "長野県窓口町どこか1番地", "窓口 太郎");
        long after = in(() -> jdbc.sql("select count(*) from audit_event where via = 'office:case-compare'")
                .query(Long.class).single());
        assertThat(after).isGreaterThan(before);
    }

    @Test
    void decidedCasesAreExportedInEachEncodingAndCp932RefusesWhatItCannotHold() throws Exception {
        decidedCase("窓口 次郎");
        MockHttpSession staff = OfficeSession.signIn(mvc, DEMO, "shinsa", DemoDataLoader.DEMO_PASSWORD);
        byte[] utf8 = mvc.perform(get("/office/cases/export").param("procedure", "jidou-teate-nintei")
                .param("format", "csv").session(staff)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        String text = new String(utf8, StandardCharsets.UTF_8);
        assertThat(text).startsWith("受付番号,受付日時,決定日").contains("お子さん1_氏名", "窓口 次郎", "2023-04-01");
        byte[] bom = mvc.perform(get("/office/cases/export").param("procedure", "jidou-teate-nintei")
                .param("format", "csv-bom").param("wareki", "true").session(staff)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(bom[0]).isEqualTo((byte) 0xEF);
        assertThat(new String(bom, StandardCharsets.UTF_8)).contains("令和5年4月1日");
        String json = mvc.perform(get("/office/cases/export").param("procedure", "jidou-teate-nintei")
                .param("format", "json").session(staff)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"receiptNumber\"", "窓口 次郎");
        decidedCase("𠮷田 一");
        var refused = mvc.perform(get("/office/cases/export").param("procedure", "jidou-teate-nintei")
                .param("format", "cp932").session(staff)).andExpect(status().isUnprocessableContent()).andReturn();
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8) + refused.getResolvedException())
                .contains("𠮷", "Shift_JIS");
    }

    @Test
    void aCounterClerkMayReadButNotDecide() throws Exception {
        long id = decidedCase("窓口 三郎");
        MockHttpSession counter = OfficeSession.signIn(mvc, DEMO, "madoguchi", DemoDataLoader.DEMO_PASSWORD);
        mvc.perform(get("/office/cases/" + id).session(counter)).andExpect(status().isOk());
        mvc.perform(post("/office/cases/" + id + "/act").param("action", "COMPLETE").param("version", "2")
                .session(counter).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void aCaseIsPrintedWithItsFormLabelsEraDatesAndHowItWasReceived() throws Exception {
        long id = decidedCase("窓口 印刷");
        String receipt = in(() -> applications.caseSummary(id).orElseThrow().receiptNumber());
        MockHttpSession staff = OfficeSession.signIn(mvc, DEMO, "shinsa", DemoDataLoader.DEMO_PASSWORD);
        assertThat(mvc.perform(get("/office/cases/" + id).session(staff)).andReturn().getResponse()
                .getContentAsString()).contains("/office/cases/" + id + ".pdf");
        var response = mvc.perform(get("/office/cases/" + id + ".pdf").session(staff)).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(response.getContentAsByteArray())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains(receipt, "オンライン申請（電子署名あり・検証済み）", "状況 決定", "窓口 印刷",
                    "日中に連絡のつく電話番号", "0263-00-0000", "令和5年4月1日");
            assertThat(doc.getDocumentInformation().getTitle()).isNotBlank();
        }
        mvc.perform(get("/office/cases/99999999.pdf").session(staff)).andExpect(status().isNotFound());
    }
}
