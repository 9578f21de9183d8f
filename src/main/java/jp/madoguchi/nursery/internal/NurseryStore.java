package jp.madoguchi.nursery.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import jp.madoguchi.nursery.AdmissionInstance;
import jp.madoguchi.nursery.AdmissionRound;
import jp.madoguchi.nursery.AgeClass;
import jp.madoguchi.nursery.BaseIndexRule;
import jp.madoguchi.nursery.Child;
import jp.madoguchi.nursery.Facility;
import jp.madoguchi.nursery.Family;
import jp.madoguchi.nursery.Guardian;
import jp.madoguchi.nursery.PointsTable;
import jp.madoguchi.nursery.SiblingOption;
import jp.madoguchi.nursery.TieBreakRule;
import jp.madoguchi.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rounds, their rules, facilities, seats and applications in PostgreSQL (tables of V70). Every method runs inside the
 * caller's transaction, whose tenant row-level security applies.
 */
@Repository
public class NurseryStore {

    private final JdbcClient jdbc;

    public NurseryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- rounds and rules ---

    /** Stores a new round with its rules; the month must not have a round yet. */
    long createRound(YearMonth month, String name, CriteriaTable rules, String by) {
        String t = TenantContext.require();
        AdmissionRound round = new AdmissionRound(month);
        long id = jdbc.sql("""
                insert into nursery_round (municipality_code, admission_month, age_reference_date, name,
                    base_index_rule, absent_guardian_points, max_preferences, created_by)
                values (:t, :month, :ref, :name, :rule, :absent, :max, :by) returning id
                """).param("t", t).param("month", round.admissionDay())
                .param("ref", LocalDate.of(round.fiscalYear(), 4, 1)).param("name", name)
                .param("rule", rules.baseIndexRule().name())
                .param("absent", rules.absentGuardianPoints()).param("max", rules.maxPreferences())
                .param("by", by).query(Long.class).single();
        insertRules(id, rules);
        return id;
    }

    /** Inserts the round's points items (in the table's order) and tie-break rules. */
    private void insertRules(long roundId, CriteriaTable rules) {
        String t = TenantContext.require();
        int position = 0;
        for (CriteriaTable.Line line : rules.items()) {
            PointsTable.Item item = line.item();
            jdbc.sql("""
                    insert into nursery_points_item (municipality_code, round_id, kind, code, category, label,
                        points, position)
                    values (:t, :r, :kind, :code, :category, :label, :points, :position)
                    """).param("t", t).param("r", roundId).param("kind", line.kind().name()).param("code", item.code())
                    .param("category", item.category()).param("label", item.label())
                    .param("points", item.points()).param("position", ++position).update();
        }
        int p = 0;
        for (TieBreakRule rule : rules.tieBreaks()) {
            jdbc.sql("insert into nursery_tie_break (municipality_code, round_id, position, rule) values (:t, :r, :p, :rule)")
                    .param("t", t).param("r", roundId).param("p", ++p).param("rule", rule.name()).update();
        }
    }

    /** Replaces the rules of a round: its settings, then every points item and tie-break rule. */
    void replaceRules(long roundId, CriteriaTable rules, String by) {
        jdbc.sql("""
                update nursery_round set base_index_rule = :rule, absent_guardian_points = :absent,
                    max_preferences = :max, rules_updated_at = now(), rules_updated_by = :by
                where id = :id
                """).param("rule", rules.baseIndexRule().name()).param("absent", rules.absentGuardianPoints())
                .param("max", rules.maxPreferences()).param("by", by).param("id", roundId).update();
        jdbc.sql("delete from nursery_points_item where round_id = :r").param("r", roundId).update();
        jdbc.sql("delete from nursery_tie_break where round_id = :r").param("r", roundId).update();
        insertRules(roundId, rules);
    }

    /** The rules of a round as stored, items in their order. */
    Optional<CriteriaTable> criteriaTable(long roundId) {
        return stored(roundId).map(StoredRound::table);
    }

    /** When and by whom the rules were last changed after the round was created, if they were. */
    Optional<RulesChange> rulesChange(long roundId) {
        return jdbc.sql("select rules_updated_at, rules_updated_by from nursery_round where id = :id and rules_updated_at is not null")
                .param("id", roundId).query((rs, n) -> new RulesChange(
                        rs.getObject("rules_updated_at", OffsetDateTime.class).toInstant(),
                        rs.getString("rules_updated_by"))).optional();
    }

