package jp.madoguchi.certificate.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.certificate.CertificateIssuance;
import jp.madoguchi.certificate.CertificateRefusedException;
import jp.madoguchi.certificate.CertificateRestrictions;
import jp.madoguchi.certificate.CertificateState;
import jp.madoguchi.certificate.CertificateType;
import jp.madoguchi.certificate.IssuanceRequest;
import jp.madoguchi.certificate.IssuedCertificate;
import jp.madoguchi.certificate.OptionalItem;
import jp.madoguchi.certificate.PaymentMethod;
import jp.madoguchi.certificate.RefusalReason;
import jp.madoguchi.certificate.RequestType;
import jp.madoguchi.certificate.SealRegistry;
import jp.madoguchi.kit.Wareki;
import jp.madoguchi.notification.ContactChannel;
import jp.madoguchi.notification.Notifications;
import jp.madoguchi.notification.OutgoingMessage;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.AccessPurpose;
import jp.madoguchi.resident.CertificateRecords;
import jp.madoguchi.resident.ResidentQueryException;
import jp.madoguchi.resident.ResidentRegister;
import jp.madoguchi.resident.Standing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues certificates: decide ({@link IssuancePolicy}) on the register's data read through the audited path, check
 * every character against the font, number (発行番号, short transaction), render ({@link CertificateRenderer}), sign
 * ({@link PadesSigner}) and record — the PDF work runs outside any transaction so that issuing in parallel does not
 * hold database locks. A refusal is recorded in its own transaction (table and audit) and nothing is numbered.
 */
@Service
class JdbcCertificateIssuance implements CertificateIssuance {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ResidentRegister register;
    private final SealRegistry seals;
    private final JdbcCertificateRestrictions restrictions;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final MunicipalityDirectory municipalities;
    private final CertificateSettings settings;
    private final CertificateFont font;
    private final CertificateRenderer renderer;
    private final SigningKeys keys;
    private final Clock clock;
    private final String portalBaseUrl;

