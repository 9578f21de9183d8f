package jp.madoguchi.nursery.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.nursery.AgeClass;
import jp.madoguchi.nursery.AllocationMode;
import jp.madoguchi.nursery.AllocationResult;
import jp.madoguchi.nursery.Blocking;
import jp.madoguchi.nursery.ChildExplanation;
import jp.madoguchi.nursery.FixedPlacement;
import jp.madoguchi.nursery.InvalidInstanceException;
import jp.madoguchi.nursery.NurseryMatching;
import jp.madoguchi.nursery.OptimalOptions;
import jp.madoguchi.nursery.Placement;
import jp.madoguchi.nursery.ProofStatus;
import jp.madoguchi.nursery.ValidationIssue;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs of a round: asked by staff (baseline or optimal, the optimal mode with a time limit), executed in the background
 * ({@link NurseryRunExecutor}) on a snapshot of the round's data taken when asked — kept with the run, so every run can
 * be inspected and repeated on exactly its input — then stored with one placement and explanation per child and the
 * blocking pairs that remain. A re-run with a placement fixed by hand reuses its parent's input. One run per round
 * may be published. State changes go through {@link RunState} here only, each audited.
 */
@Service
public class NurseryRuns {

    private static final Logger log = LoggerFactory.getLogger(NurseryRuns.class);
    static final int MAX_SECONDS = 600;

    /** What {@link #runView} reads: every column but the input snapshot, which can be megabytes per run. */
    private static final String RUN_COLUMNS = """
            id, round_id, mode, state, time_limit_seconds, parent_run_id, children, jsonb_array_length(fixed) as fixed_count,
            input_sha256, proof_status, placed, newly_admitted, transfers_moved, stable, proven_no_stable, blockings,
            solver_stats, allocation_millis, failure, created_at, created_by, started_at, finished_at, published_at,
            published_by""";

    /** What a queued run reads when it starts. */
    private record Asked(RunView run, String input, List<FixedPlacement> fixes) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private final NurseryStore store;
    private final InputSnapshots snapshots;
    private final NurseryRunExecutor executor;
    private final AuditTrail audit;
    private final MunicipalityDirectory municipalities;
    private final JsonMapper json;
    private final int defaultSeconds;
    private final int workers;

