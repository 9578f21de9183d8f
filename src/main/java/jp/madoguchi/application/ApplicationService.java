package jp.madoguchi.application;

import jp.madoguchi.catalog.FormInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.catalog.Catalog;
import jp.madoguchi.catalog.CatalogVersions;
import jp.madoguchi.catalog.FieldType;
import jp.madoguchi.catalog.Form;
import jp.madoguchi.catalog.FormField;
import jp.madoguchi.catalog.Procedure;
import jp.madoguchi.identity.SignatureVerification;
import jp.madoguchi.kit.CheckDigits;
import jp.madoguchi.kit.OfficeCalendar;
import jp.madoguchi.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * オンライン申請 — drafts, attachments, the one idempotent submission, and the cases it becomes, with their
 * transitions and history. Used by the portal (residents), the office (staff) and the counter. Runs in the caller's
 * tenant; every table is isolated by row-level security.
 */
@Service
public class ApplicationService {

    private static final TypeReference<Map<String, Map<String, Object>>> RAW = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CatalogVersions catalogs;
    private final AuditTrail audit;
    private final ApplicationMessages messages;
    private final Clock clock;
    private final OfficeCalendar calendar = OfficeCalendar.standard();
    /** For what must be recorded even when the caller's transaction rolls back (a refused signature). */
    private final TransactionTemplate independent;