    JdbcCertificateIssuance(JdbcClient jdbc, TransactionTemplate transactions, ResidentRegister register,
            SealRegistry seals, JdbcCertificateRestrictions restrictions, Notifications notifications,
            AuditTrail audit, MunicipalityDirectory municipalities, CertificateSettings settings,
            CertificateFont font, SigningKeys keys, Clock clock,
            @Value("${madoguchi.portal.base-url:http://localhost:8080}") String portalBaseUrl) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.register = register;
        this.seals = seals;
        this.restrictions = restrictions;
        this.notifications = notifications;
        this.audit = audit;
        this.municipalities = municipalities;
        this.settings = settings;
        this.font = font;
        this.renderer = new CertificateRenderer(font.fonts());
        this.keys = keys;
        this.clock = clock;
        this.portalBaseUrl = portalBaseUrl.endsWith("/") ? portalBaseUrl.substring(0, portalBaseUrl.length() - 1)
                : portalBaseUrl;
    }

    private record Prepared(IssuancePolicy.Decision decision, CertificateDocument document, int feePerCopy,
            PaymentMethod payment) {
    }

    @Override
    public IssuedCertificate issue(IssuanceRequest request) {
        Municipality municipality = municipalities.current();
        Prepared prepared;
        try {
            prepared = transactions.execute(status -> prepare(request, municipality));
        } catch (CertificateRefusedException refused) {
            recordRefusal(request, refused);
            throw refused;
        }
        String number = transactions.execute(status -> nextIssueNumber());
        String code = VerificationCodes.newCode();
        String url = portalBaseUrl + "/verify?m=" + municipality.code() + "&code=" + code;
        CertificateDocument document = prepared.document().numbered(number, code, url);
        byte[] unsigned = renderer.render(document);
        Calendar signingTime = GregorianCalendar.from(clock.instant().atZone(JAPAN));
        byte[] pdf = PadesSigner.sign(unsigned, keys.forMunicipality(municipality),
                municipality.name() + " 公印", municipality.fullName(), signingTime);
        return transactions.execute(status -> record(request, prepared, number, code, pdf));
    }

    private Prepared prepare(IssuanceRequest r, Municipality municipality) {
        LocalDate today = LocalDate.now(clock.withZone(JAPAN));
        boolean residence = r.type().fromResidenceRecord();
        CertificateRecords records;
        try {
            records = register.readForCertificate(r.subjectAtena(), residence, false, AccessPurpose.CERTIFICATE,
                    r.actor(), r.channel(), r.via()).orElseThrow(() -> IssuancePolicy.refuse(
                            RefusalReason.PERSON_NOT_FOUND, "宛名番号「" + r.subjectAtena() + "」の住民は見つかりません。"));
        } catch (ResidentQueryException e) {
            throw IssuancePolicy.refuse(RefusalReason.INVALID_REQUEST, e.getMessage());
        }
        Map<String, List<CertificateRestrictions.SupportMeasure>> measures = restrictions.measuresFor(
                records.members().stream().map(m -> m.record().atenaNumber()).toList(), today);
        Optional<SealRegistry.SealRegistration> seal = r.type() == CertificateType.SEAL_CERTIFICATE
                ? seals.active(r.subjectAtena()) : Optional.empty();
        IssuancePolicy.Decision decision = IssuancePolicy.decide(r, records, seal, measures, settings.sealOrdinance(),
                today);
        if (r.items().contains(OptionalItem.MY_NUMBER)) {
            // Decrypted only now that it is allowed (the read is audited as resident.my_number.read).
            CertificateRecords withNumbers = register.readForCertificate(r.subjectAtena(), residence, true,
                    AccessPurpose.CERTIFICATE, r.actor(), r.channel(), r.via()).orElseThrow();
            List<String> printed = decision.members().stream().map(m -> m.record().atenaNumber()).toList();
            decision = new IssuancePolicy.Decision(decision.legalBasis(), withNumbers.members().stream()
                    .filter(m -> printed.contains(m.record().atenaNumber())).toList());
            records = withNumbers;
        }
        CertificateDocument document = document(r, records, decision, seal, municipality, today);
        List<String> missing = font.missing(document.texts());
        if (!missing.isEmpty()) {
            throw IssuancePolicy.refuse(RefusalReason.MISSING_GLYPH, "証明書のフォント（" + font.fonts().origin().fontName()
                    + "）にない文字があるため印刷できません: " + String.join("、", missing)
                    + "。文字を置き換えずに、外字の登録されたフォントを設定するか、手書きの証明書で対応してください。");
        }
        int fee = feePerCopy(r.type(), r.channel(), r.requestType());
        PaymentMethod payment = fee == 0 ? PaymentMethod.EXEMPT : r.paymentMethod();
        if (fee > 0 && payment == PaymentMethod.EXEMPT) {
            throw IssuancePolicy.refuse(RefusalReason.INVALID_REQUEST, "手数料（" + fee + "円）の収納方法を選んでください。");
        }
        if (payment == PaymentMethod.POSTAL_ORDER && (r.postalOrderNumber() == null || r.postalOrderNumber().isBlank())) {
            throw IssuancePolicy.refuse(RefusalReason.INVALID_REQUEST, "定額小為替の記号番号を入力してください。");
        }
        return new Prepared(decision, document, fee, payment);
    }

    private CertificateDocument document(IssuanceRequest r, CertificateRecords records,
            IssuancePolicy.Decision decision, Optional<SealRegistry.SealRegistration> seal, Municipality m,
            LocalDate today) {
        Set<OptionalItem> items = r.items().isEmpty() ? EnumSet.noneOf(OptionalItem.class) : EnumSet.copyOf(r.items());
        CertificateRecords.Member subject = records.subject();
        List<CertificateDocument.Field> header = new ArrayList<>();
        List<List<CertificateDocument.Field>> persons = new ArrayList<>();
        String certifier = m.name() + "長　" + settings.mayorName(m.code());
        switch (r.type()) {
            case SEAL_CERTIFICATE -> {
                header.add(new CertificateDocument.Field("氏名", subject.record().name()));
                header.add(new CertificateDocument.Field("生年月日", subject.record().birthDate()));
                header.add(new CertificateDocument.Field("性別", subject.record().sex()));
                header.add(new CertificateDocument.Field("住所", subject.record().address()));
                header.add(new CertificateDocument.Field("印鑑登録番号",
                        Long.toString(seal.orElseThrow().registrationNumber())));
                return new CertificateDocument(r.type(), m.code(), m.fullName(), header, persons, seal.get().image(),
                        today, certifier, null, null, null);
            }
            case RESIDENT_RECORD_ITEMS -> {
                List<CertificateDocument.Field> p = personFields(subject, items, true);
                persons.add(p);
            }
            default -> {
                header.add(new CertificateDocument.Field("住所", subject.record().address()));
                if (items.contains(OptionalItem.RELATIONSHIP) && records.householdHead() != null
                        && r.type() == CertificateType.RESIDENT_RECORD_COPY) {
                    header.add(new CertificateDocument.Field("世帯主", records.householdHead()));
                }
                for (CertificateRecords.Member member : decision.members()) {
                    persons.add(personFields(member, items, false));
                }
            }
        }
        return new CertificateDocument(r.type(), m.code(), m.fullName(), header, persons, null, today, certifier, null,
                null, null);
    }

    private static List<CertificateDocument.Field> personFields(CertificateRecords.Member member,
            Set<OptionalItem> items, boolean withAddress) {
        List<CertificateDocument.Field> f = new ArrayList<>();
        var record = member.record();
        f.add(new CertificateDocument.Field("氏名", record.name()));
        if (record.alias() != null && !record.alias().isBlank()) {
            f.add(new CertificateDocument.Field("通称", record.alias()));
        }
        f.add(new CertificateDocument.Field("生年月日", record.birthDate()));
        f.add(new CertificateDocument.Field("性別", record.sex()));
        if (withAddress) {
            f.add(new CertificateDocument.Field("住所", record.address()));
        }
        if (items.contains(OptionalItem.RELATIONSHIP)) {
            f.add(new CertificateDocument.Field("続柄", record.relationship()));
        }
        if (record.nationality() != null && !record.nationality().isBlank()) {
            f.add(new CertificateDocument.Field("国籍・地域", record.nationality()));
        }
        f.add(new CertificateDocument.Field("住民となった年月日",
                Wareki.format(member.becameResidentOn()) + "　" + member.becameResidentReason()));
        if (items.contains(OptionalItem.DOMICILE) && member.items().domicile() != null) {
            f.add(new CertificateDocument.Field("本籍", member.items().domicile()));
            f.add(new CertificateDocument.Field("筆頭者", member.items().domicileHead()));
        }
        if (items.contains(OptionalItem.JUMINHYO_CODE) && member.items().juminhyoCode() != null) {
            f.add(new CertificateDocument.Field("住民票コード", member.items().juminhyoCode()));
        }
        if (items.contains(OptionalItem.MY_NUMBER) && member.myNumber().isPresent()) {
            f.add(new CertificateDocument.Field("個人番号", member.myNumber().get().digits()));
        }
        if (member.standing() != Standing.REGISTERED) {
            f.add(new CertificateDocument.Field("消除", Wareki.format(member.removedOn()) + "　"
                    + (member.standing() == Standing.MOVED_OUT ? "転出" : member.standing() == Standing.DIED ? "死亡"
                            : "消除")));
        }
        return f;
    }

    private String nextIssueNumber() {
        int year = LocalDate.now(clock.withZone(JAPAN)).getYear();
        int n = jdbc.sql("""
                insert into certificate_number_counter (municipality_code, year, last_number)
                values (:tenant, :year, 1)
                on conflict (municipality_code, year) do update set last_number = certificate_number_counter.last_number + 1
                returning last_number
                """).param("tenant", TenantContext.require()).param("year", year).query(Integer.class).single();
        return String.format("%d-%06d", year, n);
    }

    private IssuedCertificate record(IssuanceRequest r, Prepared p, String number, String code, byte[] pdf) {
        List<String> members = p.decision().members().stream().map(m -> m.record().atenaNumber()).toList();
        int total = p.feePerCopy() * r.copies();
        String staff = JdbcSealRegistry.actorName(r.actor());
        record Row(long id, OffsetDateTime at) {
        }
        Row row = jdbc.sql("""
                insert into certificate_issuance (municipality_code, issue_number, certificate_type, subject_atena,
                    member_atenas, items, request_type, requester_name, requester_address, purpose_category,
                    purpose_text, profession, profession_number, proxy_letter, legal_basis, channel, copies,
                    fee_per_copy, fee_total, payment_method, postal_order_number, verification_hash, pdf, pdf_sha256,
                    state, issued_by)
                values (:tenant, :number, :type, :subject, :members, :items, :requestType, :requesterName,
                    :requesterAddress, :purposeCategory, :purposeText, :profession, :professionNumber, :proxyLetter,
                    :basis, :channel, :copies, :fee, :total, :payment, :postalOrder, :hash, :pdf, :pdfHash, 'ISSUED',
                    :by)
                returning id, issued_at
                """).param("tenant", TenantContext.require()).param("number", number).param("type", r.type().name())
                .param("subject", r.subjectAtena()).param("members", members.toArray(String[]::new))
                .param("items", r.items().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("requestType", r.requestType().name()).param("requesterName", r.requester().name())
                .param("requesterAddress", r.requester().address())
                .param("purposeCategory", r.purposeCategory() == null ? null : r.purposeCategory().name())
                .param("purposeText", r.purposeText()).param("profession", r.profession())
                .param("professionNumber", r.professionNumber()).param("proxyLetter", r.proxyLetter())
                .param("basis", p.decision().legalBasis()).param("channel", r.channel().name())
                .param("copies", r.copies()).param("fee", p.feePerCopy()).param("total", total)
                .param("payment", p.payment().name()).param("postalOrder", r.postalOrderNumber())
                .param("hash", VerificationCodes.hash(VerificationCodes.normalise(code))).param("pdf", pdf)
                .param("pdfHash", JdbcSealRegistry.sha256(pdf)).param("by", staff)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))).single();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("issueNumber", number);
        details.put("certificateType", r.type().name());
        details.put("requestType", r.requestType().name());
        details.put("legalBasis", p.decision().legalBasis());
        details.put("members", members.size());
        details.put("items", r.items().stream().map(Enum::name).sorted().toList());
        details.put("copies", r.copies());
        details.put("fee", total);
        details.put("payment", p.payment().name());
        audit.record(new AuditEvent("certificate.issued", r.actor(), r.channel(), "resident", r.subjectAtena(),
                AccessPurpose.CERTIFICATE.label(), r.via(), details));
        if (r.requestType().triggersPersonalNotification()) {
            restrictions.personalNotificationEmails(members).forEach((atena, email) -> notifyRegistrant(email, atena,
                    r, number, row.id()));
        }
        return new IssuedCertificate(row.id(), number, r.type(), code, pdf, p.decision().legalBasis(), total,
                r.copies(), row.at().toInstant());
    }

    /** 本人通知: the facts the 本人通知制度 discloses — no requester name (that needs a disclosure request). */
    private void notifyRegistrant(String email, String atena, IssuanceRequest r, String number, long id) {
        Municipality m = municipalities.current();
        String body = """
                %s 本人通知制度に登録されている方へ

                あなたの%sが、次のとおり%s交付されました。

                交付年月日: %s
                証明書の種類: %s
                交付通数: %d通
                請求者の種別: %s
                発行番号: %s

                請求者の氏名など詳しい内容を知りたいときは、本人確認書類をお持ちのうえ、%s 住民記録係で
                交付請求書の開示を請求してください（本人通知制度）。
                このメールは送信専用です。
                """.formatted(m.fullName(), r.type() == CertificateType.REMOVED_RECORD_COPY ? "住民票の除票の写し"
                        : r.type().title(), r.requestType() == RequestType.OFFICIAL_DUTY ? "職務上請求により" : "第三者に",
                Wareki.format(LocalDate.now(clock.withZone(JAPAN))), r.type().title(), r.copies(), r.requestType().label(), number,
                m.fullName());
        notifications.enqueue(new OutgoingMessage(ContactChannel.EMAIL, email,
                "【" + m.name() + "】証明書の交付のお知らせ（本人通知制度）", body, "certificate_issuance",
                Long.toString(id)));
        audit.record(new AuditEvent("certificate.personal_notification", AuditEvent.Actor.system("本人通知"),
                Channel.SYSTEM, "resident", atena, null, "certificate", Map.of("issueNumber", number)));
    }

    private void recordRefusal(IssuanceRequest r, CertificateRefusedException refused) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into certificate_refusal (municipality_code, certificate_type, subject_atena, request_type,
                        channel, reason_code, reason, refused_by)
                    values (:tenant, :type, :subject, :requestType, :channel, :code, :reason, :by)
                    """).param("tenant", TenantContext.require()).param("type", r.type().name())
                    .param("subject", r.subjectAtena() == null ? "" : r.subjectAtena())
                    .param("requestType", r.requestType().name()).param("channel", r.channel().name())
                    .param("code", refused.reason().name()).param("reason", refused.getMessage())
                    .param("by", JdbcSealRegistry.actorName(r.actor())).update();
            audit.record(new AuditEvent("certificate.refused", r.actor(), r.channel(), "resident", r.subjectAtena(),
                    AccessPurpose.CERTIFICATE.label(), r.via(), Map.of("reason", refused.reason().name(),
                            "certificateType", r.type().name(), "requestType", r.requestType().name())));
        });
    }

    @Override
    public int feePerCopy(CertificateType type, Channel channel, RequestType requestType) {
        if (requestType == RequestType.PUBLIC_AGENCY && settings.publicAgencyExempt()) {
            return 0;
        }
        return settings.fee(type, channel);
    }

    @Override
    public Optional<byte[]> pdf(long id) {
        return transactions.execute(status -> jdbc.sql("select pdf from certificate_issuance where id = :id")
                .param("id", id).query(byte[].class).optional());
    }

    @Override
    public List<IssuanceSummary> issuedOn(LocalDate day) {
        return transactions.execute(status -> jdbc.sql("""
                select * from certificate_issuance
                where issued_at >= :from and issued_at < :to order by id desc
                """).param("from", day.atStartOfDay(JAPAN).toOffsetDateTime())
                .param("to", day.plusDays(1).atStartOfDay(JAPAN).toOffsetDateTime())
                .query((rs, n) -> new IssuanceSummary(rs.getLong("id"), rs.getString("issue_number"),
                        CertificateType.valueOf(rs.getString("certificate_type")), rs.getString("subject_atena"),
                        RequestType.valueOf(rs.getString("request_type")), Channel.valueOf(rs.getString("channel")),
                        rs.getInt("copies"), rs.getInt("fee_total"), PaymentMethod.valueOf(rs.getString("payment_method")),
                        rs.getString("legal_basis"), CertificateState.valueOf(rs.getString("state")),
                        rs.getString("state_reason"), rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                        rs.getString("issued_by")))
                .list());
    }

    @Override
    public List<Refusal> refusedOn(LocalDate day) {
        return transactions.execute(status -> jdbc.sql("""
                select * from certificate_refusal where refused_at >= :from and refused_at < :to order by id desc
                """).param("from", day.atStartOfDay(JAPAN).toOffsetDateTime())
                .param("to", day.plusDays(1).atStartOfDay(JAPAN).toOffsetDateTime())
                .query((rs, n) -> new Refusal(rs.getLong("id"), CertificateType.valueOf(rs.getString("certificate_type")),
                        rs.getString("subject_atena"), RequestType.valueOf(rs.getString("request_type")),
                        Channel.valueOf(rs.getString("channel")), RefusalReason.valueOf(rs.getString("reason_code")),
                        rs.getString("reason"), rs.getObject("refused_at", OffsetDateTime.class).toInstant(),
                        rs.getString("refused_by")))
                .list());
    }

    @Override
    public void revoke(long id, String reason, AuditEvent.Actor actor) {
        transition(id, CertificateState.REVOKED, reason, null, actor);
    }

    @Override
    public void supersede(long oldId, long newId, String reason, AuditEvent.Actor actor) {
        transition(oldId, CertificateState.SUPERSEDED, reason, newId, actor);
    }

    /** The one place a certificate's state changes. */
    private void transition(long id, CertificateState next, String reason, Long supersededBy, AuditEvent.Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("理由を入力してください。");
        }
        transactions.executeWithoutResult(status -> {
            record Current(CertificateState state, String subject) {
            }
            Current current = jdbc.sql("select state, subject_atena from certificate_issuance where id = :id for update")
                    .param("id", id).query((rs, n) -> new Current(CertificateState.valueOf(rs.getString(1)),
                            rs.getString(2))).optional()
                    .orElseThrow(() -> new IllegalArgumentException("証明書（ID " + id + "）は見つかりません。"));
            if (!current.state().canBecome(next)) {
                throw new IllegalArgumentException("この証明書はすでに「" + current.state().label() + "」のため、「"
                        + next.label() + "」にできません。");
            }
            if (supersededBy != null && jdbc.sql("select count(*) from certificate_issuance where id = :id and state = 'ISSUED'")
                    .param("id", supersededBy).query(Integer.class).single() == 0) {
                throw new IllegalArgumentException("差し替え先の証明書（ID " + supersededBy + "）が有効な証明書として見つかりません。");
            }
            jdbc.sql("""
                    update certificate_issuance set state = :state, state_reason = :reason, superseded_by = :by
                    where id = :id
                    """).param("state", next.name()).param("reason", reason.strip()).param("by", supersededBy)
                    .param("id", id).update();
            audit.record(new AuditEvent("certificate." + next.name().toLowerCase(java.util.Locale.ROOT), actor,
                    Channel.OFFICE, "resident", current.subject(), null, "/office/certificates",
                    supersededBy == null ? Map.of("id", id) : Map.of("id", id, "supersededBy", supersededBy)));
        });
    }

    @Override
    public List<DailyCashTotal> dailyReport(LocalDate from, LocalDate to) {
        return transactions.execute(status -> jdbc.sql("""
                select (issued_at at time zone 'Asia/Tokyo')::date as day, channel, payment_method,
                       count(*) as certificates, sum(copies) as copies, sum(fee_total) as amount
                from certificate_issuance
                where issued_at >= :from and issued_at < :to
                group by 1, 2, 3 order by 1, 2, 3
                """).param("from", from.atStartOfDay(JAPAN).toOffsetDateTime())
                .param("to", to.plusDays(1).atStartOfDay(JAPAN).toOffsetDateTime())
                .query((rs, n) -> new DailyCashTotal(rs.getObject("day", LocalDate.class),
                        Channel.valueOf(rs.getString("channel")), PaymentMethod.valueOf(rs.getString("payment_method")),
                        rs.getInt("certificates"), rs.getInt("copies"), rs.getLong("amount")))
                .list());
    }

    @Override
    public String dailyReportCsv(LocalDate from, LocalDate to) {
        StringBuilder csv = new StringBuilder("\uFEFF日付,チャネル,収納方法,件数,通数,金額\r\n");
        for (DailyCashTotal t : dailyReport(from, to)) {
            csv.append(t.day()).append(',').append(t.channel().label()).append(',').append(t.paymentMethod().label())
                    .append(',').append(t.certificates()).append(',').append(t.copies()).append(',')
                    .append(t.amount()).append("\r\n");
        }
        return csv.toString();
    }
}