    /** The last change of a round's rules. */
    public record RulesChange(java.time.Instant at, String by) {
    }

    /**
     * Which points codes the round's stored applications use (guardians' 基準指数, family and child 調整指数), with
     * the number of families and the first family's id, and the most choices any child lists.
     */
    RulesUsage rulesUsage(long roundId) {
        Map<String, RulesUsage.Use> base = new TreeMap<>();
        Map<String, RulesUsage.Use> adjustments = new TreeMap<>();
        jdbc.sql("""
                select kind, code, count(distinct family) as families, min(family) as example from (
                    select 'BASE' as kind, g as code, f.code as family
                    from nursery_family f cross join lateral unnest(array[f.guardian1, f.guardian2]) as g
                    where f.round_id = :r and g is not null
                    union all
                    select 'ADJUSTMENT', a, f.code
                    from nursery_family f cross join lateral unnest(f.adjustments) as a where f.round_id = :r
                    union all
                    select 'ADJUSTMENT', a, c.family_code
                    from nursery_child c cross join lateral unnest(c.adjustments) as a where c.round_id = :r
                ) u group by kind, code
                """).param("r", roundId).query((ResultSet rs) -> {
                    ("BASE".equals(rs.getString("kind")) ? base : adjustments).put(rs.getString("code"),
                            new RulesUsage.Use(rs.getInt("families"), rs.getString("example")));
                });
        int maxChoices = jdbc.sql("select coalesce(max(rank), 0) from nursery_preference where round_id = :r")
                .param("r", roundId).query(Integer.class).single();
        return new RulesUsage(base, adjustments, maxChoices);
    }

