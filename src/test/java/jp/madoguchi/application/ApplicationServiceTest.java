package jp.madoguchi.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.catalog.CatalogFile;
import jp.madoguchi.catalog.Prefill;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.identity.SignatureVerification;
import jp.madoguchi.identity.SignerCertificate;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.TestMunicipality;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submissions and cases through the service: one application however many times a draft is submitted at once,
 * the transition table, the version check, the e-mails in the outbox, and tenancy.
 */
@MadoguchiIntegrationTest
class ApplicationServiceTest {

    static final String DEMO = DemoDataLoader.DEMO_MUNICIPALITY.code();
    static final SignatureVerification VALID = new SignatureVerification(SignatureVerification.Outcome.VALID, "有効な署名です",
            new SignerCertificate("CN=test", "CN=test CA", "01", Instant.EPOCH, Instant.EPOCH, null, null, null, null));

    @Autowired ApplicationService applications;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration registration;
    @Autowired jp.madoguchi.catalog.CatalogVersions catalogs;
    @Autowired jp.madoguchi.catalog.DefaultCatalog defaults;

    <T> T in(String tenant, java.util.function.Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> tx.execute(s -> work.get()));
    }

    static Applicant applicant(String subject) {
        return new Applicant("test", subject, "窓口 花子", "マドグチ ハナコ", LocalDate.of(1990, 5, 5), "女性",
                "長野県窓口町本町一丁目1番地1");
    }

    /** A complete 児童手当 draft: one child, 公金受取口座, no spouse. */
    Draft completeDraft(String tenant, String subject) {
        return in(tenant, () -> {
            Draft d = applications.createDraft("test", subject, List.of("jidou-teate-nintei"),
                    Map.of(Prefill.NAME, "窓口 花子", Prefill.KANA, "マドグチ ハナコ",
                            Prefill.BIRTHDATE, LocalDate.of(1990, 5, 5), Prefill.ADDRESS, "長野県窓口町本町一丁目1番地1",
                            Prefill.EMAIL, subject + "@example.jp"));
            Map<String, Object> raw = new LinkedHashMap<>(d.rawOf("jidou-teate-nintei"));
            raw.put("postcode", "399-0001");
            raw.put("phone", "0263-00-0000");
            raw.put("pension", "kokumin");
            raw.put("hasSpouse", "false");
            raw.put("children", List.of(Map.of("name", "窓口 太郎", "kana", "まどぐち たろう",
                    "birthDate", "reiwa|5|4|1", "relationship", "child", "livingTogether", "true")));
            raw.put("usePublicAccount", "true");
            raw.put("declaration", "true");
            applications.saveDraft(d, Map.of("jidou-teate-nintei", raw), 5);
            return applications.draft(d.id(), "test", subject).orElseThrow();
        });
    }

    Submitted submit(String tenant, Draft d, String subject) {
        return in(tenant, () -> {
            ApplicationService.Prepared p = applications.prepare(d, applicant(subject));
            return applications.submit(p, p.contentSha256(), subject + "@example.jp", Channel.ONLINE,
                    new byte[] {1, 2, 3}, VALID);
        });
    }

    @Test
    void theSameDraftSubmittedConcurrentlyYieldsOneApplication() throws Exception {
        String subject = "dup-" + UUID.randomUUID();
        Draft d = completeDraft(DEMO, subject);
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Submitted>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return submit(DEMO, d, subject);
            }));
        }
        start.countDown();
        Set<String> receipts = new HashSet<>();
        int fresh = 0;
        for (Future<Submitted> f : results) {
            Submitted s = f.get();
            receipts.add(s.receiptNumber());
            fresh += s.repeated() ? 0 : 1;
        }
        pool.shutdown();
        assertThat(receipts).hasSize(1);
        assertThat(fresh).isEqualTo(1);
        long rows = in(DEMO, () -> jdbc.sql("select count(*) from application where applicant_subject = ?")
                .param(subject).query(Long.class).single());
        assertThat(rows).isEqualTo(1);
        long cases = in(DEMO, () -> jdbc.sql("""
                select count(*) from application_case c join application a on a.id = c.application_id
                 where a.applicant_subject = ?""").param(subject).query(Long.class).single());
        assertThat(cases).isEqualTo(1);
        assertThat(receipts.iterator().next()).matches("\\d{4}-\\d{7}-\\d");
    }

    @Test
    void aSignatureIsRequiredAndAWrongOneIsRefusedWithItsReason() {
        String subject = "sig-" + UUID.randomUUID();
        Draft d = completeDraft(DEMO, subject);
        assertThatThrownBy(() -> in(DEMO, () -> {
            ApplicationService.Prepared p = applications.prepare(d, applicant(subject));
            return applications.submit(p, p.contentSha256(), null, Channel.ONLINE, null, null);
        })).isInstanceOf(SubmissionException.class).hasMessageContaining("電子署名");
        SignatureVerification tampered = new SignatureVerification(SignatureVerification.Outcome.CONTENT_MISMATCH,
                "署名された内容と送信された内容が一致しません", null);
        assertThatThrownBy(() -> in(DEMO, () -> {
            ApplicationService.Prepared p = applications.prepare(d, applicant(subject));
            return applications.submit(p, p.contentSha256(), null, Channel.ONLINE, new byte[] {1}, tampered);
        })).isInstanceOf(SubmissionException.class).hasMessageContaining("一致しません");
        assertThat(in(DEMO, () -> applications.applicationsOf("test", subject))).isEmpty();
        // The refusal is in the audit trail although the submission's transaction rolled back.
        assertThat(in(DEMO, () -> jdbc.sql("select count(*) from audit_event where event_type = "
                + "'application.signature-refused' and subject_id = ? and details ->> 'outcome' = 'CONTENT_MISMATCH'")
                .param(d.id().toString()).query(Long.class).single())).isEqualTo(1);
    }

    @Test
    void contentChangedAfterConfirmationIsRefused() {
        String subject = "changed-" + UUID.randomUUID();
        Draft d = completeDraft(DEMO, subject);
        String confirmed = in(DEMO, () -> applications.prepare(d, applicant(subject)).contentSha256());
        Draft changed = in(DEMO, () -> {
            Map<String, Object> raw = new LinkedHashMap<>(d.rawOf("jidou-teate-nintei"));
            raw.put("phone", "0263-11-1111");
            applications.saveDraft(d, Map.of("jidou-teate-nintei", raw), 5);
            return applications.draft(d.id(), "test", subject).orElseThrow();
        });
        assertThatThrownBy(() -> in(DEMO, () -> applications.submit(applications.prepare(changed, applicant(subject)),
                confirmed, null, Channel.ONLINE, new byte[] {1}, VALID))).isInstanceOf(SubmissionException.class)
                .hasMessageContaining("内容が変わりました");
    }

    @Test
    void invalidFieldsAreReportedWithTheirPlaceAndNothingIsSaved() {
        String subject = "invalid-" + UUID.randomUUID();
        Draft d = in(DEMO, () -> applications.createDraft("test", subject, List.of("jidou-teate-nintei"), Map.of()));
        SubmissionException e = (SubmissionException) org.assertj.core.api.Assertions.catchThrowable(() -> in(DEMO,
                () -> {
                    ApplicationService.Prepared p = applications.prepare(d, applicant(subject));
                    return applications.submit(p, p.contentSha256(), null, Channel.ONLINE, new byte[] {1}, VALID);
                }));
        assertThat(e).isNotNull();
        assertThat(e.fieldErrors()).extracting(jp.madoguchi.catalog.FormInput.FieldError::path)
                .contains("applicantName", "children", "declaration");
        assertThat(in(DEMO, () -> applications.applicationsOf("test", subject))).isEmpty();
    }

    @Test
    void casesFollowTheTransitionTableAndTheResidentIsEmailed() {
        String subject = "flow-" + UUID.randomUUID();
        Draft d = completeDraft(DEMO, subject);
        Submitted s = submit(DEMO, d, subject);
        CaseSummary c = in(DEMO, () -> applications.application(s.applicationId()).orElseThrow().cases().get(0));
        AuditEvent.Actor staffActor = AuditEvent.Actor.staff(1, "審査 一郎");
        AuditEvent.Actor resident = new AuditEvent.Actor(AuditEvent.Actor.Kind.RESIDENT, null, null);
        assertThatThrownBy(() -> in(DEMO, () -> applications.act(c.id(), c.version(), CaseAction.DECIDE, staffActor,
                Channel.OFFICE, null))).isInstanceOf(CaseException.class).hasMessageContaining("「受付」の案件には「決定」はできません");
        in(DEMO, () -> applications.act(c.id(), 0, CaseAction.START_REVIEW, staffActor, Channel.OFFICE, null));
        assertThatThrownBy(() -> in(DEMO, () -> applications.act(c.id(), 0, CaseAction.REQUEST_CORRECTION, staffActor,
                Channel.OFFICE, "通帳の写しを添付してください"))).hasMessageContaining("先に更新しました");
        assertThatThrownBy(() -> in(DEMO, () -> applications.act(c.id(), 1, CaseAction.REQUEST_CORRECTION, staffActor,
                Channel.OFFICE, " "))).hasMessageContaining("補正をお願いする内容");
        in(DEMO, () -> applications.act(c.id(), 1, CaseAction.REQUEST_CORRECTION, staffActor, Channel.OFFICE,
                "通帳の写しを添付してください"));
        assertThatThrownBy(() -> in(DEMO, () -> applications.act(c.id(), 2, CaseAction.DECIDE, resident,
                Channel.ONLINE, null))).hasMessageContaining("職員だけ");
        in(DEMO, () -> applications.act(c.id(), 2, CaseAction.ANSWER_CORRECTION, resident, Channel.ONLINE,
                "郵送で提出しました"));
        in(DEMO, () -> applications.act(c.id(), 3, CaseAction.DECIDE, staffActor, Channel.OFFICE, "月額10,000円"));
        CaseSummary decided = in(DEMO, () -> applications.caseSummary(c.id()).orElseThrow());
        assertThat(decided.status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(in(DEMO, () -> applications.events(c.id(), true))).extracting(CaseEvent::action)
                .containsExactly("SUBMITTED", "START_REVIEW", "REQUEST_CORRECTION", "ANSWER_CORRECTION", "DECIDE");
        List<String> subjects = in(DEMO, () -> jdbc.sql("""
                select subject from notification_outbox where recipient = ? order by id""")
                .param(subject + "@example.jp").query(String.class).list());
        assertThat(subjects).hasSize(3);
        assertThat(subjects.get(0)).contains("申請を受け付けました", s.receiptNumber());
        assertThat(subjects.get(1)).contains("補正のお願い");
        assertThat(subjects.get(2)).contains("審査結果");
        assertThat(in(DEMO, () -> applications.decided("jidou-teate-nintei"))).extracting(d2 -> d2.summary().id())
                .contains(c.id());
    }

    @Test
    void anotherMunicipalitySeesNoneOfIt() {
        TestMunicipality other = TestMunicipality.create(municipalities, staff, registration, "205931", "テスト町",
                "テスト　タロウ");
        String subject = "tenant-" + UUID.randomUUID();
        Draft d = completeDraft(DEMO, subject);
        Submitted s = submit(DEMO, d, subject);
        assertThat(in(other.code, () -> applications.draft(d.id(), "test", subject))).isEmpty();
        assertThat(in(other.code, () -> applications.application(s.applicationId()))).isEmpty();
        assertThat(in(other.code, () -> applications.applicationsOf("test", subject))).isEmpty();
        assertThat(in(other.code, () -> applications.queue(null, null, false, null, 1000)))
                .noneMatch(c -> c.applicationId() == s.applicationId());
        for (String table : List.of("application_draft", "application_attachment", "application", "application_case",
                "case_event")) {
            long visible = in(other.code, () -> jdbc.sql("select count(*) from " + table
                    + " where municipality_code = ?").param(DEMO).query(Long.class).single());
            assertThat(visible).as(table).isZero();
        }
    }

    @Test
    void aCaseIsShownOnTheFormItWasSubmittedOnAfterTheCatalogChanges() {
        TestMunicipality town = TestMunicipality.create(municipalities, staff, registration, "205818", "版テスト町",
                "テスト　ハナコ");
        AuditEvent.Actor actor = AuditEvent.Actor.system("test");
        String oldLabel = "日中に連絡のつく電話番号";
        in(town.code, () -> catalogs.versions().isEmpty()
                ? catalogs.importPublished(defaults.files(), applications.today(), "初版", actor) : null);
        String subject = "version-" + UUID.randomUUID();
        Submitted s = submit(town.code, completeDraft(town.code, subject), subject);
        long caseId = in(town.code, () -> jdbc.sql("select id from application_case where application_id = ?")
                .param(s.applicationId()).query(Long.class).single());

        // The town renames the field in a new version in force from today.
        List<CatalogFile> changed = defaults.files().stream()
                .map(f -> f.path().equals("forms/jidou-teate-nintei.yaml")
                        ? new CatalogFile(f.path(), f.text().replace("label: " + oldLabel, "label: 連絡先電話番号（日中）"))
                        : f)
                .toList();
        in(town.code, () -> catalogs.importPublished(changed, applications.today(), "電話番号の表示を変更", actor));

        assertThat(in(town.code, () -> applications.form("jidou-teate-nintei").field("phone").orElseThrow().label()))
                .isEqualTo("連絡先電話番号（日中）");
        assertThat(in(town.code, () -> applications.formOfCase(caseId).field("phone").orElseThrow().label()))
                .isEqualTo(oldLabel);
        // A case submitted now is on the new version.
        String later = "version-" + UUID.randomUUID();
        Submitted s2 = submit(town.code, completeDraft(town.code, later), later);
        long case2 = in(town.code, () -> jdbc.sql("select id from application_case where application_id = ?")
                .param(s2.applicationId()).query(Long.class).single());
        assertThat(in(town.code, () -> applications.formOfCase(case2).field("phone").orElseThrow().label()))
                .isEqualTo("連絡先電話番号（日中）");
    }

    static byte[] onePagePdf() throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aCorrectionIsAnsweredWithFilesAndABadFileLosesNothing() throws Exception {
        String subject = "answer-" + UUID.randomUUID();
        Submitted s = submit(DEMO, completeDraft(DEMO, subject), subject);
        CaseSummary c = in(DEMO, () -> applications.application(s.applicationId()).orElseThrow().cases().get(0));
        AuditEvent.Actor staffActor = AuditEvent.Actor.staff(1, "審査 一郎");
        in(DEMO, () -> applications.act(c.id(), 0, CaseAction.START_REVIEW, staffActor, Channel.OFFICE, null));
        in(DEMO, () -> applications.act(c.id(), 1, CaseAction.REQUEST_CORRECTION, staffActor, Channel.OFFICE,
                "健康保険証の写しを提出してください"));
        byte[] pdf = onePagePdf();

        // Neither text nor a file; a text file named .pdf next to a good one: refused, nothing stored.
        assertThatThrownBy(() -> in(DEMO, () -> applications.answerCorrection(c.id(), 2, " ", List.of())))
                .isInstanceOf(CaseException.class).hasMessageContaining("ファイルを添付してください");
        assertThatThrownBy(() -> in(DEMO, () -> applications.answerCorrection(c.id(), 2, "送ります", List.of(
                new ApplicationService.Upload("hoken.pdf", pdf),
                new ApplicationService.Upload("memo.pdf", "ただのテキスト".getBytes(java.nio.charset.StandardCharsets.UTF_8))))))
                .isInstanceOf(AttachmentException.class).hasMessageContaining("2つ目のファイル「memo.pdf」")
                .hasMessageContaining("中身で判定");
        long correctionFiles = in(DEMO, () -> jdbc.sql("select count(*) from application_attachment where field_path = ?")
                .param("correction:" + c.id()).query(Long.class).single());
        assertThat(correctionFiles).isZero();
        assertThat(in(DEMO, () -> applications.caseSummary(c.id()).orElseThrow().status()))
                .isEqualTo(CaseStatus.CORRECTION_REQUESTED);

        // A file alone is an answer; it is listed on the answer's event, for staff and the resident.
        in(DEMO, () -> applications.answerCorrection(c.id(), 2, null, List.of(new ApplicationService.Upload("hoken.pdf", pdf))));
        CaseEvent answer = in(DEMO, () -> applications.events(c.id(), true)).stream()
                .filter(e -> e.action().equals("ANSWER_CORRECTION")).findFirst().orElseThrow();
        assertThat(answer.comment()).isNull();
        assertThat(answer.attachments()).singleElement().satisfies(f -> {
            assertThat(f.originalName()).isEqualTo("hoken.pdf");
            assertThat(f.mediaType()).isEqualTo("application/pdf");
        });
        UUID draftId = in(DEMO, () -> applications.application(s.applicationId()).orElseThrow().draftId());
        assertThat(in(DEMO, () -> applications.attachmentContent(answer.attachments().get(0).id(), draftId)))
                .hasValue(pdf);
        assertThat(in(DEMO, () -> applications.caseSummary(c.id()).orElseThrow().status()))
                .isEqualTo(CaseAction.ANSWER_CORRECTION.apply(CaseStatus.CORRECTION_REQUESTED));
    }
}
