package jp.madoguchi.counter.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import jp.madoguchi.application.Applicant;
import jp.madoguchi.application.ApplicationService;
import jp.madoguchi.application.SubmissionException;
import jp.madoguchi.application.Submitted;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.catalog.AnswerException;
import jp.madoguchi.catalog.Answers;
import jp.madoguchi.catalog.Catalog;
import jp.madoguchi.catalog.Determination;
import jp.madoguchi.catalog.FieldType;
import jp.madoguchi.catalog.Form;
import jp.madoguchi.catalog.FormField;
import jp.madoguchi.catalog.FormInput;
import jp.madoguchi.catalog.LifeEvent;
import jp.madoguchi.catalog.LifeEventEvaluator;
import jp.madoguchi.catalog.Questionnaire;
import jp.madoguchi.counter.VisitState;
import jp.madoguchi.kit.OfficeCalendar;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.AccessPurpose;
import jp.madoguchi.resident.ResidentDetail;
import jp.madoguchi.resident.ResidentRegister;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 来庁受付 — visits: opening (after the card or a register search identified the visitor), the questionnaire, the
 * prefilled forms, the tablet confirmation that submits every procedure as a case (channel {@code COUNTER}), and the
 * events that measure it. Runs in the caller's tenant; the tables are isolated by row-level security.
 */
@Service
@Transactional
class VisitService {

    static final String VIA = "office:counter-visit";
    static final String KIOSK_VIA = "kiosk:counter-visit";
    static final String OKUYAMI_EVENT = "shibou";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Visit.Sheet>> SHEETS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ResidentRegister register;
    private final ApplicationService applications;
    private final AuditTrail audit;
    private final Clock clock;

    VisitService(JdbcClient jdbc, JsonMapper json, ResidentRegister register, ApplicationService applications,
            AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.register = register;
        this.applications = applications;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return applications.today();
    }

    // ------------------------------------------------------------------------------------------------- opening

    /**
     * Opens a visit for the person with {@code atenaNumber}.
     *
     * @param identifiedBy {@code CARD} or {@code REGISTER_SEARCH}
     * @param mismatches the differences between card and register that staff were shown
     * @throws VisitException when the record is not found or is not a living resident
     */
    @Transactional
    UUID open(String atenaNumber, String identifiedBy, List<String> mismatches, AuditEvent.Actor staff) {
        PersonFacts visitor = person(atenaNumber, AccessPurpose.VISIT_IDENTIFICATION)
                .orElseThrow(() -> new VisitException("宛名番号「" + atenaNumber + "」の住民記録が見つかりません。"));
        if (visitor.deceased()) {
            throw new VisitException("この住民記録は死亡の記録です。来庁された方ご本人の記録を選んでください。");
        }
        if (!"住登者".equals(visitor.status())) {
            throw new VisitException("この住民記録は住登者の記録ではありません（住民状態：" + visitor.status()
                    + "）。来庁された方ご本人の記録を選んでください。");
        }
        UUID id = UUID.randomUUID();
        String token = TenantContext.require() + "." + randomToken();
        String checkCode = String.format("%04d", RANDOM.nextInt(10_000));
        jdbc.sql("""
                insert into counter_visit (id, municipality_code, visitor_atena, identified_by, card_mismatches,
                    staff_id, staff_name, state, kiosk_token, check_code)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?, 'OPEN', ?, ?)""")
                .params(id, TenantContext.require(), atenaNumber, identifiedBy, json.writeValueAsString(mismatches),
                        staff.id() == null ? 0L : Long.parseLong(staff.id()), staff.name(), token, checkCode)
                .update();
        event(id, "OPENED", Map.of("identifiedBy", identifiedBy, "mismatches", mismatches.size()));
        if (!mismatches.isEmpty()) {
            event(id, "CARD_MISMATCH", Map.of("count", mismatches.size()));
        }
        audit.record(new AuditEvent("counter.visit.opened", staff, Channel.COUNTER, "counter_visit", id.toString(),
                null, VIA, Map.of("identifiedBy", identifiedBy, "mismatches", mismatches.size())));
        return id;
    }

