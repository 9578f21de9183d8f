package jp.madoguchi.payment.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.payment.ImportPolicy;
import jp.madoguchi.payment.LineProblem;
import jp.madoguchi.payment.ParsedPayment;
import jp.madoguchi.payment.PaymentFileFormat;
import jp.madoguchi.payment.PaymentImportReport;
import jp.madoguchi.payment.PaymentImportReport.Outcome;
import jp.madoguchi.payment.PaymentImports;
import jp.madoguchi.platform.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a payment file: reads it with its format while streaming the good records into the staging table (COPY),
 * then — unless the file must be rejected — reconciles it in the same transaction ({@link Reconciler}).
 *
 * <p>Idempotent twice over: the SHA-256 of the bytes (the same file again changes nothing) and each record's key
 * (a record re-sent in another file is a duplicate). One import per municipality at a time: a transaction-scoped
 * advisory lock on the tenant serialises them (imports of different municipalities run in parallel), so two files
 * touching the same installment are applied one after the other and the same file uploaded twice at once is
 * imported once.
 */
@Service
class PaymentImportService implements PaymentImports {

    private static final Logger log = LoggerFactory.getLogger(PaymentImportService.class);
    static final int REPORTED_PROBLEMS = 1000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final PaymentFileFormatRegistry registry;
    private final Reconciler reconciler;
    private final Clock clock;

    PaymentImportService(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, AuditTrail audit,
            PaymentFileFormatRegistry registry, Reconciler reconciler, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.audit = audit;
        this.registry = registry;
        this.reconciler = reconciler;
        this.clock = clock;
    }

    @Override
    public List<PaymentFileFormat> formats() {
        return registry.all();
    }

    @Override
    public List<LineProblem> problemsOf(long fileId) {
        return transactions.execute(s -> jdbc.sql(
                        "select line_no, reason from payment_import_error where file_id = :f order by line_no")
                .param("f", fileId).query((rs, n) -> new LineProblem(rs.getInt(1), rs.getString(2))).list());
    }