    ApplicationService(JdbcClient jdbc, JsonMapper json, CatalogVersions catalogs, AuditTrail audit,
            ApplicationMessages messages, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.catalogs = catalogs;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.independent = new TransactionTemplate(transactions);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The catalog in force today for the current tenant. */
    public Catalog catalog() {
        return catalogs.catalogInForce(today())
                .orElseThrow(() -> new CaseException("手続カタログが公開されていません"));
    }

    /** A procedure's form (online or counter) in the catalog in force. */
    public Form form(String procedure) {
        return catalog().form(procedure)
                .orElseThrow(() -> new CaseException("手続「" + procedure + "」には申請フォームがありません"));
    }

    /**
     * A procedure's online form in the catalog in force: a counter form (a procedure not applied for online here) is
     * refused.
     */
    public Form onlineForm(String procedure) {
        return catalog().onlineForm(procedure)
                .orElseThrow(() -> new CaseException("手続「" + procedure + "」のオンライン申請はありません"));
    }

    // ---------------------------------------------------------------------------------------------------- drafts

    /** Starts a draft for {@code procedures}, prefilled with what the identity provider told us. */
    @Transactional
    public Draft createDraft(String provider, String subject, List<String> procedures,
            Map<jp.madoguchi.catalog.Prefill, Object> facts) {
        if (procedures.isEmpty()) {
            throw new CaseException("申請する手続を選んでください");
        }
        Map<String, Map<String, Object>> raw = new LinkedHashMap<>();
        for (String code : procedures) {
            Form form = onlineForm(code);
            Map<String, Object> values = new LinkedHashMap<>();
            form.fields().forEach(f -> prefill(f, facts).ifPresent(v -> values.put(f.id(), v)));
            raw.put(code, values);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into application_draft (id, municipality_code, owner_provider, owner_subject, procedures, raw)
                values (?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(id, TenantContext.require(), provider, subject, procedures.toArray(String[]::new),
                        json.writeValueAsString(raw))
                .update();
        return draft(id, provider, subject).orElseThrow();
    }

    private static Optional<Object> prefill(FormField f, Map<jp.madoguchi.catalog.Prefill, Object> facts) {
        if (f.prefill() == null || facts.get(f.prefill()) == null) {
            return Optional.empty();
        }
        Object fact = facts.get(f.prefill());
        if (fact instanceof LocalDate d) {
            return Optional.of(FormInput.rawDate(d));
        }
        return Optional.of(fact.toString());
    }

    /** A draft of this resident (drafts of others are not found). */
    public Optional<Draft> draft(UUID id, String provider, String subject) {
        return jdbc.sql("""
                select * from application_draft where id = ? and owner_provider = ? and owner_subject = ?""")
                .params(id, provider, subject).query(this::draftRow).optional();
    }

    /** This resident's drafts not yet submitted, newest first. */
    public List<Draft> openDrafts(String provider, String subject) {
        return jdbc.sql("""
                select * from application_draft
                 where owner_provider = ? and owner_subject = ? and submitted_application_id is null
                 order by updated_at desc""")
                .params(provider, subject).query(this::draftRow).list();
    }

    @Transactional
    public void saveDraft(Draft draft, Map<String, Map<String, Object>> raw, int currentStep) {
        if (draft.submitted()) {
            throw new CaseException("この申請は送信済みです。変更はできません");
        }
        jdbc.sql("""
                update application_draft set raw = cast(? as jsonb), current_step = ?, updated_at = now()
                 where id = ? and submitted_application_id is null""")
                .params(json.writeValueAsString(raw), currentStep, draft.id()).update();
    }

    @Transactional
    public void deleteDraft(Draft draft) {
        jdbc.sql("delete from application_attachment where draft_id = ?").param(draft.id()).update();
        jdbc.sql("delete from application_draft where id = ? and submitted_application_id is null").param(draft.id())
                .update();
    }

    private Draft draftRow(ResultSet rs, int row) throws SQLException {
        Long submitted = rs.getObject("submitted_application_id", Long.class);
        return new Draft(rs.getObject("id", UUID.class), rs.getString("owner_provider"), rs.getString("owner_subject"),
                List.of((String[]) rs.getArray("procedures").getArray()),
                json.readValue(rs.getString("raw"), RAW), rs.getInt("current_step"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), submitted);
    }

    // ----------------------------------------------------------------------------------------------- attachments

    /**
     * Stores an upload for a field of a draft, checked by content.
     *
     * @throws AttachmentException when it is empty, too large, of a type the field does not accept, or malformed
     */
    @Transactional
    public AttachmentInfo attach(Draft draft, String fieldPath, List<String> accept, String originalName,
            byte[] content) {
        return store(draft.id(), fieldPath, originalName, content, accept);
    }

    /** Checks an upload by content and stores it with a draft (and so with the application submitted from it). */
    private AttachmentInfo store(UUID draftId, String fieldPath, String originalName, byte[] content,
            List<String> accept) {
        String type = AttachmentCheck.check(content, accept);
        UUID id = UUID.randomUUID();
        String name = safeName(originalName);
        jdbc.sql("""
                insert into application_attachment (id, municipality_code, draft_id, owner_subject, field_path,
                    media_type, size_bytes, sha256, original_name, content)
                select ?, municipality_code, id, owner_subject, ?, ?, ?, ?, ?, ? from application_draft where id = ?""")
                .params(id, fieldPath, type, content.length, sha256(content), name, content, draftId)
                .update();
        return attachment(id).orElseThrow();
    }

    private static String safeName(String originalName) {
        String name = originalName == null || originalName.isBlank() ? "添付ファイル"
                : originalName.replaceAll("[\\p{Cntrl}/\\\\]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    public Optional<AttachmentInfo> attachment(UUID id) {
        return jdbc.sql("""
                select id, field_path, media_type, size_bytes, sha256, original_name
                  from application_attachment where id = ?""")
                .param(id).query((rs, n) -> new AttachmentInfo(rs.getObject("id", UUID.class),
                        rs.getString("field_path"), rs.getString("media_type"), rs.getInt("size_bytes"),
                        HexFormat.of().formatHex(rs.getBytes("sha256")), rs.getString("original_name")))
                .optional();
    }

    /** The attachments of a draft, by id. */
    public Map<String, AttachmentInfo> attachments(UUID draftId) {
        Map<String, AttachmentInfo> out = new LinkedHashMap<>();
        jdbc.sql("""
                select id, field_path, media_type, size_bytes, sha256, original_name
                  from application_attachment where draft_id = ? order by created_at""")
                .param(draftId).query((rs, n) -> new AttachmentInfo(rs.getObject("id", UUID.class),
                        rs.getString("field_path"), rs.getString("media_type"), rs.getInt("size_bytes"),
                        HexFormat.of().formatHex(rs.getBytes("sha256")), rs.getString("original_name")))
                .list().forEach(a -> out.put(a.id().toString(), a));
        return out;
    }

    /** An attachment's bytes, if it belongs to the draft or application it is asked through. */
    public Optional<byte[]> attachmentContent(UUID id, UUID draftId) {
        return jdbc.sql("select content from application_attachment where id = ? and draft_id = ?")
                .params(id, draftId).query((rs, n) -> rs.getBytes(1)).optional();
    }

    // ------------------------------------------------------------------------------------------------ submission

    /**
     * A draft read once for confirmation and submission: every procedure's typed values and problems, whether a
     * signature is required, and the canonical bytes of the submission — what the resident confirms and, when
     * required, signs (sorted keys, UTF-8 JSON; dates as ISO dates; attachments by their SHA-256).
     *
     * @param formEmail the first e-mail address typed in a form (where notices go), or {@code null}
     */
    public record Prepared(Draft draft, Applicant applicant, Map<String, FormInput.Reading> readings,
            Map<String, AttachmentInfo> attachments, boolean signatureRequired, byte[] content, String formEmail) {

        /** All problems of all procedures. */
        public List<FormInput.FieldError> errors() {
            return readings.values().stream().flatMap(r -> r.errors().stream()).toList();
        }

        /** The SHA-256 of {@link #content} in hex: the confirmation page carries it back to the submission. */
        public String contentSha256() {
            return HexFormat.of().formatHex(sha256(content));
        }
    }

    /** Reads a draft once: its attachments, each procedure's form, and the canonical content. */
    public Prepared prepare(Draft draft, Applicant applicant) {
        Map<String, AttachmentInfo> files = attachments(draft.id());
        Map<String, FormInput.Reading> readings = new LinkedHashMap<>();
        boolean signature = false;
        String email = null;
        Map<String, Object> doc = new TreeMap<>();
        doc.put("format", "madoguchi-application/1");
        doc.put("municipality", TenantContext.require());
        doc.put("draft", draft.id().toString());
        doc.put("applicant", new TreeMap<>(applicantJson(applicant)));
        List<Object> procedures = new ArrayList<>();
        for (String code : draft.procedures()) {
            Form form = onlineForm(code);
            FormInput.Reading reading = FormInput.read(form, draft.rawOf(code), today(), files::containsKey, null);
            readings.put(code, reading);
            signature |= form.signatureRequired();
            for (FormField f : form.fields()) {
                if (email == null && f.type() == FieldType.EMAIL && reading.values().get(f.id()) != null) {
                    email = reading.values().get(f.id()).toString();
                }
            }
            Map<String, Object> p = new TreeMap<>();
            p.put("procedure", code);
            p.put("form", form.title());
            p.put("values", canonical(reading.values()));
            procedures.add(p);
        }
        doc.put("procedures", procedures);
        Map<String, Object> attached = new TreeMap<>();
        files.forEach((id, a) -> attached.put(id, new TreeMap<>(Map.of("sha256", a.sha256Hex(), "type", a.mediaType(),
                "size", a.sizeBytes()))));
        doc.put("attachments", attached);
        return new Prepared(draft, applicant, readings, files, signature,
                json.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8), email);
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), canonical(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(ApplicationService::canonical).toList();
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        return value;
    }

    /**
     * Submits a prepared draft: checks every field (the server is authoritative), that the content is the one the
     * resident confirmed ({@code confirmedSha256}, carried by the confirmation page), and the signature when one is
     * required; then stores the application and one case per procedure in one transaction — or nothing. The
     * draft's id is the idempotency key: the same draft submitted twice (double click, retry, two tabs) yields the
     * first application. A refused signature is recorded in the audit trail even though nothing else is stored.
     *
     * @param signature a detached CMS signature over {@link Prepared#content()}, or {@code null}
     * @param verification the verifier's result for it, or {@code null} when no signature was given
     * @throws SubmissionException when a field is invalid, the content changed after confirmation, or the
     *     signature is missing, wrong or tampered
     */
    @Transactional
    public Submitted submit(Prepared prepared, String confirmedSha256, String email, Channel channel,
            byte[] signature, SignatureVerification verification) {
        Draft draft = prepared.draft();
        Optional<Submitted> earlier = byIdempotencyKey(draft.id());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<FormInput.FieldError> errors = prepared.errors();
        if (!errors.isEmpty()) {
            throw new SubmissionException("入力内容に誤りがあります（" + errors.size() + "件）", errors);
        }
        if (!prepared.contentSha256().equals(confirmedSha256)) {
            throw new SubmissionException("確認画面を表示した後に申請内容が変わりました。もう一度確認してください", List.of());
        }
        if (prepared.signatureRequired()) {
            if (signature == null || verification == null) {
                throw new SubmissionException("この申請には電子署名（マイナンバーカードの署名用電子証明書）が必要です", List.of());
            }
            if (!verification.valid()) {
                independent.executeWithoutResult(s -> audit.record(new AuditEvent("application.signature-refused",
                        residentActor(), channel, "application_draft", draft.id().toString(), null, "portal",
                        Map.of("outcome", verification.outcome().name()))));
                throw new SubmissionException("電子署名を確認できませんでした：" + verification.reason(), List.of());
            }
        }
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        prepared.readings().forEach((code, r) -> values.put(code, r.values()));
        return store(draft.id(), draft.procedures(), values, prepared.applicant(), email, channel, prepared.content(),
                signature, verification == null ? null : json.writeValueAsString(verificationJson(verification)),
                residentActor(), null, true);
    }

    /** The raw value of an attachment field whose original staff saw at the counter (no file is stored). */
    public static final String SEEN_AT_COUNTER = "counter:original-seen";

    /** One procedure of a counter submission: the raw values (as in a draft) staff prepared with the visitor. */
    public record CounterProcedure(String procedure, Map<String, Object> raw) {
    }

    /**
     * 窓口での申請 — submits procedures prepared at the counter (書かないワンストップ窓口), channel {@link Channel#COUNTER}.
     * No electronic signature is asked: staff verified the applicant's identity in person ({@code identityCheck}
     * says how, e.g. 「マイナンバーカード（暗証番号照合）」), which is stored as the application's signature result
     * ({@code outcome: IN_PERSON}) and in each case's first event. Attachment fields take {@link #SEEN_AT_COUNTER}:
     * the original was seen at the counter. Every field is checked as for an online submission; the whole submission
     * is stored in one transaction, idempotently by {@code idempotencyKey} (e.g. the visit's id).
     *
     * @throws SubmissionException when a field is invalid (nothing is stored)
     */
    @Transactional
    public Submitted submitAtCounter(UUID idempotencyKey, Applicant applicant, List<CounterProcedure> procedures,
            AuditEvent.Actor staff, String identityCheck) {
        Optional<Submitted> earlier = byIdempotencyKey(idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (procedures.isEmpty()) {
            throw new SubmissionException("申請する手続がありません", List.of());
        }
        if (identityCheck == null || identityCheck.isBlank()) {
            throw new SubmissionException("窓口での本人確認の方法が記録されていません", List.of());
        }
        List<FormInput.FieldError> errors = new ArrayList<>();
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        List<String> codes = new ArrayList<>();
        List<Object> doc = new ArrayList<>();
        for (CounterProcedure p : procedures) {
            Form form = form(p.procedure());
            FormInput.Reading r = FormInput.read(form, p.raw(), today(), SEEN_AT_COUNTER::equals, null);
            r.errors().forEach(e -> errors.add(new FormInput.FieldError(p.procedure() + ":" + e.path(),
                    form.title() + "：" + e.label(), e.message())));
            values.put(p.procedure(), r.values());
            codes.add(p.procedure());
            Map<String, Object> entry = new TreeMap<>();
            entry.put("procedure", p.procedure());
            entry.put("form", form.title());
            entry.put("values", canonical(r.values()));
            doc.add(entry);
        }
        if (!errors.isEmpty()) {
            throw new SubmissionException("入力内容に誤りがあります（" + errors.size() + "件）", errors);
        }
        Map<String, Object> canonicalDoc = new TreeMap<>();
        canonicalDoc.put("format", "madoguchi-counter-application/1");
        canonicalDoc.put("municipality", TenantContext.require());
        canonicalDoc.put("key", idempotencyKey.toString());
        canonicalDoc.put("applicant", applicantJson(applicant));
        canonicalDoc.put("procedures", doc);
        byte[] content = json.writeValueAsString(canonicalDoc).getBytes(StandardCharsets.UTF_8);
        Map<String, Object> inPerson = new LinkedHashMap<>();
        inPerson.put("outcome", "IN_PERSON");
        inPerson.put("reason", identityCheck);
        inPerson.put("staff", staff.name());
        return store(idempotencyKey, codes, values, applicant, null, Channel.COUNTER, content, null,
                json.writeValueAsString(inPerson), staff, "窓口で本人確認済み：" + identityCheck, false);
    }

    private static Map<String, Object> applicantJson(Applicant applicant) {
        Map<String, Object> applicantJson = new LinkedHashMap<>();
        applicantJson.put("name", applicant.name());
        applicantJson.put("nameKana", applicant.nameKana());
        applicantJson.put("birthDate", applicant.birthDate() == null ? null : applicant.birthDate().toString());
        applicantJson.put("sex", applicant.sex());
        applicantJson.put("address", applicant.address());
        return applicantJson;
    }

    /** Stores an application and one case per procedure (shared by the online and the counter submission). */
    private Submitted store(UUID key, List<String> procedureCodes, Map<String, Map<String, Object>> values,
            Applicant applicant, String email, Channel channel, byte[] content, byte[] signature,
            String signatureResultJson, AuditEvent.Actor actor, String submittedComment, boolean fromDraft) {
        String tenant = TenantContext.require();
        long seq = jdbc.sql("select nextval('application_receipt_seq')").query(Long.class).single();
        String receipt = receiptNumber(seq);
        Long id = jdbc.sql("""
                insert into application (municipality_code, receipt_number, idempotency_key, channel, applicant_provider,
                    applicant_subject, applicant, email, content, content_sha256, signature, signature_result)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, cast(? as jsonb))
                on conflict (municipality_code, idempotency_key) do nothing
                returning id""")
                .params(tenant, receipt, key, channel.name(), applicant.provider(), applicant.subject(),
                        json.writeValueAsString(applicantJson(applicant)), email, content, sha256(content), signature,
                        signatureResultJson)
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            // A concurrent request with the same key committed first: answer with its application.
            return byIdempotencyKey(key).orElseThrow();
        }
        jp.madoguchi.catalog.CatalogVersion version = catalogs.inForce(today())
                .orElseThrow(() -> new CaseException("手続カタログが公開されていません"));
        Catalog catalog = catalogs.catalog(version.id());
        Instant now = clock.instant();
        for (String code : procedureCodes) {
            Procedure p = catalog.procedure(code).orElseThrow();
            Form form = catalog.form(code)
                    .orElseThrow(() -> new CaseException("手続「" + code + "」には申請フォームがありません"));
            String department = catalog.department(p.department()).map(d -> d.name()).orElse(p.department());
            LocalDate due = form.processingDays() == null ? null
                    : calendar.officeDayOnOrAfter(today().plusDays(form.processingDays()));
            long caseId = jdbc.sql("""
                    insert into application_case (municipality_code, application_id, procedure_code, procedure_name,
                        department_code, department_name, status, data, due_date, catalog_version_id)
                    values (?, ?, ?, ?, ?, ?, 'RECEIVED', cast(? as jsonb), ?, ?) returning id""")
                    .params(tenant, id, code, p.name(), p.department(), department,
                            json.writeValueAsString(canonical(values.get(code))), due, version.id())
                    .query(Long.class).single();
            appendEvent(caseId, "SUBMITTED", null, CaseStatus.RECEIVED, actor.kind().name(), actor.id(), actor.name(),
                    channel, submittedComment, true);
        }
        if (fromDraft) {
            jdbc.sql("update application_draft set submitted_application_id = ?, updated_at = now() where id = ?")
                    .params(id, key).update();
        }
        audit.record(new AuditEvent("application.submitted", actor, channel, "application", receipt, null,
                fromDraft ? "portal" : "counter", Map.of("procedures", String.join(",", procedureCodes),
                        "signed", signature != null)));
        if (fromDraft || email != null) {
            messages.received(email, receipt, procedureCodes.stream()
                    .map(c -> catalog.procedure(c).map(Procedure::name).orElse(c)).toList(), now);
        }
        return new Submitted(id, receipt, false);
    }

    private static AuditEvent.Actor residentActor() {
        return new AuditEvent.Actor(AuditEvent.Actor.Kind.RESIDENT, null, null);
    }

    private Map<String, Object> verificationJson(SignatureVerification v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", v.outcome().name());
        m.put("reason", v.reason());
        if (v.signer() != null) {
            m.put("subject", v.signer().subject());
            m.put("issuer", v.signer().issuer());
            m.put("serial", v.signer().serialHex());
            m.put("notAfter", v.signer().notAfter() == null ? null : v.signer().notAfter().toString());
        }
        return m;
    }

    /** 受付番号: the year, 7 digits of the sequence and a Luhn check digit, e.g. {@code 2026-0000042-6}. */
    private String receiptNumber(long seq) {
        String year = Integer.toString(today().getYear());
        String number = String.format("%07d", seq % 10_000_000);
        return year + "-" + number + "-" + CheckDigits.luhnCheckDigit(year + number);
    }

    private Optional<Submitted> byIdempotencyKey(UUID key) {
        return jdbc.sql("select id, receipt_number from application where idempotency_key = ?").param(key)
                .query((rs, n) -> new Submitted(rs.getLong(1), rs.getString(2), true)).optional();
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------------ cases

    /** One submission with its cases, as the resident or staff see it. */
    public record ApplicationView(long id, String receiptNumber, String channel, Instant submittedAt,
            Map<String, Object> applicant, String email, UUID draftId, boolean signed,
            Map<String, Object> signatureResult, List<CaseSummary> cases) {
    }

    private static final String CASE_COLUMNS = """
            c.id, c.application_id, a.receipt_number, c.procedure_code, c.procedure_name, c.department_code,
            c.department_name, c.status, a.applicant ->> 'name' as applicant_name, a.channel, a.submitted_at,
            c.due_date, c.assignee_name, c.version\s""";

    private CaseSummary caseRow(ResultSet rs, int n) throws SQLException {
        java.sql.Date due = rs.getDate("due_date");
        return new CaseSummary(rs.getLong("id"), rs.getLong("application_id"), rs.getString("receipt_number"),
                rs.getString("procedure_code"), rs.getString("procedure_name"), rs.getString("department_code"),
                rs.getString("department_name"), CaseStatus.valueOf(rs.getString("status")),
                rs.getString("applicant_name"), rs.getString("channel"), rs.getTimestamp("submitted_at").toInstant(),
                due == null ? null : due.toLocalDate(), rs.getString("assignee_name"), rs.getInt("version"));
    }

    /** A resident's applications, newest first. */
    public List<ApplicationView> applicationsOf(String provider, String subject) {
        return jdbc.sql("""
                select id from application where applicant_provider = ? and applicant_subject = ?
                 order by submitted_at desc limit 100""")
                .params(provider, subject).query(Long.class).list().stream()
                .map(id -> application(id).orElseThrow()).toList();
    }

    public Optional<ApplicationView> application(long id) {
        return jdbc.sql("""
                select a.*, d.id as draft_id from application a left join application_draft d
                    on d.submitted_application_id = a.id where a.id = ?""")
                .param(id).query((rs, n) -> new ApplicationView(rs.getLong("id"), rs.getString("receipt_number"),
                        rs.getString("channel"), rs.getTimestamp("submitted_at").toInstant(),
                        json.readValue(rs.getString("applicant"), MAP), rs.getString("email"),
                        rs.getObject("draft_id", UUID.class), rs.getBytes("signature") != null,
                        rs.getString("signature_result") == null ? null
                                : json.readValue(rs.getString("signature_result"), MAP),
                        casesOf(rs.getLong("id"))))
                .optional();
    }

    /** The application with this 受付番号, if it belongs to this resident. */
    public Optional<ApplicationView> applicationOf(String receipt, String provider, String subject) {
        return jdbc.sql("""
                select id from application where receipt_number = ? and applicant_provider = ? and applicant_subject = ?""")
                .params(receipt, provider, subject).query(Long.class).optional().flatMap(this::application);
    }

    private List<CaseSummary> casesOf(long applicationId) {
        return jdbc.sql("select " + CASE_COLUMNS + """
                 from application_case c join application a on a.id = c.application_id
                 where c.application_id = ? order by c.id""")
                .param(applicationId).query(this::caseRow).list();
    }

    /** A queue: cases filtered by department and status (null = any), oldest due first. */
    public List<CaseSummary> queue(String department, CaseStatus status, boolean openOnly, Long assigneeId,
            int limit) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (department != null) {
            where.append(" and c.department_code = ?");
            params.add(department);
        }
        if (status != null) {
            where.append(" and c.status = ?");
            params.add(status.name());
        } else if (openOnly) {
            where.append(" and c.status in ('RECEIVED', 'UNDER_REVIEW', 'CORRECTION_REQUESTED')");
        }
        if (assigneeId != null) {
            where.append(" and c.assignee_id = ?");
            params.add(assigneeId);
        }
        params.add(limit);
        return jdbc.sql("select " + CASE_COLUMNS + " from application_case c join application a on a.id = c.application_id"
                + where + " order by c.due_date nulls last, c.id limit ?")
                .params(params).query(this::caseRow).list();
    }

    /** Open cases per department and status, for the queue's overview. */
    public Map<String, Map<CaseStatus, Integer>> openCounts() {
        Map<String, Map<CaseStatus, Integer>> out = new TreeMap<>();
        jdbc.sql("""
                select department_name, status, count(*) from application_case
                 where status in ('RECEIVED', 'UNDER_REVIEW', 'CORRECTION_REQUESTED')
                 group by department_name, status""")
                .query((rs, n) -> {
                    out.computeIfAbsent(rs.getString(1), k -> new java.util.EnumMap<>(CaseStatus.class))
                            .put(CaseStatus.valueOf(rs.getString(2)), rs.getInt(3));
                    return null;
                }).list();
        return out;
    }

    public Optional<CaseSummary> caseSummary(long caseId) {
        return jdbc.sql("select " + CASE_COLUMNS + " from application_case c join application a on a.id = c.application_id where c.id = ?")
                .param(caseId).query(this::caseRow).optional();
    }

    /**
     * The form a case was submitted on: the procedure's form in the catalog version in force at submission (its labels,
     * steps and choices), or — for a case stored before versions were recorded — the form in force today.
     */
    public Form formOfCase(long caseId) {
        record Origin(String procedure, Long version) {
        }
        Origin origin = jdbc.sql("select procedure_code, catalog_version_id from application_case where id = ?")
                .param(caseId).query((rs, n) -> new Origin(rs.getString(1), (Long) rs.getObject(2))).optional()
                .orElseThrow(() -> new CaseException("案件が見つかりません"));
        if (origin.version() == null) {
            return form(origin.procedure());
        }
        return catalogs.catalog(origin.version()).form(origin.procedure())
                .orElseThrow(() -> new CaseException("手続「" + origin.procedure() + "」のフォームが提出時のカタログにありません"));
    }

    /** The submitted values of a case (typed as JSON: dates are ISO strings). */
    public Map<String, Object> caseData(long caseId) {
        return jdbc.sql("select data from application_case where id = ?").param(caseId)
                .query((rs, n) -> json.readValue(rs.getString(1), MAP)).single();
    }

    public Optional<String> decisionNote(long caseId) {
        return jdbc.sql("select decision_note from application_case where id = ?").param(caseId)
                .query((rs, n) -> rs.getString(1)).optional();
    }

    /** A case's history, oldest first; {@code residentView} keeps only what the resident may see. */
    public List<CaseEvent> events(long caseId, boolean residentView) {
        return jdbc.sql("select * from case_event where case_id = ?" + (residentView ? " and visible_to_resident" : "")
                + " order by id")
                .param(caseId).query((rs, n) -> new CaseEvent(rs.getLong("id"), rs.getLong("case_id"),
                        rs.getTimestamp("at").toInstant(), rs.getString("action"),
                        rs.getString("from_status") == null ? null : CaseStatus.valueOf(rs.getString("from_status")),
                        rs.getString("to_status") == null ? null : CaseStatus.valueOf(rs.getString("to_status")),
                        rs.getString("actor_kind"), rs.getString("actor_name"), rs.getString("channel"),
                        rs.getString("comment"), rs.getBoolean("visible_to_resident"), eventFiles(rs.getString("data"))))
                .list();
    }

    private List<AttachmentInfo> eventFiles(String data) {
        if (data == null) {
            return List.of();
        }
        Object ids = json.readValue(data, MAP).get("attachments");
        if (!(ids instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(id -> attachment(UUID.fromString(id.toString()))).flatMap(Optional::stream).toList();
    }

    /**
     * Takes {@code action} on a case: checks the transition in {@link CaseAction}'s table and the version the actor
     * saw (two staff acting at once: the second is told), appends the event, and notifies the resident by e-mail on
     * a correction request and a decision.
     *
     * @param actor who ({@code null} id for the resident)
     * @param comment the message to the resident (correction request, decision, reason for 却下), or a note
     */
    @Transactional
    public CaseStatus act(long caseId, int expectedVersion, CaseAction action, AuditEvent.Actor actor,
            Channel channel, String comment) {
        return transition(caseId, expectedVersion, action, actor, channel, comment, List.of());
    }

    /** A file the resident sends with the answer to a correction request. */
    public record Upload(String originalName, byte[] content) {
    }

    /** At most this many files with one answer to a correction request. */
    public static final int MAX_CORRECTION_FILES = 5;

    /**
     * 補正への回答 — the resident answers a correction request online: a message, files (PDF, PNG or JPEG, checked by
     * content like the form's attachments), or both. The files are stored with the application and listed on the
     * answer's event, so staff see what came with which answer. A bad file refuses the whole answer (nothing saved).
     */
    @Transactional
    public CaseStatus answerCorrection(long caseId, int expectedVersion, String comment, List<Upload> uploads) {
        List<Upload> files = uploads.stream().filter(u -> u.content() != null && u.content().length > 0).toList();
        if (files.size() > MAX_CORRECTION_FILES) {
            throw new AttachmentException("一度に添付できるファイルは" + MAX_CORRECTION_FILES + "つまでです");
        }
        CaseSummary c = caseSummary(caseId).orElseThrow(() -> new CaseException("案件が見つかりません"));
        ApplicationView app = application(c.applicationId()).orElseThrow();
        if (app.draftId() == null && !files.isEmpty()) {
            throw new CaseException("この申請にはオンラインでファイルを添付できません（窓口または郵送でお出しください）");
        }
        List<AttachmentInfo> stored = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Upload u = files.get(i);
            try {
                stored.add(store(app.draftId(), "correction:" + caseId, u.originalName(), u.content(),
                        List.of("pdf", "png", "jpeg")));
            } catch (AttachmentException e) {
                throw new AttachmentException((files.size() > 1 ? (i + 1) + "つ目の" : "") + "ファイル「"
                        + safeName(u.originalName()) + "」：" + e.getMessage());
            }
        }
        return transition(caseId, expectedVersion, CaseAction.ANSWER_CORRECTION,
                new AuditEvent.Actor(AuditEvent.Actor.Kind.RESIDENT, null, null), Channel.ONLINE, comment, stored);
    }

    private CaseStatus transition(long caseId, int expectedVersion, CaseAction action, AuditEvent.Actor actor,
            Channel channel, String comment, List<AttachmentInfo> files) {
        CaseSummary c = caseSummary(caseId).orElseThrow(() -> new CaseException("案件が見つかりません"));
        if (actor.kind() == AuditEvent.Actor.Kind.RESIDENT && !action.byResident()) {
            throw new CaseException("この操作は職員だけができます");
        }
        if (actor.kind() != AuditEvent.Actor.Kind.RESIDENT && action == CaseAction.ANSWER_CORRECTION) {
            throw new CaseException("補正への回答は申請者がオンラインで行います");
        }
        CaseStatus to = action.apply(c.status());
        boolean needsText = action == CaseAction.REQUEST_CORRECTION || action == CaseAction.REJECT
                || action == CaseAction.ANSWER_CORRECTION;
        String text = comment == null ? null : comment.strip();
        if (needsText && (text == null || text.isEmpty()) && files.isEmpty()) {
            throw new CaseException(switch (action) {
                case REQUEST_CORRECTION -> "補正をお願いする内容を入力してください";
                case REJECT -> "却下の理由を入力してください";
                default -> "回答の内容を入力するか、ファイルを添付してください";
            });
        }
        int updated = jdbc.sql("""
                update application_case set status = ?, version = version + 1, updated_at = now(),
                    decided_at = case when ? in ('DECIDED', 'REJECTED') then now() else decided_at end,
                    decision_note = case when ? in ('DECIDED', 'REJECTED') then ? else decision_note end
                 where id = ? and version = ?""")
                .params(to.name(), to.name(), to.name(), text, caseId, expectedVersion).update();
        if (updated == 0) {
            throw new CaseException("ほかの方がこの案件を先に更新しました。画面を開き直してください");
        }
        appendEvent(caseId, action.name(), c.status(), to, actor.kind().name(), actor.id(), actor.name(), channel,
                text == null || text.isEmpty() ? null : text, true, files);
        audit.record(new AuditEvent("application.case." + action.name().toLowerCase(java.util.Locale.ROOT), actor,
                channel, "application_case", Long.toString(caseId), null, "cases", Map.of("to", to.name())));
        ApplicationView app = application(c.applicationId()).orElseThrow();
        switch (action) {
            case REQUEST_CORRECTION -> messages.correctionRequested(app.email(), app.receiptNumber(),
                    c.procedureName(), text);
            case DECIDE, REJECT -> messages.decided(app.email(), app.receiptNumber(), c.procedureName(),
                    to == CaseStatus.DECIDED, text);
            default -> {
            }
        }
        return to;
    }

    /** Sets who works on a case. */
    @Transactional
    public void assign(long caseId, long staffId, String staffName, AuditEvent.Actor actor) {
        jdbc.sql("update application_case set assignee_id = ?, assignee_name = ?, updated_at = now() where id = ?")
                .params(staffId, staffName, caseId).update();
        appendEvent(caseId, "ASSIGN", null, null, "STAFF", actor.id(), actor.name(), Channel.OFFICE, staffName, false);
    }

    /** An internal comment on a case (not shown to the resident). */
    @Transactional
    public void comment(long caseId, String text, AuditEvent.Actor actor) {
        if (text == null || text.isBlank()) {
            throw new CaseException("コメントを入力してください");
        }
        appendEvent(caseId, "COMMENT", null, null, "STAFF", actor.id(), actor.name(), Channel.OFFICE, text.strip(),
                false);
    }

    private void appendEvent(long caseId, String action, CaseStatus from, CaseStatus to, String actorKind,
            String actorId, String actorName, Channel channel, String comment, boolean visible) {
        appendEvent(caseId, action, from, to, actorKind, actorId, actorName, channel, comment, visible, List.of());
    }

    /** Appends an event; files that came with it are listed in its data ({@code {"attachments": [id, …]}}). */
    private void appendEvent(long caseId, String action, CaseStatus from, CaseStatus to, String actorKind,
            String actorId, String actorName, Channel channel, String comment, boolean visible,
            List<AttachmentInfo> files) {
        String data = files.isEmpty() ? null
                : json.writeValueAsString(Map.of("attachments", files.stream().map(f -> f.id().toString()).toList()));
        jdbc.sql("""
                insert into case_event (municipality_code, case_id, action, from_status, to_status, actor_kind, actor_id,
                    actor_name, channel, comment, visible_to_resident, data)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(TenantContext.require(), caseId, action, from == null ? null : from.name(),
                        to == null ? null : to.name(), actorKind, actorId, actorName, channel.name(), comment, visible,
                        data)
                .update();
    }

    /** Decided cases of a procedure with their data, for the export to the back office. */
    public record DecidedCase(CaseSummary summary, Map<String, Object> applicant, Map<String, Object> data,
            Instant decidedAt) {
    }

    public List<DecidedCase> decided(String procedure) {
        return jdbc.sql("select " + CASE_COLUMNS + ", a.applicant as applicant_json, c.data as data_json, c.decided_at"
                + " from application_case c join application a on a.id = c.application_id"
                + " where c.procedure_code = ? and c.status in ('DECIDED', 'COMPLETED') and c.decided_at is not null"
                + " order by c.decided_at, c.id")
                .param(procedure).query((rs, n) -> new DecidedCase(caseRow(rs, n),
                        json.readValue(rs.getString("applicant_json"), MAP), json.readValue(rs.getString("data_json"), MAP),
                        rs.getTimestamp("decided_at").toInstant()))
                .list();
    }
}