    /** The id of the round's latest run and the rules of its snapshot (JSON), if the round has a run. */
    Optional<Map.Entry<Long, String>> latestRunRules(long roundId) {
        return jdbc.sql("select id, input -> 'rules' as rules from nursery_run where round_id = :r order by id desc limit 1")
                .param("r", roundId).query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("rules"))).optional();
    }

    List<RoundView> rounds() {
        return jdbc.sql("select id from nursery_round order by admission_month desc").query(Long.class).list()
                .stream().map(id -> round(id).orElseThrow()).toList();
    }

    Optional<RoundView> round(long id) {
        return stored(id).map(StoredRound::view);
    }

    /** A round as read: its view (with the engine's rules) and its rules as the municipality orders them. */
    private record StoredRound(RoundView view, CriteriaTable table) {
    }

    private Optional<StoredRound> stored(long id) {
        Optional<Object[]> row = jdbc.sql("""
                select admission_month, age_reference_date, name, base_index_rule, absent_guardian_points,
                       max_preferences, created_at, created_by
                from nursery_round where id = :id
                """).param("id", id).query((rs, n) -> new Object[] {rs.getObject("admission_month", LocalDate.class),
                        rs.getObject("age_reference_date", LocalDate.class), rs.getString("name"),
                        rs.getString("base_index_rule"), rs.getInt("absent_guardian_points"),
                        rs.getInt("max_preferences"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("created_by")}).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = row.get();
        List<CriteriaTable.Line> lines = new ArrayList<>();
        jdbc.sql("select kind, code, category, label, points from nursery_points_item where round_id = :id order by position")
                .param("id", id).query((ResultSet rs) -> {
                    lines.add(new CriteriaTable.Line(PointsKind.valueOf(rs.getString("kind")), new PointsTable.Item(
                            rs.getString("code"), rs.getString("category"), rs.getString("label"),
                            rs.getInt("points"))));
                });
        List<TieBreakRule> tieBreaks = jdbc.sql("select rule from nursery_tie_break where round_id = :id order by position")
                .param("id", id).query(String.class).list().stream().map(TieBreakRule::valueOf).toList();
        CriteriaTable table = new CriteriaTable(BaseIndexRule.valueOf((String) r[3]), (int) r[4], (int) r[5], lines,
                tieBreaks);
        RoundView view = new RoundView(id, new AdmissionRound(YearMonth.from((LocalDate) r[0])), (String) r[2],
                (LocalDate) r[1], table.rules(), ((OffsetDateTime) r[6]).toInstant(), (String) r[7]);
        return Optional.of(new StoredRound(view, table));
    }

    boolean hasRound(long id) {
        return jdbc.sql("select exists (select 1 from nursery_round where id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    boolean roundExists(YearMonth month) {
        return jdbc.sql("select exists (select 1 from nursery_round where admission_month = :m)")
                .param("m", month.atDay(1)).query(Boolean.class).single();
    }

    /** Serialises imports and runs of one round (transaction-scoped advisory lock). */
    void lockRound(long roundId) {
        jdbc.sql("select pg_advisory_xact_lock(7070, cast(:r as int))").param("r", roundId).query().singleRow();
    }

    boolean hasPublishedRun(long roundId) {
        return jdbc.sql("select exists (select 1 from nursery_run where round_id = :r and state = 'PUBLISHED')")
                .param("r", roundId).query(Boolean.class).single();
    }

    // --- facilities and seats ---

    /** Every facility of the municipality with its classes in the round (none when it has no seats in it). */
    Map<String, ApplicationCsv.FacilityClasses> facilityClasses(long roundId) {
        Map<String, String> names = new TreeMap<>();
        Map<String, Set<AgeClass>> classes = new HashMap<>();
        jdbc.sql("""
                select f.code, f.name, s.age_class from nursery_facility f
                left join nursery_seat s on s.facility_code = f.code and s.round_id = :r
                """).param("r", roundId).query((ResultSet rs) -> {
                    String code = rs.getString("code");
                    names.put(code, rs.getString("name"));
                    Set<AgeClass> set = classes.computeIfAbsent(code, c -> java.util.EnumSet.noneOf(AgeClass.class));
                    int age = rs.getInt("age_class");
                    if (!rs.wasNull()) {
                        set.add(AgeClass.ofAge(age));
                    }
                });
        Map<String, ApplicationCsv.FacilityClasses> out = new LinkedHashMap<>();
        names.forEach((code, name) -> out.put(code, new ApplicationCsv.FacilityClasses(name, classes.get(code))));
        return out;
    }

    /** Facilities of the municipality with their seats in the round, by code. */
    List<Facility> facilities(long roundId) {
        Map<String, String> names = new TreeMap<>();
        Map<String, Map<AgeClass, Integer>> seats = new HashMap<>();
        jdbc.sql("""
                select f.code, f.name, s.age_class, s.seats from nursery_facility f
                left join nursery_seat s on s.facility_code = f.code and s.round_id = :r
                """).param("r", roundId).query((ResultSet rs) -> {
                    String code = rs.getString("code");
                    names.put(code, rs.getString("name"));
                    Map<AgeClass, Integer> m = seats.computeIfAbsent(code, c -> new EnumMap<>(AgeClass.class));
                    int age = rs.getInt("age_class");
                    if (!rs.wasNull()) {
                        m.put(AgeClass.ofAge(age), rs.getInt("seats"));
                    }
                });
        List<Facility> out = new ArrayList<>();
        names.forEach((code, name) -> out.add(new Facility(code, name, seats.get(code))));
        return out;
    }

    /** Inserts or renames a facility; returns whether the name changed or the facility is new. */
    boolean upsertFacility(String code, String name) {
        return jdbc.sql("""
                insert into nursery_facility (municipality_code, code, name) values (:t, :code, :name)
                on conflict (municipality_code, code) do update set name = excluded.name
                    where nursery_facility.name is distinct from excluded.name
                """).param("t", TenantContext.require()).param("code", code).param("name", name).update() > 0;
    }

    /** The seats of every facility in the round: facility id → class → seats. */
    Map<String, Map<AgeClass, Integer>> seatsOfRound(long roundId) {
        Map<String, Map<AgeClass, Integer>> m = new HashMap<>();
        jdbc.sql("select facility_code, age_class, seats from nursery_seat where round_id = :r").param("r", roundId)
                .query((ResultSet rs) -> {
                    m.computeIfAbsent(rs.getString("facility_code"), f -> new EnumMap<>(AgeClass.class))
                            .put(AgeClass.ofAge(rs.getInt("age_class")), rs.getInt("seats"));
                });
        return m;
    }

    void replaceSeats(long roundId, String facility, Map<AgeClass, Integer> seats) {
        String t = TenantContext.require();
        jdbc.sql("delete from nursery_seat where round_id = :r and facility_code = :f").param("r", roundId)
                .param("f", facility).update();
        seats.forEach((age, n) -> jdbc.sql("""
                insert into nursery_seat (municipality_code, round_id, facility_code, age_class, seats)
                values (:t, :r, :f, :a, :n)
                """).param("t", t).param("r", roundId).param("f", facility).param("a", age.age()).param("n", n)
                .update());
    }

    // --- applications ---

    /** Child id → family id of the applications stored in the round. */
    Map<String, String> childFamilies(long roundId) {
        Map<String, String> m = new HashMap<>();
        jdbc.sql("select code, family_code from nursery_child where round_id = :r").param("r", roundId)
                .query((ResultSet rs) -> {
                    m.put(rs.getString("code"), rs.getString("family_code"));
                });
        return m;
    }

    /** Content hash of every stored family of the round, by family id. */
    Map<String, String> familyHashes(long roundId) {
        Map<String, String> m = new HashMap<>();
        jdbc.sql("select code, content_hash from nursery_family where round_id = :r").param("r", roundId)
                .query((ResultSet rs) -> {
                    m.put(rs.getString("code"), rs.getString("content_hash"));
                });
        return m;
    }

    /**
     * Replaces families (their children and preferences) with the rows read from a file: one delete and one
     * multi-row insert per table ({@code unnest} of arrays), so a city's file is a handful of statements.
     */
    void replaceFamilies(long roundId, List<ApplicationCsv.ParsedFamily> families, long importId) {
        if (families.isEmpty()) {
            return;
        }
        String t = TenantContext.require();
        jdbc.sql("delete from nursery_family where round_id = :r and code = any(cast(:codes as text[]))")
                .param("r", roundId).param("codes", families.stream().map(ApplicationCsv.ParsedFamily::id)
                        .toArray(String[]::new)).update();
        int f = families.size();
        String[] code = new String[f];
        String[] g1 = new String[f];
        String[] g2 = new String[f];
        String[] adjustments = new String[f];
        String[] option = new String[f];
        Long[] income = new Long[f];
        Integer[] waiting = new Integer[f];
        Integer[] lottery = new Integer[f];
        String[] name = new String[f];
        String[] address = new String[f];
        String[] hash = new String[f];
        List<ApplicationCsv.ApplicationRow> rows = new ArrayList<>();
        List<String> rowFamily = new ArrayList<>();
        List<Integer> rowPosition = new ArrayList<>();
        for (int i = 0; i < f; i++) {
            ApplicationCsv.ParsedFamily family = families.get(i);
            ApplicationCsv.ApplicationRow first = family.rows().get(0);
            code[i] = family.id();
            g1[i] = first.guardian1();
            g2[i] = first.guardian2();
            adjustments[i] = String.join(" ", first.familyAdjustments());
            option[i] = first.siblingOption().name();
            income[i] = first.income() == null ? null : first.income().longValue();
            waiting[i] = first.waitingMonths();
            lottery[i] = first.lotteryNumber();
            name[i] = first.guardianName();
            address[i] = first.address();
            hash[i] = family.contentHash();
            int position = 0;
            for (ApplicationCsv.ApplicationRow row : family.rows()) {
                rows.add(row);
                rowFamily.add(family.id());
                rowPosition.add(++position);
            }
        }
        jdbc.sql("""
                insert into nursery_family (municipality_code, round_id, code, guardian1, guardian2, adjustments,
                    sibling_option, income, waiting_months, lottery_number, guardian_name, address, content_hash,
                    import_id)
                select :t, :r, u.code, u.g1, u.g2, coalesce(string_to_array(nullif(u.adj, ''), ' '), '{}'), u.opt,
                    u.income,
                    u.waiting, u.lottery, u.name, u.address, u.hash, :import
                from unnest(cast(:code as text[]), cast(:g1 as text[]), cast(:g2 as text[]), cast(:adj as text[]),
                    cast(:opt as text[]), cast(:income as bigint[]), cast(:waiting as int[]), cast(:lottery as int[]),
                    cast(:name as text[]), cast(:address as text[]), cast(:hash as text[]))
                    as u(code, g1, g2, adj, opt, income, waiting, lottery, name, address, hash)
                """).param("t", t).param("r", roundId).param("import", importId).param("code", code).param("g1", g1)
                .param("g2", g2).param("adj", adjustments).param("opt", option).param("income", income)
                .param("waiting", waiting).param("lottery", lottery).param("name", name).param("address", address)
                .param("hash", hash).update();
        int n = rows.size();
        String[] child = new String[n];
        String[] childName = new String[n];
        String[] birth = new String[n];
        String[] kind = new String[n];
        String[] current = new String[n];
        String[] childAdjustments = new String[n];
        List<String> prefChild = new ArrayList<>();
        List<Integer> prefRank = new ArrayList<>();
        List<String> prefFacility = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ApplicationCsv.ApplicationRow row = rows.get(i);
            child[i] = row.childId();
            childName[i] = row.childName();
            birth[i] = row.birthDate().toString();
            kind[i] = row.kind().name();
            current[i] = row.currentFacility();
            childAdjustments[i] = String.join(" ", row.childAdjustments());
            int rank = 0;
            for (String facility : row.preferences()) {
                prefChild.add(row.childId());
                prefRank.add(++rank);
                prefFacility.add(facility);
            }
        }
        jdbc.sql("""
                insert into nursery_child (municipality_code, round_id, code, family_code, position, name, birth_date,
                    kind, current_facility, adjustments)
                select :t, :r, u.code, u.family, u.position, u.name, u.birth, u.kind, u.current,
                    coalesce(string_to_array(nullif(u.adj, ''), ' '), '{}')
                from unnest(cast(:code as text[]), cast(:family as text[]), cast(:position as int[]),
                    cast(:name as text[]), cast(:birth as date[]), cast(:kind as text[]), cast(:current as text[]),
                    cast(:adj as text[])) as u(code, family, position, name, birth, kind, current, adj)
                """).param("t", t).param("r", roundId).param("code", child)
                .param("family", rowFamily.toArray(String[]::new)).param("position", rowPosition.toArray(Integer[]::new))
                .param("name", childName).param("birth", birth).param("kind", kind).param("current", current)
                .param("adj", childAdjustments).update();
        jdbc.sql("""
                insert into nursery_preference (municipality_code, round_id, child_code, rank, facility_code)
                select :t, :r, u.child, u.rank, u.facility
                from unnest(cast(:child as text[]), cast(:rank as int[]), cast(:facility as text[]))
                    as u(child, rank, facility)
                """).param("t", t).param("r", roundId).param("child", prefChild.toArray(String[]::new))
                .param("rank", prefRank.toArray(Integer[]::new)).param("facility", prefFacility.toArray(String[]::new))
                .update();
    }

    /** The round's current data as a run would read it. */
    RoundInput load(long roundId) {
        RoundView round = round(roundId).orElseThrow();
        List<Facility> facilities = facilities(roundId);
        Map<String, List<String>> preferences = new HashMap<>();
        jdbc.sql("select child_code, facility_code from nursery_preference where round_id = :r order by child_code, rank")
                .param("r", roundId).query((ResultSet rs) -> {
                    preferences.computeIfAbsent(rs.getString("child_code"), c -> new ArrayList<>())
                            .add(rs.getString("facility_code"));
                });
        Map<String, List<Child>> children = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<RoundInput.EnrolledChild> enrolled = new ArrayList<>();
        jdbc.sql("""
                select code, family_code, name, birth_date, kind, current_facility, adjustments from nursery_child
                where round_id = :r order by family_code, position
                """).param("r", roundId).query((ResultSet rs) -> {
                    String code = rs.getString("code");
                    String family = rs.getString("family_code");
                    LocalDate birth = rs.getObject("birth_date", LocalDate.class);
                    if (rs.getString("name") != null) {
                        names.put(code, rs.getString("name"));
                    }
                    if (ChildKind.valueOf(rs.getString("kind")) == ChildKind.ENROLLED) {
                        enrolled.add(new RoundInput.EnrolledChild(code, family, birth, rs.getString("current_facility")));
                    } else {
                        children.computeIfAbsent(family, f -> new ArrayList<>()).add(new Child(code, birth,
                                preferences.getOrDefault(code, List.of()), rs.getString("current_facility"),
                                strings(rs.getArray("adjustments"))));
                    }
                });
        List<Family> families = new ArrayList<>();
        Map<String, RoundInput.FamilyContact> contacts = new HashMap<>();
        jdbc.sql("select * from nursery_family where round_id = :r order by code").param("r", roundId)
                .query((ResultSet rs) -> {
                    String code = rs.getString("code");
                    List<Guardian> guardians = new ArrayList<>();
                    guardians.add(new Guardian(rs.getString("guardian1")));
                    if (rs.getString("guardian2") != null) {
                        guardians.add(new Guardian(rs.getString("guardian2")));
                    }
                    long income = rs.getLong("income");
                    Integer incomeOrNull = rs.wasNull() ? null : (int) income;
                    families.add(new Family(code, guardians, strings(rs.getArray("adjustments")),
                            SiblingOption.valueOf(rs.getString("sibling_option")),
                            children.getOrDefault(code, List.of()), incomeOrNull, rs.getInt("waiting_months"),
                            rs.getInt("lottery_number")));
                    contacts.put(code, new RoundInput.FamilyContact(rs.getString("guardian_name"),
                            rs.getString("address")));
                });
        return new RoundInput(new AdmissionInstance(round.round(), round.rules(), facilities, families), contacts,
                names, enrolled);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    // --- imports ---

    long insertImport(long roundId, String kind, String fileName, String sha256, String charset, String policy,
            int rows, int created, int updated, int unchanged, int quarantined, String by) {
        return jdbc.sql("""
                insert into nursery_import (municipality_code, round_id, kind, file_name, sha256, charset, policy,
                    row_count, created_count, updated_count, unchanged_count, quarantined_count, imported_by)
                values (:t, :r, :kind, :file, :sha, :charset, :policy, :rows, :created, :updated, :unchanged,
                    :quarantined, :by) returning id
                """).param("t", TenantContext.require()).param("r", roundId).param("kind", kind)
                .param("file", fileName).param("sha", sha256).param("charset", charset).param("policy", policy)
                .param("rows", rows).param("created", created).param("updated", updated)
                .param("unchanged", unchanged).param("quarantined", quarantined).param("by", by)
                .query(Long.class).single();
    }

    void insertProblems(long importId, List<ImportProblem> problems, Map<Integer, String> texts) {
        if (problems.isEmpty()) {
            return;
        }
        int n = problems.size();
        Integer[] row = new Integer[n];
        String[] column = new String[n];
        String[] message = new String[n];
        String[] raw = new String[n];
        for (int i = 0; i < n; i++) {
            ImportProblem p = problems.get(i);
            row[i] = p.row();
            column[i] = p.column();
            message[i] = p.message();
            raw[i] = texts.get(p.row());
        }
        jdbc.sql("""
                insert into nursery_import_problem (municipality_code, import_id, seq, row_no, column_name, message,
                    raw)
                select :t, :i, u.seq, u.row_no, u.column_name, u.message, u.raw
                from unnest(cast(:row as int[]), cast(:column as text[]), cast(:message as text[]), cast(:raw as text[]))
                    with ordinality as u(row_no, column_name, message, raw, seq)
                """).param("t", TenantContext.require()).param("i", importId).param("row", row).param("column", column)
                .param("message", message).param("raw", raw).update();
    }

    Optional<ImportRecord> importBySha(long roundId, String kind, String sha256) {
        return jdbc.sql("select * from nursery_import where round_id = :r and kind = :k and sha256 = :s")
                .param("r", roundId).param("k", kind).param("s", sha256).query(NurseryStore::importRecord).optional();
    }

    List<ImportRecord> imports(long roundId) {
        return jdbc.sql("select * from nursery_import where round_id = :r order by id desc").param("r", roundId)
                .query(NurseryStore::importRecord).list();
    }

    /** Quarantined rows of the round's imports (newest import first). */
    List<QuarantinedRow> quarantine(long roundId, int limit) {
        return jdbc.sql("""
                select p.import_id, i.file_name, p.row_no, p.column_name, p.message, p.raw
                from nursery_import_problem p join nursery_import i on i.id = p.import_id
                where i.round_id = :r order by p.import_id desc, p.seq limit :limit
                """).param("r", roundId).param("limit", limit)
                .query((rs, n) -> new QuarantinedRow(rs.getLong("import_id"), rs.getString("file_name"),
                        new ImportProblem(rs.getInt("row_no"), rs.getString("column_name"), rs.getString("message")),
                        rs.getString("raw"))).list();
    }

    private static ImportRecord importRecord(ResultSet rs, int n) throws SQLException {
        return new ImportRecord(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
                rs.getString("charset"), rs.getString("policy"), rs.getInt("row_count"), rs.getInt("created_count"),
                rs.getInt("updated_count"), rs.getInt("unchanged_count"), rs.getInt("quarantined_count"),
                rs.getObject("imported_at", OffsetDateTime.class).toInstant(), rs.getString("imported_by"));
    }

    /** A committed import. */
    public record ImportRecord(long id, String kind, String fileName, String charset, String policy, int rows,
            int created, int updated, int unchanged, int quarantined, java.time.Instant importedAt, String importedBy) {

        public String kindLabel() {
            return "FACILITIES".equals(kind) ? "施設・受入可能数" : "申込";
        }
    }

    /** A row not imported, with the reason. */
    public record QuarantinedRow(long importId, String fileName, ImportProblem problem, String raw) {
    }
}