    @Override
    public PaymentImportReport importFile(String formatId, String fileName, byte[] content, ImportPolicy policy,
            AuditEvent.Actor actor) {
        String tenant = TenantContext.require();
        PaymentFileFormat format = registry.get(formatId);
        String sha256 = sha256(content);
        PaymentImportReport report = transactions.execute(status -> {
            lockTenant(jdbc, tenant);
            var earlier = jdbc.sql("select id from payment_import_file where sha256 = :sha").param("sha", sha256)
                    .query(Long.class).optional();
            if (earlier.isPresent()) {
                return new PaymentImportReport(Outcome.ALREADY_IMPORTED, earlier.get(), formatId, 0, 0, 0, 0, 0,
                        List.of());
            }
            Set<String> companyCodes = new HashSet<>(jdbc.sql(
                    "select company_code from payment_fund where company_code is not null").query(String.class).list());
            long fileId = jdbc.sql("""
                    insert into payment_import_file (municipality_code, format, file_name, sha256, policy, imported_by)
                    values (:tenant, :format, :name, :sha, :policy, :by) returning id
                    """).param("tenant", tenant).param("format", formatId).param("name", safeName(fileName))
                    .param("sha", sha256).param("policy", policy.name()).param("by", actorName(actor))
                    .query(Long.class).single();
            Collector collector = new Collector();
            long readStarted = System.nanoTime();
            long goodAmount;
            try (PaymentStage stage = PaymentStage.open(dataSource)) {
                collector.stage = stage;
                format.read(content, new PaymentFileFormat.Context(companyCodes, LocalDate.now(clock)), collector);
                stage.finish();
                goodAmount = collector.amount;
            }
            log.debug("Payment file {}: read and staged {} records in {} ms", fileId, collector.records,
                    (System.nanoTime() - readStarted) / 1_000_000);
            List<LineProblem> problems = collector.problems();
            boolean reject = !collector.fileProblems.isEmpty()
                    || (!collector.lineProblems.isEmpty() && policy == ImportPolicy.ALL_OR_NOTHING)
                    || collector.records == 0;
            if (collector.records == 0 && problems.isEmpty()) {
                problems = List.of(new LineProblem(0, "収納データが1件もありません"));
            }
            if (reject) {
                status.setRollbackOnly();
                return new PaymentImportReport(Outcome.REJECTED, 0, formatId, collector.records, 0, 0, 0, goodAmount,
                        problems.subList(0, Math.min(problems.size(), REPORTED_PROBLEMS)));
            }
            if (!collector.lineProblems.isEmpty()) {
                jdbc.sql("""
                        insert into payment_import_error (municipality_code, file_id, line_no, reason)
                        select :tenant, :file, unnest(cast(:lines as int[])), unnest(cast(:reasons as text[]))
                        """).param("tenant", tenant).param("file", fileId)
                        .param("lines", collector.lineProblems.stream().map(LineProblem::line).toArray(Integer[]::new))
                        .param("reasons", collector.lineProblems.stream().map(LineProblem::reason).toArray(String[]::new))
                        .update();
            }
            Reconciler.Counts counts = reconciler.reconcile(tenant, fileId);
            jdbc.sql("""
                    update payment_import_file set record_count = :records, applied_count = :applied,
                        quarantined_count = :quarantined, duplicate_count = :duplicates, bad_line_count = :bad,
                        total_amount = :amount where id = :file
                    """).param("records", collector.records).param("applied", counts.applied())
                    .param("quarantined", counts.quarantined()).param("duplicates", counts.staged() - counts.inserted())
                    .param("bad", collector.lineProblems.size()).param("amount", goodAmount).param("file", fileId)
                    .update();
            audit.record(new AuditEvent("payment.file.imported", actor, actor.backOfficeChannel(), "payment_import_file",
                    Long.toString(fileId), null, "payment-import", Map.of("format", formatId, "sha256", sha256,
                            "records", collector.records, "applied", counts.applied(), "quarantined",
                            counts.quarantined(), "debitFailed", counts.debitFailed(), "duplicates",
                            counts.staged() - counts.inserted(), "badLines", collector.lineProblems.size(),
                            "policy", policy.name())));
            List<LineProblem> all = new ArrayList<>(problems);
            all.addAll(counts.duplicates());
            all.sort(java.util.Comparator.comparingInt(LineProblem::line));
            return new PaymentImportReport(Outcome.COMMITTED, fileId, formatId, collector.records,
                    counts.applied() + counts.debitFailed(), counts.quarantined(), counts.staged() - counts.inserted(),
                    goodAmount, all.subList(0, Math.min(all.size(), REPORTED_PROBLEMS)));
        });
        if (report.outcome() == Outcome.REJECTED) {
            transactions.executeWithoutResult(s -> audit.record(new AuditEvent("payment.file.rejected", actor,
                    actor.backOfficeChannel(), "payment_import", sha256, null, "payment-import", Map.of("format", formatId,
                            "problems", report.problems().size(), "policy", policy.name()))));
        }
        log.info("Payment file {} ({}): {}, {} records, {} applied, {} quarantined, {} duplicates, {} problems",
                report.fileId(), formatId, report.outcome(), report.records(), report.applied(), report.quarantined(),
                report.duplicates(), report.problems().size());
        return report;
    }

    /** Serialises payment imports and manual matches of one municipality (transaction-scoped). */
    static void lockTenant(JdbcClient jdbc, String tenant) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('madoguchi.payment'), hashtext(:tenant))")
                .param("tenant", tenant).query().singleRow();
    }


    static String actorName(AuditEvent.Actor actor) {
        return actor.kind() == AuditEvent.Actor.Kind.STAFF ? "staff:" + actor.id() : "system:" + actor.name();
    }

    private static String safeName(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "(名前なし)" : fileName.strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Streams good records into the stage and keeps the problems. */
    private static final class Collector implements PaymentFileFormat.Sink {
        PaymentStage stage;
        final List<LineProblem> lineProblems = new ArrayList<>();
        final List<LineProblem> fileProblems = new ArrayList<>();
        int records;
        long amount;

        @Override
        public void payment(ParsedPayment payment) {
            stage.add(payment, null);
            records++;
            amount += payment.amount();
        }

        @Override
        public void lineProblem(int line, String reason) {
            lineProblems.add(new LineProblem(line, reason));
        }

        @Override
        public void fileProblem(String reason) {
            fileProblems.add(new LineProblem(0, reason));
        }

        List<LineProblem> problems() {
            List<LineProblem> all = new ArrayList<>(fileProblems);
            all.addAll(lineProblems);
            return all;
        }
    }
}