    public NurseryRuns(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions, NurseryStore store,
            InputSnapshots snapshots, NurseryRunExecutor executor, AuditTrail audit,
            MunicipalityDirectory municipalities, JsonMapper json,
            @Value("${madoguchi.nursery.optimal-seconds:60}") int defaultSeconds,
            @Value("${madoguchi.nursery.solver-workers:2}") int workers) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
        this.store = store;
        this.snapshots = snapshots;
        this.executor = executor;
        this.audit = audit;
        this.municipalities = municipalities;
        this.json = json;
        this.defaultSeconds = defaultSeconds;
        this.workers = workers;
    }

    /** The optimal mode's time limit when staff do not give one. */
    public int defaultSeconds() {
        return defaultSeconds;
    }

    /**
     * Asks for a run of a round on its current data. Refused when the data has issues (every issue in the
     * exception's details).
     *
     * @param seconds the optimal mode's time limit (1–600 s), or null for the default
     * @return the run's id; the run executes in the background
     */
    public long start(long roundId, AllocationMode mode, Integer seconds, AuditEvent.Actor actor) {
        Integer limit = mode == AllocationMode.OPTIMAL ? checkedSeconds(seconds) : null;
        String tenant = TenantContext.require();
        long id = transactions.execute(s -> {
            store.round(roundId).orElseThrow(() -> NurseryException.notFound("利用調整の回が見つかりません"));
            store.lockRound(roundId);
            RoundInput input = store.load(roundId);
            if (input.instance().families().isEmpty()) {
                throw new NurseryException("申込がありません（先に申込を取り込んでください）");
            }
            List<ValidationIssue> issues = input.instance().validate();
            if (!issues.isEmpty()) {
                throw new NurseryException("入力に誤りがあるため実行できません（" + issues.size() + "件）",
                        issues.stream().map(ValidationIssue::toString).toList());
            }
            String text = snapshots.write(input);
            long run = jdbc.sql("""
                    insert into nursery_run (municipality_code, round_id, mode, state, time_limit_seconds, workers,
                        input, input_sha256, children, created_by)
                    values (:t, :r, :mode, 'QUEUED', :limit, :workers, cast(:input as jsonb), :sha, :children, :by)
                    returning id
                    """).param("t", tenant).param("r", roundId).param("mode", mode.name()).param("limit", limit)
                    .param("workers", limit == null ? null : workers).param("input", text)
                    .param("sha", InputSnapshots.sha256(text)).param("children", input.instance().children().size())
                    .param("by", actor.name()).query(Long.class).single();
            audit.record(new AuditEvent("nursery.run.requested", actor, actor.backOfficeChannel(), "nursery_run",
                    Long.toString(run), null, "office-nursery", details("round", roundId, "mode", mode.name(),
                            "timeLimitSeconds", limit)));
            return run;
        });
        submit(tenant, id);
        return id;
    }

    /**
     * Fixes one child's placement by hand (and what it implies for its siblings: {@link NurseryMatching#implied}) on
     * top of a finished run's fixes, and re-runs the rest in the same mode on the same input.
     *
     * @param preference 第n希望 to place the child at, or 0 for 保留
     * @return the new run's id
     */
    public long rerunWithFix(long runId, String childId, int preference, AuditEvent.Actor actor) {
        String tenant = TenantContext.require();
        long id = transactions.execute(s -> {
            RunView parent = run(runId);
            if (!parent.state().hasResult()) {
                throw new NurseryException("完了した実行だけを手作業で直して再実行できます");
            }
            RoundInput input = snapshots.read(inputText(runId));
            List<FixedPlacement> fixes = new ArrayList<>(fixes(runId));
            NurseryMatching matching = NurseryMatching.prepare(input.instance());
            List<FixedPlacement> added;
            try {
                added = matching.implied(new FixedPlacement(childId, preference));
            } catch (IllegalArgumentException e) {
                throw new NurseryException(e.getMessage());
            }
            fixes.removeIf(f -> added.stream().anyMatch(a -> a.childId().equals(f.childId())));
            fixes.addAll(added);
            try {
                matching.baseline(fixes); // validates the fixes (seats, siblings) before the run is asked
            } catch (InvalidInstanceException e) {
                throw new NurseryException("この決定はできません", e.issues().stream().map(ValidationIssue::toString)
                        .toList());
            }
            long run = jdbc.sql("""
                    insert into nursery_run (municipality_code, round_id, mode, state, time_limit_seconds, workers,
                        parent_run_id, input, input_sha256, fixed, children, created_by)
                    select municipality_code, round_id, mode, 'QUEUED', time_limit_seconds, workers, id, input,
                        input_sha256, cast(:fixed as jsonb), children, :by
                    from nursery_run where id = :parent
                    returning id
                    """).param("fixed", snapshots.writeFixes(fixes)).param("by", actor.name()).param("parent", runId)
                    .query(Long.class).single();
            audit.record(new AuditEvent("nursery.run.fixed", actor, actor.backOfficeChannel(), "nursery_run",
                    Long.toString(run), null, "office-nursery", details("parent", runId, "child", childId,
                            "preference", preference, "fixes", fixes.size())));
            return run;
        });
        submit(tenant, id);
        return id;
    }

    private Integer checkedSeconds(Integer seconds) {
        int s = seconds == null ? defaultSeconds : seconds;
        if (s < 1 || s > MAX_SECONDS) {
            throw new NurseryException("最適化の制限時間は1〜" + MAX_SECONDS + "秒です（" + s + "秒）");
        }
        return s;
    }

    private void submit(String tenant, long runId) {
        executor.submit(() -> TenantContext.runAs(tenant, () -> execute(runId)));
    }

    /** Executes a queued run: reads its input, allocates, explains and stores. */
    void execute(long runId) {
        Asked asked;
        try {
            asked = transactions.execute(s -> {
                RunView run = run(runId);
                transition(run, RunState.RUNNING);
                return new Asked(run, inputText(runId), fixes(runId));
            });
        } catch (NurseryException e) {
            log.warn("nursery run {} not started: its state changed", runId);
            return;
        }
        RunView run = asked.run();
        List<FixedPlacement> fixes = asked.fixes();
        try {
            RoundInput input = snapshots.read(asked.input());
            NurseryMatching matching = NurseryMatching.prepare(input.instance());
            AllocationResult result = run.mode() == AllocationMode.BASELINE ? matching.baseline(fixes)
                    : matching.optimal(new OptimalOptions(run.timeLimitSeconds(), workers, 1), fixes);
            List<String> infeasible = matching.feasibilityProblems(result);
            if (!infeasible.isEmpty()) {
                fail(runId, "結果が条件を満たしません: " + String.join(" / ", infeasible));
                return;
            }
            List<ChildExplanation> explanations = matching.explainAll(result, fixes);
            transactions.executeWithoutResult(s -> store(run, result, explanations, fixes));
            log.info("nursery run {} finished: {} {}, {} of {} placed, {} blocking, {} ms", runId, run.mode(),
                    result.status(), result.placed(), result.placements().size(), result.blockings().size(),
                    Math.round(result.allocationMillis()));
        } catch (InvalidInstanceException e) {
            fail(runId, "入力に誤りがあるため実行できません: " + e.issues().stream().limit(20)
                    .map(ValidationIssue::toString).collect(Collectors.joining(" / ")));
        } catch (RuntimeException | Error e) {
            log.error("nursery run {} failed: {}", runId, e.getClass().getName());
            fail(runId, "実行中に予期しないエラーが起きました（" + e.getClass().getSimpleName() + "）");
        }
    }

    private void store(RunView run, AllocationResult result, List<ChildExplanation> explanations,
            List<FixedPlacement> fixes) {
        String tenant = TenantContext.require();
        java.util.Set<String> fixed = fixes.stream().map(FixedPlacement::childId).collect(Collectors.toSet());
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < result.placements().size(); i++) {
            positions.add(i);
        }
        jdbcTemplate.batchUpdate("""
                insert into nursery_placement (municipality_code, run_id, position, child_code, family_code, age_class,
                    score, priority, facility_code, preference, transfer, fixed, summary, reasons)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, positions, 500, (ps, i) -> {
                    Placement p = result.placements().get(i);
                    ChildExplanation e = explanations.get(i);
                    ps.setString(1, tenant);
                    ps.setLong(2, run.id());
                    ps.setInt(3, i + 1);
                    ps.setString(4, p.childId());
                    ps.setString(5, p.familyId());
                    ps.setInt(6, p.ageClass().age());
                    ps.setInt(7, p.score());
                    ps.setInt(8, p.priority());
                    ps.setString(9, p.facilityId());
                    ps.setInt(10, p.preference());
                    ps.setBoolean(11, p.transfer());
                    ps.setBoolean(12, fixed.contains(p.childId()));
                    ps.setString(13, e.summary());
                    ps.setArray(14, ps.getConnection().createArrayOf("text", e.reasons().toArray()));
                });
        RunView current = run(run.id());
        transition(current, RunState.FINISHED);
        jdbc.sql("""
                update nursery_run set proof_status = :proof, placed = :placed, newly_admitted = :newly,
                    transfers_moved = :moved, stable = :stable, proven_no_stable = :none,
                    blockings = cast(:blockings as jsonb), solver_stats = :stats, allocation_millis = :millis
                where id = :id
                """).param("proof", result.status().name()).param("placed", result.placed())
                .param("newly", result.newlyAdmitted()).param("moved", result.transfersMoved())
                .param("stable", result.stable()).param("none", result.provenNoStableAllocation())
                .param("blockings", json.writeValueAsString(result.blockings())).param("stats", result.solverStats())
                .param("millis", result.allocationMillis()).param("id", run.id()).update();
        audit.record(new AuditEvent("nursery.run.finished", AuditEvent.Actor.system("nursery-run"),
                jp.madoguchi.audit.Channel.SYSTEM, "nursery_run", Long.toString(run.id()), null, "nursery-run",
                details("placed", result.placed(), "children", result.placements().size(), "blockings",
                        result.blockings().size(), "status", result.status().name())));
    }

    private void fail(long runId, String reason) {
        transactions.executeWithoutResult(s -> {
            transition(run(runId), RunState.FAILED);
            jdbc.sql("update nursery_run set failure = :f where id = :id").param("f", reason).param("id", runId)
                    .update();
            audit.record(new AuditEvent("nursery.run.failed", AuditEvent.Actor.system("nursery-run"),
                    jp.madoguchi.audit.Channel.SYSTEM, "nursery_run", Long.toString(runId), null, "nursery-run",
                    Map.of()));
        });
    }

    /** The one place that changes a run's state: checks {@link RunState#canBecome} and that nobody changed it first. */
    private void transition(RunView run, RunState next) {
        if (!run.state().canBecome(next)) {
            throw new NurseryException("実行 #" + run.id() + " は「" + run.state().label() + "」のため「" + next.label()
                    + "」にできません");
        }
        String stamp = switch (next) {
            case RUNNING -> ", started_at = now()";
            case FINISHED, FAILED -> run.state() == RunState.PUBLISHED ? ", published_at = null, published_by = null"
                    : ", finished_at = now()";
            default -> "";
        };
        int updated = jdbc.sql("update nursery_run set state = :next" + stamp + " where id = :id and state = :current")
                .param("next", next.name()).param("id", run.id()).param("current", run.state().name()).update();
        if (updated != 1) {
            throw new NurseryException("実行 #" + run.id() + " の状態がほかの操作で変わりました。画面を更新してください");
        }
    }

    /** Publishes a finished run as the round's result; refused while another run of the round is published. */
    public void publish(long runId, AuditEvent.Actor actor) {
        transactions.executeWithoutResult(s -> {
            RunView run = run(runId);
            store.lockRound(run.roundId());
            Optional<RunView> published = runs(run.roundId()).stream()
                    .filter(r -> r.state() == RunState.PUBLISHED).findFirst();
            if (published.isPresent() && published.get().id() != runId) {
                throw new NurseryException("実行 #" + published.get().id()
                        + " を公開中です。1つの回に公開できる結果は1つです（先に公開を取り消してください）");
            }
            transition(run, RunState.PUBLISHED);
            jdbc.sql("update nursery_run set published_at = now(), published_by = :by where id = :id")
                    .param("by", actor.name()).param("id", runId).update();
            audit.record(new AuditEvent("nursery.run.published", actor, actor.backOfficeChannel(), "nursery_run",
                    Long.toString(runId), null, "office-nursery", Map.of("round", run.roundId())));
        });
    }

    /** Withdraws a publication (back to 完了). */
    public void withdraw(long runId, AuditEvent.Actor actor) {
        transactions.executeWithoutResult(s -> {
            RunView run = run(runId);
            transition(run, RunState.FINISHED);
            audit.record(new AuditEvent("nursery.run.withdrawn", actor, actor.backOfficeChannel(), "nursery_run",
                    Long.toString(runId), null, "office-nursery", Map.of("round", run.roundId())));
        });
    }

    /**
     * At start-up: runs left waiting or running by a stopped application are failed, in every municipality; the
     * solver's native library is loaded in the background so that the first optimal run does not wait for it.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void failInterrupted() {
        executor.submit(NurseryMatching::loadSolver);
        List<String> unfinished = java.util.Arrays.stream(RunState.values())
                .filter(st -> st.canBecome(RunState.FAILED)).map(Enum::name).toList();
        for (Municipality m : municipalities.all()) {
            TenantContext.runAs(m.code(), () -> transactions.executeWithoutResult(s -> {
                int n = jdbc.sql("""
                        update nursery_run set state = 'FAILED', finished_at = now(),
                            failure = 'アプリケーションの停止により中断されました。もう一度実行してください'
                        where state in (:states)
                        """).param("states", unfinished).update();
                if (n > 0) {
                    log.warn("{} nursery runs of {} were interrupted by a restart", n, m.code());
                }
            }));
        }
    }

    // --- reading ---

    public RunView run(long id) {
        return transactions.execute(s -> jdbc.sql("select " + RUN_COLUMNS + " from nursery_run where id = :id")
                .param("id", id).query(this::runView).optional()
                .orElseThrow(() -> NurseryException.notFound("実行 #" + id + " が見つかりません")));
    }

    public List<RunView> runs(long roundId) {
        return transactions.execute(s -> jdbc.sql("select " + RUN_COLUMNS
                + " from nursery_run where round_id = :r order by id desc").param("r", roundId).query(this::runView).list());
    }

    /** Whether the round's data is still what the run read (same snapshot). */
    public boolean inputCurrent(RunView run) {
        return transactions.execute(s -> InputSnapshots.sha256(snapshots.write(store.load(run.roundId())))
                .equals(run.inputSha256()));
    }

    /** The published run of a round, if any. */
    public Optional<RunView> published(long roundId) {
        return runs(roundId).stream().filter(r -> r.state() == RunState.PUBLISHED).findFirst();
    }

    /** Waits until a run has ended (for tests and scripts); returns it as it is then. */
    public RunView await(long id, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        RunView run = run(id);
        while (run.state().pending() && Instant.now().isBefore(end)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return run;
            }
            run = run(id);
        }
        return run;
    }

    /** The input the run read. */
    public RoundInput input(long runId) {
        return transactions.execute(s -> snapshots.read(inputText(runId)));
    }

    /** The input's JSON text. */
    String inputText(long runId) {
        return jdbc.sql("select input::text from nursery_run where id = :id").param("id", runId).query(String.class)
                .single();
    }

    /** The placements fixed by hand in a run. */
    public List<FixedPlacement> fixes(long runId) {
        return transactions.execute(s -> snapshots.readFixes(jdbc.sql("select fixed::text from nursery_run where id = :id")
                .param("id", runId).query(String.class).single()));
    }

    /** Every child's placement in a run, in the input's order. */
    public List<PlacementView> placements(long runId) {
        return transactions.execute(s -> jdbc.sql("""
                select p.*, f.name as facility_name from nursery_placement p
                left join nursery_facility f on f.municipality_code = p.municipality_code and f.code = p.facility_code
                where p.run_id = :r order by p.position
                """).param("r", runId).query(NurseryRuns::placementView).list());
    }

    /** One child's placement. */
    public Optional<PlacementView> placement(long runId, String childId) {
        return transactions.execute(s -> jdbc.sql("""
                select p.*, f.name as facility_name from nursery_placement p
                left join nursery_facility f on f.municipality_code = p.municipality_code and f.code = p.facility_code
                where p.run_id = :r and p.child_code = :c
                """).param("r", runId).param("c", childId).query(NurseryRuns::placementView).optional());
    }

    /** The placements of one family's children in a run, in the input's order. */
    public List<PlacementView> familyPlacements(long runId, String familyId) {
        return transactions.execute(s -> jdbc.sql("""
                select p.*, f.name as facility_name from nursery_placement p
                left join nursery_facility f on f.municipality_code = p.municipality_code and f.code = p.facility_code
                where p.run_id = :r and p.family_code = :family order by p.position
                """).param("r", runId).param("family", familyId).query(NurseryRuns::placementView).list());
    }

    /** Records that a staff member looked at a child's result (personal data: audited like a register read). */
    public void viewed(long runId, String childId, AuditEvent.Actor actor) {
        transactions.executeWithoutResult(s -> audit.record(new AuditEvent("nursery.placement.viewed", actor,
                actor.backOfficeChannel(), "nursery_child", childId, null, "office-nursery",
                Map.of("run", runId))));
    }

    /** Compares two runs of the same round. */
    public RunComparison compare(long firstId, long secondId) {
        RunView a = run(firstId);
        RunView b = run(secondId);
        if (a.roundId() != b.roundId()) {
            throw new NurseryException("同じ回の実行どうしを比較してください");
        }
        if (!a.state().hasResult() || !b.state().hasResult()) {
            throw new NurseryException("完了した実行どうしを比較してください");
        }
        List<PlacementView> pa = placements(firstId);
        List<PlacementView> pb = placements(secondId);
        Map<AgeClass, int[]> byAge = new EnumMap<>(AgeClass.class);
        for (AgeClass age : AgeClass.values()) {
            byAge.put(age, new int[2]);
        }
        Map<String, int[]> byFacility = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        count(pa, 0, byAge, byFacility, names);
        count(pb, 1, byAge, byFacility, names);
        List<RunComparison.FacilityRow> facilities = new ArrayList<>();
        for (String f : new TreeSet<>(byFacility.keySet())) {
            int[] v = byFacility.get(f);
            if (v[0] != v[1]) {
                facilities.add(new RunComparison.FacilityRow(f, names.get(f), v[0], v[1]));
            }
        }
        Map<String, PlacementView> ma = pa.stream().collect(Collectors.toMap(PlacementView::childId,
                Function.identity()));
        Map<String, PlacementView> mb = pb.stream().collect(Collectors.toMap(PlacementView::childId,
                Function.identity(), (x, y) -> x, LinkedHashMap::new));
        List<RunComparison.ChildChange> changed = new ArrayList<>();
        for (PlacementView x : pa) {
            PlacementView y = mb.get(x.childId());
            if (y == null || !Objects.equals(x.facilityId(), y.facilityId())) {
                changed.add(new RunComparison.ChildChange(x.childId(), x.familyId(), x.ageClass(), x.score(), x, y));
            }
        }
        for (PlacementView y : pb) {
            if (!ma.containsKey(y.childId())) {
                changed.add(new RunComparison.ChildChange(y.childId(), y.familyId(), y.ageClass(), y.score(), null, y));
            }
        }
        changed.sort(java.util.Comparator.comparingInt((RunComparison.ChildChange c) -> -c.score())
                .thenComparing(RunComparison.ChildChange::childId));
        return new RunComparison(a, b, byAge, facilities, changed, a.inputSha256().equals(b.inputSha256()));
    }

    private static void count(List<PlacementView> placements, int side, Map<AgeClass, int[]> byAge,
            Map<String, int[]> byFacility, Map<String, String> names) {
        for (PlacementView p : placements) {
            if (p.placed()) {
                byAge.get(p.ageClass())[side]++;
                byFacility.computeIfAbsent(p.facilityId(), f -> new int[2])[side]++;
                names.put(p.facilityId(), p.facilityName());
            }
        }
    }

    private RunView runView(ResultSet rs, int n) throws SQLException {
        String blockings = rs.getString("blockings");
        return new RunView(rs.getLong("id"), rs.getLong("round_id"), AllocationMode.valueOf(rs.getString("mode")),
                RunState.valueOf(rs.getString("state")), (Integer) rs.getObject("time_limit_seconds"),
                (Long) rs.getObject("parent_run_id"), rs.getInt("children"), rs.getInt("fixed_count"),
                rs.getString("input_sha256").strip(),
                rs.getString("proof_status") == null ? null : ProofStatus.valueOf(rs.getString("proof_status")),
                (Integer) rs.getObject("placed"), (Integer) rs.getObject("newly_admitted"),
                (Integer) rs.getObject("transfers_moved"), (Boolean) rs.getObject("stable"),
                (Boolean) rs.getObject("proven_no_stable"),
                blockings == null ? List.of() : List.of(json.readValue(blockings, Blocking[].class)),
                rs.getString("solver_stats"), (Double) rs.getObject("allocation_millis"), rs.getString("failure"),
                instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "started_at"),
                instant(rs, "finished_at"), instant(rs, "published_at"), rs.getString("published_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static PlacementView placementView(ResultSet rs, int n) throws SQLException {
        Array reasons = rs.getArray("reasons");
        return new PlacementView(rs.getInt("position"), rs.getString("child_code"), rs.getString("family_code"),
                AgeClass.ofAge(rs.getInt("age_class")), rs.getInt("score"), rs.getInt("priority"),
                rs.getString("facility_code"), rs.getString("facility_name"), rs.getInt("preference"),
                rs.getBoolean("transfer"), rs.getBoolean("fixed"), rs.getString("summary"),
                List.of((String[]) reasons.getArray()));
    }

    /** Audit details without nulls. */
    private static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }
}