    private static String randomToken() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    Optional<Visit> find(UUID id) {
        return jdbc.sql("select * from counter_visit where id = ?").param(id).query(this::row).optional();
    }

    Visit require(UUID id) {
        return find(id).orElseThrow(() -> new VisitException("受付が見つかりません。"));
    }

    /** The visit a tablet token names (in the current tenant). */
    Optional<Visit> byToken(String token) {
        return jdbc.sql("select * from counter_visit where kiosk_token = ?").param(token).query(this::row).optional();
    }

    List<Visit> today(int limit) {
        return jdbc.sql("select * from counter_visit where opened_at >= current_date order by opened_at desc limit ?")
                .param(limit).query(this::row).list();
    }

    private Visit row(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp confirmed = rs.getTimestamp("confirmed_at");
        java.sql.Timestamp closed = rs.getTimestamp("closed_at");
        Long app = rs.getObject("application_id", Long.class);
        return new Visit(rs.getObject("id", UUID.class), rs.getString("visitor_atena"), rs.getString("identified_by"),
                json.readValue(rs.getString("card_mismatches"), LIST), rs.getString("subject_atena"),
                rs.getLong("staff_id"), rs.getString("staff_name"), VisitState.valueOf(rs.getString("state")),
                rs.getTimestamp("opened_at").toInstant(), confirmed == null ? null : confirmed.toInstant(),
                closed == null ? null : closed.toInstant(), rs.getString("kiosk_token"), rs.getString("check_code"),
                rs.getString("life_event"), json.readValue(rs.getString("answers"), MAP),
                List.of((String[]) rs.getArray("procedures").getArray()),
                json.readValue(rs.getString("sheets"), SHEETS), app, rs.getString("receipt_number"),
                rs.getInt("version"));
    }

    // ------------------------------------------------------------------------------------------- register facts

    Optional<PersonFacts> person(String atena, AccessPurpose purpose) {
        return register.read(atena, purpose, Channel.COUNTER, VIA).map(PersonFacts::of);
    }

    /**
     * The visitor's record as the tablet reads it: channel KIOSK, as the tablet has no staff session (the register
     * then audits the read as the kiosk's).
     */
    Optional<PersonFacts> visitorAtKiosk(Visit v) {
        return register.read(v.visitorAtena(), AccessPurpose.COUNTER_SERVICE, Channel.KIOSK, KIOSK_VIA)
                .map(PersonFacts::of);
    }

    /**
     * The register's records one step needs, each person read once: every read is an audited access, and the visitor,
     * the deceased and their household members are otherwise read several times for one step.
     */
    private final class Records {

        private final Map<String, Optional<ResidentDetail>> read = new HashMap<>();

        Optional<ResidentDetail> detail(String atena) {
            return read.computeIfAbsent(atena,
                    a -> register.read(a, AccessPurpose.COUNTER_SERVICE, Channel.COUNTER, VIA));
        }

        Optional<PersonFacts> person(String atena) {
            return detail(atena).map(PersonFacts::of);
        }

        /** The visitor's children in the household (続柄 子) under 19 (only they are read). */
        List<PersonFacts> children(String visitorAtena) {
            LocalDate today = today();
            return members(visitorAtena, m -> m.relationship() != null && m.relationship().startsWith("子")).stream()
                    .filter(p -> p.ageOn(today) >= 0 && p.ageOn(today) < 19).toList();
        }

        /** The living members of {@code atena}'s household but {@code atena} (the deceased's: those who remain). */
        List<PersonFacts> household(String atena) {
            return members(atena, m -> true);
        }

        private List<PersonFacts> members(String atena, Predicate<ResidentDetail.HouseholdMember> which) {
            List<PersonFacts> out = new ArrayList<>();
            detail(atena).ifPresent(d -> d.household().stream()
                    .filter(m -> !m.atenaNumber().equals(atena) && which.test(m))
                    .forEach(m -> person(m.atenaNumber()).ifPresent(out::add)));
            return out;
        }
    }

    // -------------------------------------------------------------------------------------------- questionnaire

