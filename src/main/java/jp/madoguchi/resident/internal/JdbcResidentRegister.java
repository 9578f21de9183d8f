package jp.madoguchi.resident.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.audit.RecordedEvent;
import jp.madoguchi.kit.CheckDigits;
import jp.madoguchi.kit.DateDisplay;
import jp.madoguchi.kit.Kana;
import jp.madoguchi.kit.KitFormatException;
import jp.madoguchi.kit.RegisterDate;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.kit.MyNumber;
import jp.madoguchi.resident.AccessPurpose;
import jp.madoguchi.resident.CertificateRecords;
import jp.madoguchi.resident.RegisterItems;
import jp.madoguchi.resident.ResidentRemoved;
import jp.madoguchi.resident.Standing;
import jp.madoguchi.resident.ResidentDetail;
import jp.madoguchi.resident.ResidentQuery;
import jp.madoguchi.resident.ResidentQueryException;
import jp.madoguchi.resident.ResidentRecord;
import jp.madoguchi.resident.ResidentRegister;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.resident.ResidentSummary;
import jp.madoguchi.staff.CurrentStaff;
import jp.madoguchi.staff.StaffMember;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register mirror on PostgreSQL. Reads go through {@link #search} and {@link #read}, which append one audit
 * event per person shown, in the same transaction.
 */
@Service
class JdbcResidentRegister implements ResidentRegister, ResidentRegistration {

    static final String FOREIGN_RESIDENT = "2";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final AuditTrail audit;
    private final CodeTables codes;
    private final MunicipalityDirectory municipalities;

    private final MyNumberCipher myNumbers;
    private final ApplicationEventPublisher events;

    JdbcResidentRegister(JdbcClient jdbc, JdbcTemplate jdbcTemplate, AuditTrail audit, CodeTables codes,
            MunicipalityDirectory municipalities, MyNumberCipher myNumbers, ApplicationEventPublisher events) {
        this.myNumbers = myNumbers;
        this.events = events;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.audit = audit;
        this.codes = codes;
        this.municipalities = municipalities;
    }

    // ---------------------------------------------------------------- reads (audited)

    @Override
    @Transactional
    public List<ResidentSummary> search(ResidentQuery query, AccessPurpose purpose, Channel channel, String via) {
        requirePurpose(purpose);
        String kana = blankToNull(query.kana());
        String atena = blankToNull(query.atenaNumber());
        String birth = blankToNull(query.birthDate());
        if (kana == null && atena == null) {
            throw new ResidentQueryException("kana", "氏名カナか宛名番号を入力してください。"
                    + (birth != null ? "生年月日だけでは検索できません。" : ""));
        }
        String kanaKey = null;
        if (kana != null) {
            kanaKey = Kana.searchKey(kana);
            if (kanaKey.isEmpty() || !kanaKey.codePoints().allMatch(JdbcResidentRegister::isKanaKeyCharacter)) {
                throw new ResidentQueryException("kana",
                        "氏名カナはカタカナかひらがなで入力してください（入力: 「" + kana + "」）。");
            }
        }
        if (atena != null) {
            validateAtenaNumber(atena);
        }
        Integer birthSort = null;
        if (birth != null) {
            try {
                RegisterDate date = RegisterDate.parse(birth);
                if (!date.isExact()) {
                    throw new ResidentQueryException("birthDate", "生年月日は年・月・日まで入力してください（入力: 「"
                            + birth + "」）。");
                }
                // The sort key's last two digits say how the date was written (calendar, precision): compare the day only.
                birthSort = date.sortKey() / 100 * 100;
            } catch (KitFormatException e) {
                throw new ResidentQueryException("birthDate",
                        "生年月日を読み取れません（入力: 「" + birth + "」）。例: 昭和60年7月7日、S60.7.7、1985-07-07");
            }
        }
        List<ResidentSummary> hits = currentSummaries(atena, kanaKey, birthSort, SEARCH_LIMIT);
        recordAccesses("resident.listed", hits.stream().map(ResidentSummary::atenaNumber).toList(), purpose, channel,
                via);
        return hits;
    }

    @Override
    @Transactional
    public List<ResidentSummary> searchByBirthDate(LocalDate birthDate, Predicate<ResidentSummary> keep,
            AccessPurpose purpose, Channel channel, String via) {
        requirePurpose(purpose);
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(keep, "keep");
        // The sort key's last two digits say how the date was written (calendar, precision): compare the day only.
        int birthSort = RegisterDate.of(birthDate).sortKey() / 100 * 100;
        List<ResidentSummary> kept = currentSummaries(null, null, birthSort, null).stream()
                .filter(keep)
                .limit(SEARCH_LIMIT)
                .toList();
        recordAccesses("resident.listed", kept.stream().map(ResidentSummary::atenaNumber).toList(), purpose, channel,
                via);
        return kept;
    }

    /** Current records by any of 宛名番号, kana key prefix and birth day (null = any); {@code limit} null = all. */
    private List<ResidentSummary> currentSummaries(String atena, String kanaKey, Integer birthSort, Integer limit) {
        String municipalityName = municipalities.current().name();
        return jdbc.sql("""
                select r.*, t.name as town_name
                from resident_record r
                join town_area t on t.municipality_code = r.municipality_code and t.code = r.town_area_code
                where r.superseded_at is null
                  and (cast(:atena as text) is null or r.atena_number = :atena)
                  and (cast(:kana as text) is null or r.name_kana_key like :kana || '%'
                       or r.alias_kana_key like :kana || '%')
                  and (cast(:birth as integer) is null or r.birth_date_sort between :birth and :birth + 99)
                order by r.name_kana_key, r.birth_date_sort, r.atena_number
                limit :limit
                """)
                .param("atena", atena)
                .param("kana", kanaKey)
                .param("birth", birthSort)
                .param("limit", limit)
                .query((rs, n) -> toSummary(rs, municipalityName))
                .list();
    }

    @Override
    @Transactional
    public Optional<ResidentDetail> read(String atenaNumber, AccessPurpose purpose, Channel channel, String via) {
        requirePurpose(purpose);
        validateAtenaNumber(atenaNumber);
        String municipalityName = municipalities.current().name();
        List<ResidentRecord> history = jdbc.sql("""
                select r.*, t.name as town_name
                from resident_record r
                join town_area t on t.municipality_code = r.municipality_code and t.code = r.town_area_code
                where r.atena_number = :atena
                order by r.history_number desc
                """)
                .param("atena", atenaNumber)
                .query((rs, n) -> toRecord(rs, municipalityName))
                .list();
        if (history.isEmpty()) {
            return Optional.empty();
        }
        ResidentRecord current = history.stream().filter(ResidentRecord::current).findFirst().orElse(history.get(0));
        List<ResidentDetail.HouseholdMember> household = jdbc.sql("""
                select atena_number, family_name, given_name, relationship, birth_date_code, resident_type_code
                from resident_record
                where household_number = :household and superseded_at is null and resident_status_code = '1'
                order by case when relationship = '世帯主' then 0 else 1 end, birth_date_sort, atena_number
                """)
                .param("household", current.householdNumber())
                .query((rs, n) -> new ResidentDetail.HouseholdMember(rs.getString("atena_number"),
                        displayName(rs), rs.getString("relationship"),
                        displayBirthDate(rs.getString("birth_date_code"), rs.getString("resident_type_code"))))
                .list();
        recordAccesses("resident.read", List.of(atenaNumber), purpose, channel, via);
        // Each other household member shown (氏名, 続柄, 生年月日) is a read of that person's data too.
        recordAccesses("resident.listed", household.stream().map(ResidentDetail.HouseholdMember::atenaNumber)
                .filter(member -> !member.equals(atenaNumber)).toList(), purpose, channel, via);
        return Optional.of(new ResidentDetail(current, history, household));
    }

    @Override
    @Transactional
    public Optional<CertificateRecords> readForCertificate(String atenaNumber, boolean household,
            boolean withMyNumber, AccessPurpose purpose, AuditEvent.Actor actor, Channel channel, String via) {
        requirePurpose(purpose);
        validateAtenaNumber(atenaNumber);
        String tenant = TenantContext.require();
        String municipalityName = municipalities.current().name();
        // One query for the subject and, when asked and the subject is a 住登者, the household's other current
        // members: each with the first record's 異動年月日・異動事由, the certificate items and (only when asked) the
        // encrypted 個人番号.
        List<CertificateRecords.Member> members = jdbc.sql("""
                select r.*, t.name as town_name, f.moved_date as first_moved_date,
                    f.change_reason_code as first_change_reason_code, i.domicile, i.domicile_head, i.juminhyo_code,
                    coalesce(i.adult_ward, false) as adult_ward, %s
                from resident_record r
                join town_area t on t.municipality_code = r.municipality_code and t.code = r.town_area_code
                join lateral (
                    select h.moved_date, h.change_reason_code from resident_record h
                    where h.municipality_code = r.municipality_code and h.atena_number = r.atena_number
                    order by h.history_number limit 1) f on true
                left join resident_certificate_item i
                    on i.municipality_code = r.municipality_code and i.atena_number = r.atena_number
                %s
                where r.superseded_at is null
                  and (r.atena_number = :atena
                       or (:household and r.resident_status_code = '1' and r.household_number = (
                           select s.household_number from resident_record s
                           where s.atena_number = :atena and s.superseded_at is null
                             and s.resident_status_code = '1')))
                order by case when r.relationship = '世帯主' then 0 else 1 end, r.birth_date_sort, r.atena_number
                """.formatted(withMyNumber ? "n.key_id, n.ciphertext" : "null as key_id, null as ciphertext",
                        withMyNumber ? """
                                left join resident_my_number n
                                    on n.municipality_code = r.municipality_code and n.atena_number = r.atena_number"""
                                : ""))
                .param("atena", atenaNumber).param("household", household)
                .query((rs, n) -> member(rs, tenant, municipalityName)).list();
        Optional<CertificateRecords.Member> subject = members.stream()
                .filter(m -> m.record().atenaNumber().equals(atenaNumber)).findFirst();
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        String head = jdbc.sql("""
                select family_name, given_name from resident_record
                where household_number = :household and superseded_at is null and resident_status_code = '1'
                  and relationship = '世帯主'
                order by atena_number limit 1
                """).param("household", subject.get().record().householdNumber()).query((rs, n) -> displayName(rs))
                .optional().orElse(null);
        List<AuditEvent> events = new ArrayList<>();
        for (CertificateRecords.Member m : members) {
            events.add(new AuditEvent("resident.read", actor, channel, "resident", m.record().atenaNumber(),
                    purpose.label(), via, Map.of()));
            if (m.myNumber().isPresent()) {
                events.add(new AuditEvent("resident.my_number.read", actor, channel, "resident",
                        m.record().atenaNumber(), purpose.label(), via, Map.of()));
            }
        }
        audit.recordAll(events);
        return Optional.of(new CertificateRecords(subject.get(), List.copyOf(members), head));
    }

    private Standing currentStanding(String atena) {
        return Standing.ofStatusCode(jdbc.sql("""
                select resident_status_code from resident_record where atena_number = :atena and superseded_at is null
                """).param("atena", atena).query(String.class).single());
    }

    /** One member from a row of {@link #readForCertificate}'s query. */
    private CertificateRecords.Member member(ResultSet rs, String tenant, String municipalityName)
            throws SQLException {
        ResidentRecord record = toRecord(rs, municipalityName);
        Standing standing = Standing.ofStatusCode(rs.getString("resident_status_code"));
        RegisterItems items = new RegisterItems(rs.getString("domicile"), rs.getString("domicile_head"),
                rs.getString("juminhyo_code"), rs.getBoolean("adult_ward"));
        byte[] ciphertext = rs.getBytes("ciphertext");
        Optional<MyNumber> myNumber = ciphertext == null ? Optional.empty()
                : Optional.of(myNumbers.decrypt(ciphertext, rs.getString("key_id"), tenant, record.atenaNumber()));
        return new CertificateRecords.Member(record, standing,
                standing == Standing.REGISTERED ? null : record.movedDate(),
                rs.getObject("first_moved_date", LocalDate.class),
                codes.label("change_reason", rs.getString("first_change_reason_code")), items, myNumber);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RecordedEvent> accessesTo(String atenaNumber) {
        validateAtenaNumber(atenaNumber);
        return audit.about("resident", atenaNumber, 500);
    }

    /**
     * Who reads on the kiosk channel when no staff member is signed in: the resident at a self-service device
     * (the certificate kiosk after card and PIN, the counter's tablet with its visit's secret address); {@code via}
     * says which.
     */
    private static final AuditEvent.Actor KIOSK_RESIDENT = new AuditEvent.Actor(AuditEvent.Actor.Kind.RESIDENT, null,
            "本人（キオスク端末）");

    private void recordAccesses(String type, List<String> atenaNumbers, AccessPurpose purpose, Channel channel,
            String via) {
        AuditEvent.Actor actor = CurrentStaff.get()
                .map(StaffMember::actor)
                .or(() -> channel == Channel.KIOSK ? java.util.Optional.of(KIOSK_RESIDENT) : java.util.Optional.empty())
                .orElseThrow(() -> new IllegalStateException("Register reads need a signed-in staff member"));
        audit.recordAll(atenaNumbers.stream().map(atena -> new AuditEvent(type, actor, channel, "resident", atena,
                purpose.label(), via, Map.of())).toList());
    }

    private static void requirePurpose(AccessPurpose purpose) {
        if (purpose == null) {
            throw new ResidentQueryException("purpose", "利用目的を選んでください。");
        }
    }

    private static void validateAtenaNumber(String atena) {
        if (atena == null || !atena.matches("[0-9]{2,16}")) {
            throw new ResidentQueryException("atenaNumber", "宛名番号は半角数字で入力してください（入力: 「"
                    + (atena == null ? "" : atena) + "」）。");
        }
        if (!CheckDigits.isValidModulus11(atena)) {
            throw new ResidentQueryException("atenaNumber", "宛名番号「" + atena
                    + "」の検査数字（最後の桁）が正しくありません。番号をもう一度確認してください。");
        }
    }

    private static boolean isKanaKeyCharacter(int c) {
        return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    // ---------------------------------------------------------------- mapping

    private ResidentSummary toSummary(ResultSet rs, String municipalityName) throws SQLException {
        return new ResidentSummary(rs.getString("atena_number"), displayName(rs), rs.getString("name_kana"),
                rs.getString("alias"), displayBirthDate(rs.getString("birth_date_code"),
                        rs.getString("resident_type_code")),
                codes.label("sex", rs.getString("sex_code")),
                municipalityName + rs.getString("town_name") + rs.getString("address_detail"),
                codes.label("resident_status", rs.getString("resident_status_code")));
    }

    private ResidentRecord toRecord(ResultSet rs, String municipalityName) throws SQLException {
        String type = rs.getString("resident_type_code");
        return new ResidentRecord(rs.getString("atena_number"), rs.getInt("history_number"),
                rs.getString("household_number"), rs.getString("relationship"), codes.label("resident_type", type),
                FOREIGN_RESIDENT.equals(type), codes.label("resident_status", rs.getString("resident_status_code")),
                displayName(rs), rs.getString("name_kana"), rs.getString("alias"), rs.getString("alias_kana"),
                rs.getString("nationality"), displayBirthDate(rs.getString("birth_date_code"), type),
                rs.getString("birth_date_code"), codes.label("sex", rs.getString("sex_code")),
                municipalityName + rs.getString("town_name") + rs.getString("address_detail"),
                rs.getObject("moved_date", LocalDate.class), codes.label("change_reason",
                        rs.getString("change_reason_code")),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getObject("superseded_at") == null);
    }

    /** 氏名 as registered: family and given name with a full-width space (a half-width one for Latin names). */
    private static String displayName(ResultSet rs) throws SQLException {
        String family = rs.getString("family_name");
        String given = rs.getString("given_name");
        if (given == null || given.isEmpty()) {
            return family;
        }
        boolean latin = family.chars().allMatch(c -> c < 0x80);
        return family + (latin ? " " : "\u3000") + given;
    }

    /** 和暦 for Japanese residents, 西暦 for foreign residents' birth dates (住民記録システム標準仕様書). */
    static String displayBirthDate(String code, String residentType) {
        RegisterDate date = RegisterDate.fromCode(code);
        return date.format(FOREIGN_RESIDENT.equals(residentType) ? DateDisplay.SEIREKI : DateDisplay.WAREKI);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---------------------------------------------------------------- writes

    @Override
    @Transactional
    public void addTownAreas(List<TownArea> areas) {
        String tenant = TenantContext.require();
        jdbcTemplate.batchUpdate("insert into town_area (municipality_code, code, name, kana) values (?, ?, ?, ?) "
                + "on conflict do nothing", areas, 500, (ps, area) -> {
                    ps.setString(1, tenant);
                    ps.setString(2, area.code());
                    ps.setString(3, area.name());
                    ps.setString(4, area.kana());
                });
    }

    @Override
    @Transactional
    public void addHouseholds(Collection<String> householdNumbers) {
        String tenant = TenantContext.require();
        for (String number : householdNumbers) {
            if (!CheckDigits.isValidModulus11(number)) {
                throw new ResidentQueryException("householdNumber", "世帯番号「" + number + "」の検査数字が正しくありません。");
            }
        }
        jdbcTemplate.batchUpdate("insert into household (municipality_code, household_number) values (?, ?) "
                + "on conflict do nothing", householdNumbers, 1000, (ps, number) -> {
                    ps.setString(1, tenant);
                    ps.setString(2, number);
                });
    }

    @Override
    @Transactional
    public void registerAll(List<NewResident> residents, String recordedBy) {
        String tenant = TenantContext.require();
        List<Object[]> rows = new ArrayList<>(residents.size());
        for (int i = 0; i < residents.size(); i++) {
            NewResident r = residents.get(i);
            String where = (i + 1) + "件目（宛名番号 " + r.atenaNumber() + "）: ";
            if (r.atenaNumber() == null || !CheckDigits.isValidModulus11(r.atenaNumber())) {
                throw new ResidentQueryException("atenaNumber", where + "宛名番号の検査数字が正しくありません。");
            }
            requireCode("resident_type", r.residentTypeCode(), where + "住民種別");
            requireCode("resident_status", r.statusCode(), where + "住民状態");
            requireCode("sex", r.sexCode(), where + "性別");
            requireCode("change_reason", r.changeReasonCode(), where + "異動事由");
            String kanaKey = Kana.searchKey(r.nameKana());
            String aliasKey = r.aliasKana() == null ? null : Kana.searchKey(r.aliasKana());
            rows.add(new Object[] {tenant, r.atenaNumber(), r.householdNumber(), r.relationship(),
                    r.residentTypeCode(), r.statusCode(), r.familyName(), r.givenName(), r.nameKana(), kanaKey,
                    r.alias(), r.aliasKana(), aliasKey, r.nationality(), r.birthDate().toCode(),
                    r.birthDate().sortKey(), r.sexCode(), r.townAreaCode(), r.addressDetail(), r.movedDate(),
                    r.changeReasonCode(), recordedBy});
        }
        jdbcTemplate.batchUpdate("""
                insert into resident_record (municipality_code, atena_number, history_number, household_number,
                    relationship, resident_type_code, resident_status_code, family_name, given_name, name_kana,
                    name_kana_key, alias, alias_kana, alias_kana_key, nationality, birth_date_code, birth_date_sort,
                    sex_code, town_area_code, address_detail, moved_date, change_reason_code, recorded_by)
                values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }

    private void requireCode(String table, String code, String what) {
        if (!codes.isKnown(table, code)) {
            throw new ResidentQueryException(table, what + "のコード「" + code + "」はコード表にありません。");
        }
    }

    @Override
    @Transactional
    public void recordItems(String atenaNumber, RegisterItems items, String recordedBy) {
        validateAtenaNumber(atenaNumber);
        requireExists(atenaNumber);
        jdbc.sql("""
                insert into resident_certificate_item (municipality_code, atena_number, domicile, domicile_head,
                    juminhyo_code, adult_ward, recorded_by)
                values (:tenant, :atena, :domicile, :head, :code, :ward, :by)
                on conflict (municipality_code, atena_number) do update set domicile = excluded.domicile,
                    domicile_head = excluded.domicile_head, juminhyo_code = excluded.juminhyo_code,
                    adult_ward = excluded.adult_ward, recorded_at = now(), recorded_by = excluded.recorded_by
                """).param("tenant", TenantContext.require()).param("atena", atenaNumber)
                .param("domicile", items.domicile()).param("head", items.domicileHead())
                .param("code", items.juminhyoCode()).param("ward", items.adultWard()).param("by", recordedBy)
                .update();
    }

    @Override
    @Transactional
    public int addItemsWhereMissing(Map<String, RegisterItems> itemsByAtenaNumber, String recordedBy) {
        String tenant = TenantContext.require();
        List<Map.Entry<String, RegisterItems>> entries = List.copyOf(itemsByAtenaNumber.entrySet());
        int[][] counts = jdbcTemplate.batchUpdate("""
                insert into resident_certificate_item (municipality_code, atena_number, domicile, domicile_head,
                    juminhyo_code, adult_ward, recorded_by)
                select ?, ?, ?, ?, ?, ?, ?
                where exists (select 1 from resident_record where atena_number = ?)
                on conflict do nothing
                """, entries, 1000, (ps, e) -> {
                    ps.setString(1, tenant);
                    ps.setString(2, e.getKey());
                    ps.setString(3, e.getValue().domicile());
                    ps.setString(4, e.getValue().domicileHead());
                    ps.setString(5, e.getValue().juminhyoCode());
                    ps.setBoolean(6, e.getValue().adultWard());
                    ps.setString(7, recordedBy);
                    ps.setString(8, e.getKey());
                });
        int added = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                added += Math.max(c, 0);
            }
        }
        return added;
    }

    @Override
    @Transactional
    public void recordMyNumber(String atenaNumber, MyNumber myNumber, boolean onlyIfAbsent, String recordedBy) {
        validateAtenaNumber(atenaNumber);
        requireExists(atenaNumber);
        String tenant = TenantContext.require();
        jdbc.sql("""
                insert into resident_my_number (municipality_code, atena_number, key_id, ciphertext, recorded_by)
                values (:tenant, :atena, :keyId, :ciphertext, :by)
                on conflict (municipality_code, atena_number) do
                """ + (onlyIfAbsent ? " nothing" : """
                 update set key_id = excluded.key_id, ciphertext = excluded.ciphertext, recorded_at = now(),
                    recorded_by = excluded.recorded_by""")).param("tenant", tenant).param("atena", atenaNumber)
                .param("keyId", myNumbers.keyId()).param("ciphertext", myNumbers.encrypt(myNumber, tenant, atenaNumber))
                .param("by", recordedBy).update();
    }

    @Override
    @Transactional
    public boolean recordRemoval(String atenaNumber, Standing standing, LocalDate on, String recordedBy) {
        validateAtenaNumber(atenaNumber);
        if (standing == Standing.REGISTERED) {
            throw new ResidentQueryException("standing", "転出・死亡などの消除の種別を選んでください。");
        }
        requireExists(atenaNumber);
        if (currentStanding(atenaNumber) != Standing.REGISTERED) {
            return false;
        }
        String reason = switch (standing) {
            case MOVED_OUT -> "move_out";
            case DIED -> "death";
            default -> "correction";
        };
        String tenant = TenantContext.require();
        int previous = jdbc.sql("""
                update resident_record set superseded_at = now()
                where atena_number = :atena and superseded_at is null
                returning history_number
                """).param("atena", atenaNumber).query(Integer.class).single();
        jdbc.sql("""
                insert into resident_record (municipality_code, atena_number, history_number, household_number,
                    relationship, resident_type_code, resident_status_code, family_name, given_name, name_kana,
                    name_kana_key, alias, alias_kana, alias_kana_key, nationality, birth_date_code, birth_date_sort,
                    sex_code, town_area_code, address_detail, moved_date, change_reason_code, recorded_by)
                select municipality_code, atena_number, history_number + 1, household_number, relationship,
                    resident_type_code, :status, family_name, given_name, name_kana, name_kana_key, alias, alias_kana,
                    alias_kana_key, nationality, birth_date_code, birth_date_sort, sex_code, town_area_code,
                    address_detail, :on, :reason, :by
                from resident_record where atena_number = :atena and history_number = :previous
                """).param("status", standing.statusCode()).param("on", on).param("reason", reason)
                .param("by", recordedBy).param("atena", atenaNumber).param("previous", previous).update();
        events.publishEvent(new ResidentRemoved(tenant, atenaNumber, standing, on));
        return true;
    }

    private void requireExists(String atenaNumber) {
        boolean exists = jdbc.sql("select exists (select 1 from resident_record where atena_number = :atena)")
                .param("atena", atenaNumber).query(Boolean.class).single();
        if (!exists) {
            throw new ResidentQueryException("atenaNumber", "宛名番号「" + atenaNumber + "」の住民は住民記録にありません。");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from resident_record where superseded_at is null").query(Long.class)
                .single();
    }
}
