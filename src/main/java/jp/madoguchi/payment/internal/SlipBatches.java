package jp.madoguchi.payment.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.payment.Fund;
import jp.madoguchi.payment.Installment;
import jp.madoguchi.payment.PaymentSlips.SlipException;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 納付書の一括作成 in the background: staff ask for a fund's 年度・期別, get the batch's page at once and watch its
 * progress (pages done of the total, stored every {@value #PROGRESS_EVERY} pages or half second), then download the
 * PDF. One batch renders at a time per application instance (rendering is CPU-bound; a second request waits QUEUED).
 * A batch interrupted by a stop is marked FAILED at the next start, never left "running".
 */
@Service
public class SlipBatches {

    /** A batch as its page shows it. */
    public record Batch(UUID id, String fundCode, int fiscalYear, int installmentNumber, String state, int total,
            int done, String failure, Long renderMillis, String requestedBy, Instant requestedAt,
            Instant finishedAt) {

        public boolean running() {
            return state.equals("QUEUED") || state.equals("RUNNING");
        }

        public int percent() {
            return total == 0 ? 0 : (int) (100L * done / total);
        }

        public String stateLabel() {
            return switch (state) {
                case "QUEUED" -> "順番待ち";
                case "RUNNING" -> "作成中";
                case "DONE" -> "完了";
                default -> "失敗";
            };
        }
    }

    static final int PROGRESS_EVERY = 25;
    private static final long PROGRESS_NANOS = 500_000_000L;
    private static final Logger log = LoggerFactory.getLogger(SlipBatches.class);
    private static final String COLUMNS = """
            id, fund_code, fiscal_year, installment_no, state, total, done, failure, render_millis, requested_by,
            requested_at, finished_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JdbcPaymentSlips slips;
    private final MunicipalityDirectory municipalities;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("slip-batch").daemon(true).factory());

    SlipBatches(JdbcClient jdbc, TransactionTemplate transactions, JdbcPaymentSlips slips,
            MunicipalityDirectory municipalities) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.slips = slips;
        this.municipalities = municipalities;
    }

    /**
     * Asks for a batch; answers its id at once. Refused (with the reason) for an unknown fund or when no installment of
     * that 年度・期別 is open — nothing is queued then.
     */
    public UUID start(String fundCode, int fiscalYear, int installmentNumber, AuditEvent.Actor actor) {
        String tenant = TenantContext.require();
        Fund fund = slips.fund(fundCode);
        int total = slips.countOpen(fund, fiscalYear, installmentNumber);
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(s -> jdbc.sql("""
                insert into payment_slip_batch (id, municipality_code, fund_code, fiscal_year, installment_no, state,
                    total, requested_by)
                values (?, ?, ?, ?, ?, 'QUEUED', ?, ?)""")
                .params(id, tenant, fund.code(), fiscalYear, installmentNumber, total,
                        actor.name() == null ? actor.kind().name() : actor.name())
                .update());
        worker.submit(() -> TenantContext.runAs(tenant, () -> run(id, actor)));
        return id;
    }

    public Optional<Batch> batch(UUID id) {
        return transactions.execute(s -> jdbc.sql("select " + COLUMNS + " from payment_slip_batch where id = ?")
                .param(id).query((rs, n) -> map(rs)).optional());
    }

    /** The finished PDF of a batch. */
    public Optional<byte[]> pdf(UUID id) {
        return transactions.execute(s -> jdbc.sql("select pdf from payment_slip_batch where id = ? and state = 'DONE'")
                .param(id).query((rs, n) -> rs.getBytes(1)).optional());
    }

    /** The latest batches of the municipality, newest first. */
    public List<Batch> recent(int limit) {
        return transactions.execute(s -> jdbc.sql("select " + COLUMNS
                        + " from payment_slip_batch order by requested_at desc limit ?")
                .param(limit).query((rs, n) -> map(rs)).list());
    }

    private void run(UUID id, AuditEvent.Actor actor) {
        Batch b = batch(id).orElseThrow();
        try {
            Fund fund = slips.fund(b.fundCode());
            // The installments as they are now: one paid since the request is left out (the total follows).
            List<Installment> open = slips.openInstallments(fund, b.fiscalYear(), b.installmentNumber());
            transactions.executeWithoutResult(s -> jdbc.sql("""
                    update payment_slip_batch set state = 'RUNNING', total = ?, started_at = now() where id = ?""")
                    .params(open.size(), id).update());
            long started = System.nanoTime();
            long[] lastWrite = {started};
            byte[] pdf = slips.render(open, fund, done -> {
                long now = System.nanoTime();
                if (done % PROGRESS_EVERY == 0 || now - lastWrite[0] > PROGRESS_NANOS) {
                    lastWrite[0] = now;
                    progress(id, done);
                }
            });
            long millis = (System.nanoTime() - started) / 1_000_000;
            transactions.executeWithoutResult(s -> {
                jdbc.sql("""
                        update payment_slip_batch set state = 'DONE', done = total, pdf = ?, render_millis = ?,
                            finished_at = now() where id = ?""")
                        .params(pdf, millis, id).update();
            });
            slips.recordBatch(fund, b.fiscalYear(), b.installmentNumber(), open.size(), actor);
        } catch (SlipException e) {
            fail(id, e.getMessage());
        } catch (RuntimeException | Error e) {
            log.error("slip batch {} failed: {}", id, e.getClass().getName());
            fail(id, "納付書の作成中に障害が発生しました。もう一度作成してください。");
        }
    }

    private void progress(UUID id, int done) {
        transactions.executeWithoutResult(s -> jdbc.sql(
                "update payment_slip_batch set done = ? where id = ? and state = 'RUNNING'")
                .params(done, id).update());
    }

    private void fail(UUID id, String reason) {
        transactions.executeWithoutResult(s -> jdbc.sql("""
                update payment_slip_batch set state = 'FAILED', failure = ?, finished_at = now()
                 where id = ? and state in ('QUEUED', 'RUNNING')""").params(reason, id).update());
    }

    /** At start-up: batches a stopped application left queued or running are failed, in every municipality. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterrupted() {
        municipalities.all().forEach(m -> TenantContext.runAs(m.code(), () -> transactions.executeWithoutResult(s -> {
            int n = jdbc.sql("""
                    update payment_slip_batch set state = 'FAILED', finished_at = now(),
                        failure = 'アプリケーションの再起動で中断されました。もう一度作成してください。'
                     where state in ('QUEUED', 'RUNNING')""").update();
            if (n > 0) {
                log.warn("{} slip batches of {} were interrupted by a restart", n, m.code());
            }
        })));
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private static Batch map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Batch(rs.getObject("id", UUID.class), rs.getString("fund_code"), rs.getInt("fiscal_year"),
                rs.getInt("installment_no"), rs.getString("state"), rs.getInt("total"), rs.getInt("done"),
                rs.getString("failure"), (Long) rs.getObject("render_millis"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant());
    }
}