    /**
     * Chooses the life event; for おくやみ also the deceased, whose register record answers what it can (亡くなった日,
     * 生年月日, 世帯主か, the health insurance by age).
     */
    @Transactional
    void chooseEvent(UUID id, String eventCode, String deceasedAtena) {
        Visit v = requireOpen(id);
        LifeEvent event = applications.catalog().event(eventCode)
                .orElseThrow(() -> new VisitException("ライフイベント「" + eventCode + "」はカタログにありません。"));
        Map<String, Object> answers = new LinkedHashMap<>();
        String subject = null;
        if (OKUYAMI_EVENT.equals(event.code())) {
            if (deceasedAtena == null || deceasedAtena.isBlank()) {
                throw new VisitException("亡くなった方を住民記録から選んでください。");
            }
            Records records = new Records();
            PersonFacts d = records.person(deceasedAtena.strip())
                    .orElseThrow(() -> new VisitException("宛名番号「" + deceasedAtena + "」の住民記録が見つかりません。"));
            if (!d.deceased()) {
                throw new VisitException("「" + d.name() + "」さんの住民記録には死亡の記録がありません（住民状態："
                        + d.status() + "）。死亡届の処理が済んでいるか確認してください。");
            }
            if (d.atenaNumber().equals(v.visitorAtena())) {
                throw new VisitException("来庁された方と亡くなった方が同じ記録です。");
            }
            subject = d.atenaNumber();
            answers.put("deathDate", d.movedDate().toString());
            if (d.birthDate() != null) {
                answers.put("deceasedBirthDate", d.birthDate().toString());
                if (d.birthDate().until(d.movedDate()).getYears() >= 75) {
                    answers.put("insurance", "kouki");
                }
            }
            boolean head = "世帯主".equals(d.relationship());
            answers.put("wasHouseholdHead", head);
            if (head) {
                LocalDate today = today();
                answers.put("remainingMembers", String.valueOf(records.household(d.atenaNumber()).stream()
                        .filter(m -> m.ageOn(today) >= 15).count()));
            }
        }
        jdbc.sql("""
                update counter_visit set life_event = ?, subject_atena = ?, answers = cast(? as jsonb), procedures = '{}',
                    sheets = '{}', version = version + 1 where id = ? and state = 'OPEN'""")
                .params(event.code(), subject, json.writeValueAsString(answers), id).update();
        event(id, "EVENT_CHOSEN", Map.of("lifeEvent", event.code(), "fromRegister", answers.size()));
    }

    /** Saves answers as typed (merged over the earlier ones); answers the evaluator cannot read are reported. */
    @Transactional
    void answer(UUID id, Map<String, Object> raw) {
        Visit v = requireOpen(id);
        Map<String, Object> merged = new LinkedHashMap<>(v.answers());
        raw.forEach((k, val) -> {
            if (val == null || (val instanceof String s && s.isBlank())) {
                merged.remove(k);
            } else {
                merged.put(k, val);
            }
        });
        LifeEvent event = event(v);
        Answers.read(event, merged); // throws AnswerException with every problem
        jdbc.sql("update counter_visit set answers = cast(? as jsonb), version = version + 1 where id = ?")
                .params(json.writeValueAsString(merged), id).update();
    }

    LifeEvent event(Visit v) {
        if (v.lifeEvent() == null) {
            throw new VisitException("ライフイベントを選んでください。");
        }
        return applications.catalog().event(v.lifeEvent()).orElseThrow();
    }

    Questionnaire questionnaire(Visit v) {
        LifeEvent event = event(v);
        return LifeEventEvaluator.questionnaire(event, Answers.read(event, v.answers()), today());
    }

    /** The procedures that apply, once the questionnaire is complete. */
    Optional<Determination> determination(Visit v) {
        if (v.lifeEvent() == null) {
            return Optional.empty();
        }
        LifeEvent event = event(v);
        try {
            return Optional.of(LifeEventEvaluator.determine(applications.catalog(), event,
                    Answers.read(event, v.answers()), today(), OfficeCalendar.standard()));
        } catch (AnswerException e) {
            return Optional.empty();
        }
    }

    // --------------------------------------------------------------------------------------------------- sheets

    /** Picks procedures (those with a form) and prefills their forms from the register, the card and the answers. */
    @Transactional
    void pick(UUID id, List<String> codes) {
        Visit v = requireOpen(id);
        Determination d = determination(v)
                .orElseThrow(() -> new VisitException("質問にすべて答えてから手続を選んでください。"));
        Catalog catalog = applications.catalog();
        List<String> picked = new ArrayList<>();
        for (String code : codes) {
            if (!d.codes().contains(code)) {
                throw new VisitException("手続「" + code + "」はこの回答では対象になりません。");
            }
            if (catalog.form(code).isEmpty()) {
                throw new VisitException("手続「" + catalog.procedure(code).map(p -> p.name()).orElse(code)
                        + "」には様式（フォーム）がありません。担当課の窓口でお手続きください。");
            }
            picked.add(code);
        }
        if (picked.isEmpty()) {
            throw new VisitException("準備する手続を1つ以上選んでください。");
        }
        Records records = new Records();
        PersonFacts visitor = records.person(v.visitorAtena()).orElseThrow();
        PersonFacts deceased = v.subjectAtena() == null ? null : records.person(v.subjectAtena()).orElseThrow();
        CounterPrefill.Sources sources = new CounterPrefill.Sources(visitor, deceased, d.answers().values(),
                records.children(v.visitorAtena()),
                deceased == null ? List.of() : records.household(deceased.atenaNumber()));
        Map<String, Visit.Sheet> sheets = new LinkedHashMap<>();
        for (String code : picked) {
            CounterPrefill.Result r = CounterPrefill.fill(catalog.form(code).orElseThrow(), sources);
            sheets.put(code, new Visit.Sheet(r.raw(), List.copyOf(r.prefilled())));
        }
        jdbc.sql("""
                update counter_visit set procedures = ?, sheets = cast(? as jsonb), version = version + 1
                 where id = ? and state = 'OPEN'""")
                .params(picked.toArray(String[]::new), json.writeValueAsString(sheets), id).update();
        event(id, "PROCEDURES_PICKED", Map.of("procedures", picked, "applicable", d.codes().size(),
                "prefilled", sheets.values().stream().mapToInt(s -> s.prefilled().size()).sum()));
    }

    /**
     * One input of a sheet: a path ({@code phone}, {@code children[1].guardianRelation}), its field, the raw value, the
     * current error, and whether it was filled without typing (prefilled, or reused from another sheet) — staff may
     * still correct it.
     */
    record Input(String path, FormField field, Object value, String error, boolean filled, LocalDate date) {

        /** The value as shown in a text input: dates in 和暦 (as read), lists joined. */
        public String display() {
            if (value == null) {
                return "";
            }
            if (date != null) {
                return jp.madoguchi.kit.Wareki.format(date);
            }
            return value instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                    : String.valueOf(value);
        }

        /** For choice and multi fields: whether {@code option} is chosen. */
        public boolean chosen(String option) {
            return value instanceof List<?> l ? l.contains(option) : option.equals(value);
        }
    }

    /**
     * The inputs of a sheet: every visible field (with the value and the current error), the prefilled ones marked
     * {@code filled}; attachments as 「原本を確認した」, the declaration left to the tablet.
     */
    List<Input> inputs(Visit v, String code) {
        Form form = applications.form(code);
        Visit.Sheet sheet = v.sheets().get(code);
        FormInput.Reading reading = reading(form, sheet);
        List<Input> out = new ArrayList<>();
        for (FormField f : form.fields()) {
            if (!FormInput.visible(f, reading.values(), today()) || f.id().equals(CounterPrefill.DECLARATION)) {
                continue;
            }
            if (f.isGroup()) {
                Object items = sheet.raw().get(f.id());
                int count = items instanceof List<?> l ? l.size() : 0;
                if (count == 0 && f.required()) {
                    out.add(new Input(f.id(), f, null, reading.error(f.id()).map(e -> e.message())
                            .orElse("住民記録に該当する方がいません（窓口で担当課にご確認ください）"), false, null));
                }
                for (int i = 0; i < count; i++) {
                    Map<?, ?> item = (Map<?, ?>) ((List<?>) items).get(i);
                    for (FormField sub : f.fields()) {
                        String path = f.id() + "[" + (i + 1) + "]." + sub.id();
                        @SuppressWarnings("unchecked")
                        Map<String, Object> itemValues = reading.values().get(f.id()) instanceof List<?> typed
                                && typed.size() > i ? (Map<String, Object>) typed.get(i) : Map.of();
                        if (!FormInput.visibleInItem(sub, itemValues, reading.values(), today())) {
                            continue;
                        }
                        out.add(new Input(path, sub, item.get(sub.id()), reading.error(path).map(e -> e.message())
                                .orElse(null), sheet.filled(path), itemValues.get(sub.id()) instanceof LocalDate d
                                        ? d : null));
                    }
                }
                continue;
            }
            out.add(new Input(f.id(), f, sheet.raw().get(f.id()), reading.error(f.id()).map(e -> e.message())
                    .orElse(null), sheet.filled(f.id()), reading.values().get(f.id()) instanceof LocalDate d ? d : null));
        }
        return out;
    }

    /** The reading of a sheet as it will be submitted: the declaration ticked on the tablet. */
    FormInput.Reading reading(Form form, Visit.Sheet sheet) {
        return FormInput.read(form, asSubmitted(form, sheet), today(), ApplicationService.SEEN_AT_COUNTER::equals,
                null);
    }

    /** A sheet's raw values as they are submitted: with the declaration the visitor makes by the tick on the tablet. */
    private static Map<String, Object> asSubmitted(Form form, Visit.Sheet sheet) {
        Map<String, Object> raw = new LinkedHashMap<>(sheet.raw());
        if (form.field(CounterPrefill.DECLARATION).isPresent()) {
            raw.put(CounterPrefill.DECLARATION, "true");
        }
        return raw;
    }

    /**
     * Saves what staff typed for a procedure: {@code input} by path (a multi-choice as its values joined by commas); a
     * blank value removes it. Typed paths are counted once each. A prefilled (or reused) value staff change becomes
     * typed; left as it was, it stays prefilled. A top-level value typed here is reused on the visit's other sheets
     * that have a field of the same id and type that nobody filled or typed (typed once, reused: counted as prefilled
     * there); changing or clearing it here changes or clears it there. Typing over a reused value changes this sheet
     * only (e.g. another account for one payment).
     */
    @Transactional
    void type(UUID id, String code, Map<String, String> input) {
        Visit v = requireOpen(id);
        Visit.Sheet sheet = v.sheets().get(code);
        if (sheet == null) {
            throw new VisitException("手続「" + code + "」はこの受付で選ばれていません。");
        }
        Catalog catalog = applications.catalog();
        Form form = catalog.form(code)
                .orElseThrow(() -> new VisitException("手続「" + code + "」の様式がカタログにありません。"));
        Map<String, Object> raw = new LinkedHashMap<>(sheet.raw());
        Set<String> prefilled = new LinkedHashSet<>(sheet.prefilled());
        Set<String> reused = new LinkedHashSet<>(sheet.reused());
        Set<String> typed = new LinkedHashSet<>(sheet.typed());
        Set<String> seen = new LinkedHashSet<>(sheet.seen());
        Map<String, Object> changed = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : input.entrySet()) {
            String path = e.getKey();
            FormField field = fieldAt(form, path);
            if (field == null) {
                throw new VisitException("様式「" + form.title() + "」に項目「" + path + "」はありません。");
            }
            String text = e.getValue() == null ? "" : e.getValue().strip();
            if (field.type() == FieldType.ATTACHMENT) {
                if (text.isEmpty()) {
                    seen.remove(path);
                    put(raw, path, null);
                } else {
                    seen.add(path);
                    put(raw, path, ApplicationService.SEEN_AT_COUNTER);
                }
                continue;
            }
            Object value = inputValue(field, text);
            Object current = get(raw, path);
            if (java.util.Objects.equals(current, value)) {
                continue;
            }
            prefilled.remove(path);
            boolean wasReused = reused.remove(path);
            if (value == null) {
                typed.remove(path);
            } else {
                typed.add(path);
            }
            put(raw, path, value);
            if (path.indexOf('[') < 0 && !wasReused) {
                changed.put(path, value);
            }
        }
        Map<String, Visit.Sheet> sheets = new LinkedHashMap<>(v.sheets());
        sheets.put(code, new Visit.Sheet(raw, List.copyOf(prefilled), List.copyOf(typed), List.copyOf(seen),
                List.copyOf(reused)));
        changed.forEach((fieldId, value) -> reuse(catalog, sheets, code, form.field(fieldId).orElseThrow(), value));
        jdbc.sql("update counter_visit set sheets = cast(? as jsonb), version = version + 1 where id = ?")
                .params(json.writeValueAsString(sheets), id).update();
    }

    /** The raw value of what staff typed: {@code null} for nothing (or an unticked box). */
    private static Object inputValue(FormField field, String text) {
        if (text.isEmpty()) {
            return null;
        }
        return switch (field.type()) {
            case BOOLEAN -> "true".equals(text) ? "true" : null;
            case MULTI -> java.util.Arrays.stream(text.split(",")).map(String::strip).filter(x -> !x.isEmpty())
                    .toList();
            case DATE -> {
                LocalDate d = parseDate(text);
                if (d == null) {
                    throw new VisitException("「" + field.label() + "」の「" + text
                            + "」は日付として読めません（2026-04-03 や 令和8年4月3日 の形で入力してください）。");
                }
                yield FormInput.rawDate(d);
            }
            default -> text;
        };
    }

    /**
     * Typed once, reused: puts {@code value} of {@code source} (typed on sheet {@code from}) on every other sheet with a
     * field of the same id and type whose value nobody prefilled or typed there (or that was reused before).
     */
    private static void reuse(Catalog catalog, Map<String, Visit.Sheet> sheets, String from, FormField source,
            Object value) {
        if (source.id().equals(CounterPrefill.DECLARATION)) {
            return;
        }
        for (Map.Entry<String, Visit.Sheet> e : List.copyOf(sheets.entrySet())) {
            Visit.Sheet other = e.getValue();
            FormField target = e.getKey().equals(from) ? null
                    : catalog.form(e.getKey()).flatMap(f -> f.field(source.id())).orElse(null);
            if (target == null || target.type() != source.type() || other.prefilled().contains(source.id())
                    || other.typed().contains(source.id())
                    || (!other.reused().contains(source.id()) && other.raw().get(source.id()) != null)
                    || (value instanceof String s && target.type() == FieldType.CHOICE && target.option(s).isEmpty())) {
                continue;
            }
            Map<String, Object> raw = new LinkedHashMap<>(other.raw());
            Set<String> reused = new LinkedHashSet<>(other.reused());
            if (value == null) {
                raw.remove(source.id());
                reused.remove(source.id());
            } else {
                raw.put(source.id(), value);
                reused.add(source.id());
            }
            sheets.put(e.getKey(), new Visit.Sheet(raw, other.prefilled(), other.typed(), other.seen(),
                    List.copyOf(reused)));
        }
    }

    @SuppressWarnings("unchecked")
    private static Object get(Map<String, Object> raw, String path) {
        int bracket = path.indexOf('[');
        if (bracket < 0) {
            return raw.get(path);
        }
        Object items = raw.get(path.substring(0, bracket));
        int index = Integer.parseInt(path.substring(bracket + 1, path.indexOf(']'))) - 1;
        if (!(items instanceof List<?> l) || index >= l.size()) {
            return null;
        }
        return ((Map<String, Object>) l.get(index)).get(path.substring(path.indexOf("].") + 2));
    }

    private static LocalDate parseDate(String s) {
        try {
            return LocalDate.parse(jp.madoguchi.kit.CharacterWidth.toHalfWidth(s));
        } catch (RuntimeException e) {
            try {
                return jp.madoguchi.kit.Wareki.parse(s);
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    private static FormField fieldAt(Form form, String path) {
        int bracket = path.indexOf('[');
        if (bracket < 0) {
            return form.field(path).orElse(null);
        }
        FormField group = form.field(path.substring(0, bracket)).orElse(null);
        return group == null ? null : group.field(path.substring(path.indexOf("].") + 2)).orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> raw, String path, Object value) {
        int bracket = path.indexOf('[');
        if (bracket < 0) {
            if (value == null) {
                raw.remove(path);
            } else {
                raw.put(path, value);
            }
            return;
        }
        String group = path.substring(0, bracket);
        int index = Integer.parseInt(path.substring(bracket + 1, path.indexOf(']'))) - 1;
        String sub = path.substring(path.indexOf("].") + 2);
        List<Object> items = new ArrayList<>((List<Object>) raw.getOrDefault(group, List.of()));
        Map<String, Object> item = new LinkedHashMap<>((Map<String, Object>) items.get(index));
        if (value == null) {
            item.remove(sub);
        } else {
            item.put(sub, value);
        }
        items.set(index, item);
        raw.put(group, items);
    }

    /** Every field error left, by procedure (empty: ready for the tablet). */
    Map<String, List<FormInput.FieldError>> problems(Visit v) {
        Map<String, List<FormInput.FieldError>> out = new LinkedHashMap<>();
        for (String code : v.procedures()) {
            FormInput.Reading r = reading(applications.form(code), v.sheets().get(code));
            if (!r.valid()) {
                out.put(code, r.errors());
            }
        }
        return out;
    }

    // ----------------------------------------------------------------------------------------- confirmation

    /**
     * A confirmation refused before anything was written (another visit's screen, content changed since the tablet
     * showed it): the transaction keeps the {@code CONFIRMATION_REFUSED} event that records it.
     */
    static final class ConfirmationRefused extends VisitException {

        ConfirmationRefused(String message) {
            super(message);
        }
    }

    /**
     * The visitor's confirmation on the tablet: checks that the token names this very visit, that the check code the
     * tablet showed is this visit's, that it is still open and unchanged since the tablet showed it ({@code
     * shownVersion}), then submits every procedure as a case (channel COUNTER, identity verified in person) and records
     * the counts.
     *
     * @throws VisitException for another visitor's, a changed or a finished visit, a missing tick, or fields still
     *     missing; nothing is saved but the {@code CONFIRMATION_REFUSED} event of another visit's or a changed screen
     */
    @Transactional(noRollbackFor = ConfirmationRefused.class)
    Submitted confirm(String token, UUID shownVisit, String shownCheckCode, int shownVersion, boolean attested,
            byte[] signaturePng) {
        Visit v = byToken(token).orElseThrow(() -> new VisitException("この確認画面は無効です。職員にお声がけください。"));
        if (!v.id().equals(shownVisit) || !v.checkCode().equals(shownCheckCode)) {
            event(v.id(), "CONFIRMATION_REFUSED", Map.of("reason", "other-visit"));
            throw new ConfirmationRefused("この確認画面は別の方の受付のものです。内容は保存していません。職員にお声がけください。");
        }
        if (v.state() != VisitState.OPEN) {
            throw new VisitException("この受付は" + v.state().label() + "です。確認はできません。職員にお声がけください。");
        }
        if (v.version() != shownVersion) {
            event(v.id(), "CONFIRMATION_REFUSED", Map.of("reason", "changed"));
            throw new ConfirmationRefused("表示した後で職員が内容を変更しました。内容は保存していません。"
                    + "下に表示し直した内容をもう一度ご確認ください。");
        }
        if (!attested) {
            throw new VisitException("内容を確認し、「内容に間違いありません」にチェックを入れてください。");
        }
        if (v.procedures().isEmpty() || !problems(v).isEmpty()) {
            throw new VisitException("職員が準備中の項目があります。職員にお声がけください。");
        }
        PersonFacts visitor = visitorAtKiosk(v).orElseThrow();
        List<ApplicationService.CounterProcedure> procedures = new ArrayList<>();
        for (String code : v.procedures()) {
            procedures.add(new ApplicationService.CounterProcedure(code,
                    asSubmitted(applications.form(code), v.sheets().get(code))));
        }
        Applicant applicant = new Applicant("counter", v.visitorAtena(), visitor.name(), visitor.nameKana(),
                visitor.birthDate(), visitor.sex(), visitor.address());
        AuditEvent.Actor staff = AuditEvent.Actor.staff(v.staffId(), v.staffName());
        String how = "CARD".equals(v.identifiedBy()) ? "マイナンバーカード（暗証番号照合）と住民記録の照合、職員 " + v.staffName()
                : "住民記録の検索と本人確認書類の確認、職員 " + v.staffName();
        Submitted submitted;
        try {
            submitted = applications.submitAtCounter(v.id(), applicant, procedures, staff, how);
        } catch (SubmissionException e) {
            throw new VisitException(e.getMessage() + "。職員にお声がけください。");
        }
        VisitState to = v.state().moveTo(VisitState.CONFIRMED);
        int updated = jdbc.sql("""
                update counter_visit set state = ?, confirmed_at = now(), application_id = ?, receipt_number = ?,
                    signature_png = ?, version = version + 1 where id = ? and state = 'OPEN' and version = ?""")
                .params(to.name(), submitted.applicationId(), submitted.receiptNumber(), signaturePng, v.id(),
                        shownVersion)
                .update();
        if (updated == 0) {
            throw new VisitException("この受付は確認の間に確認済みになったか変更されました。内容は保存していません。"
                    + "職員にお声がけください。");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("procedures", v.procedures());
        details.put("prefilled", v.prefilledCount());
        details.put("typed", v.typedCount());
        details.put("reused", v.reusedCount());
        details.put("seenAtCounter", v.seenCount());
        details.put("signature", signaturePng != null);
        event(v.id(), "CONFIRMED", details);
        audit.record(new AuditEvent("counter.visit.confirmed", staff, Channel.KIOSK, "counter_visit",
                v.id().toString(), null, KIOSK_VIA, Map.of("procedures", v.procedures().size())));
        return submitted;
    }

    /** Ends a visit; records its duration and what was done. */
    @Transactional
    void close(UUID id, AuditEvent.Actor staff) {
        Visit v = require(id);
        VisitState to = v.state().moveTo(VisitState.CLOSED);
        jdbc.sql("update counter_visit set state = ?, closed_at = now(), version = version + 1 where id = ?")
                .params(to.name(), id).update();
        Visit closed = require(id);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("durationSeconds", closed.duration(clock.instant()).toSeconds());
        details.put("procedures", v.state() == VisitState.CONFIRMED ? v.procedures() : List.of());
        details.put("prefilled", v.prefilledCount());
        details.put("typed", v.typedCount());
        details.put("confirmed", v.state() == VisitState.CONFIRMED);
        event(id, "CLOSED", details);
        audit.record(new AuditEvent("counter.visit.closed", staff, Channel.COUNTER, "counter_visit", id.toString(),
                null, VIA, Map.of("confirmed", v.state() == VisitState.CONFIRMED)));
    }

    Visit requireOpen(UUID id) {
        Visit v = require(id);
        if (v.state() != VisitState.OPEN) {
            throw new VisitException("この受付は" + v.state().label() + "です。変更はできません。");
        }
        return v;
    }

    // --------------------------------------------------------------------------------------------------- events

    /** A visit event (measured: what dashboards read). */
    record VisitEvent(long id, java.time.Instant at, String kind, Map<String, Object> details) {
    }

    void event(UUID visit, String kind, Map<String, Object> details) {
        jdbc.sql("""
                insert into counter_visit_event (municipality_code, visit_id, kind, details)
                values (?, ?, ?, cast(? as jsonb))""")
                .params(TenantContext.require(), visit, kind, json.writeValueAsString(details)).update();
    }

    List<VisitEvent> events(UUID visit) {
        return jdbc.sql("select * from counter_visit_event where visit_id = ? order by id").param(visit)
                .query((rs, n) -> new VisitEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("kind"), json.readValue(rs.getString("details"), MAP)))
                .list();
    }
}
