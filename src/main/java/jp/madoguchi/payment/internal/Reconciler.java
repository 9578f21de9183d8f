package jp.madoguchi.payment.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.madoguchi.payment.InstallmentState;
import jp.madoguchi.payment.LineProblem;
import jp.madoguchi.payment.internal.format.ZenginDebitLayout;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 消込 — reconciles the rows of the staging table ({@link PaymentStage}) against the installments, set-based: a
 * handful of SQL statements per round, whatever the number of rows.
 *
 * <p>Records of the same installment in one file are applied in file order: each gets a round (1 for the first
 * record of its 納付番号 in the file, 2 for the second …) and the rounds run one after another; within a round every
 * installment appears at most once, so one INSERT … SELECT can compute every record's effect from the installment's
 * current amounts. Per round:
 * <ol>
 *   <li>insert the payment records with their outcome (applied, quarantined with the reason, direct-debit failure),
 *       the change of money, the installment's state after it — checked against
 *       {@link InstallmentState#allowedTransitionsSql} — the late flag and the refund-list kind; a record whose key is
 *       already stored is a duplicate and is not inserted — and, in the same statement, update the installments
 *       from the applied records (see {@link #insertRoundSql()});</li>
 *   <li>mark the 速報 settled by a 確報 or 取消 (and the 郵便振替 reversed by a 訂正);</li>
 *   <li>add the refund-list entries.</li>
 * </ol>
 * The caller holds the tenant's import lock, so no other reconciliation of the same municipality runs meanwhile.
 */
@Component
class Reconciler {

    /** What one reconciliation did. */
    record Counts(int staged, int inserted, int applied, int quarantined, int debitFailed, long amount,
            List<LineProblem> duplicates) {
    }

    /**
     * Rounds: the n-th record of a 納付番号 that names an installment gets round n. Records of unknown numbers are
     * quarantined whatever their order, so they all stay in round 1.
     */
    private static final String ROUNDS = """
            update payment_stage s set round = d.n
            from (select line_no, row_number() over (partition by reference order by line_no) as n
                  from payment_stage
                  where reference in (select x.reference from payment_stage x where x.reference <> ''
                                      group by x.reference having count(*) > 1)
                    and exists (select 1 from payment_installment i where i.payment_number = reference)) d
            where d.line_no = s.line_no and d.n > 1
            """;

    /**
     * Records stored before (from another file) are duplicates: removed from the stage before the rounds, so the
     * inserts never look up the table they are growing.
     */
    private static final String ALREADY_STORED = """
            delete from payment_stage s
            where exists (select 1 from payment_record x where x.municipality_code = :tenant and x.record_key = s.rk)
            returning s.line_no
            """;

    private static final String DUPLICATES_IN_FILE = """
            delete from payment_stage s
            where s.ctid in (select ctid from (select ctid, row_number() over (partition by rk order by line_no) as n
                                               from payment_stage
                                               where rk in (select rk from payment_stage group by rk
                                                            having count(*) > 1)) x
                             where x.n > 1)
            returning s.line_no
            """;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Reconciler.class);

    /** Durations of the steps, for the debug log and the benchmark. */
    static final class Steps {
        private final StringBuilder text = new StringBuilder();
        private long last = System.nanoTime();

        void done(String step) {
            long now = System.nanoTime();
            text.append(step).append(' ').append((now - last) / 1_000_000).append(" ms; ");
            last = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private final JdbcClient jdbc;
    private final String insertRound;

    Reconciler(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.insertRound = insertRoundSql();
    }

    /** Reconciles everything staged, as records of {@code fileId}. */
    Counts reconcile(String tenant, long fileId) {
        Steps steps = new Steps();
        // hash joins and aggregates over a whole file stay in memory (the default 4MB spills them to disk at about
        // 100,000 records); for this transaction only
        jdbc.sql("set local work_mem = '64MB'").update();
        jdbc.sql("analyze payment_stage").update();
        int staged = jdbc.sql("select count(*) from payment_stage").query(Integer.class).single();
        List<LineProblem> repeated = jdbc.sql(DUPLICATES_IN_FILE).query((rs, n) -> new LineProblem(rs.getInt(1),
                "同じファイルの中に同じ収納データが繰り返されています（2件目以降は取り込みません）")).list();
        List<LineProblem> stored = jdbc.sql(ALREADY_STORED).param("tenant", tenant).query((rs, n) -> new LineProblem(
                rs.getInt(1), "取込済みの収納データです（重複のため取り込みません）")).list();
        steps.done("stage analysed, duplicates removed");
        jdbc.sql(ROUNDS).update();
        steps.done("rounds");
        int rounds = jdbc.sql("select coalesce(max(round), 0) from payment_stage").query(Integer.class).single();
        int inserted = 0;
        int quarantined = 0;
        int failed = 0;
        long amount = 0;
        for (int round = 1; round <= rounds; round++) {
            if (log.isTraceEnabled()) {
                log.trace("Plan of round {}:\n{}", round, String.join("\n", jdbc.sql("explain " + insertRound)
                        .param("tenant", tenant).param("file", fileId).param("round", round).query(String.class)
                        .list()));
            }
            long[] done = jdbc.sql(insertRound).param("tenant", tenant).param("file", fileId).param("round", round)
                    .query((rs, n) -> new long[] {rs.getLong("inserted"), rs.getLong("updated"),
                            rs.getLong("quarantined"), rs.getLong("debit_failed"), rs.getLong("amount")}).single();
            inserted += (int) done[0];
            quarantined += (int) done[2];
            failed += (int) done[3];
            amount += done[4];
            steps.done("round " + round + ": " + done[0] + " records inserted, " + done[1] + " installments updated");
            jdbc.sql("""
                    update payment_record p set outcome = case r.kind when 'CONFIRMED' then 'CONFIRMED'
                        when 'CANCEL_PRELIMINARY' then 'CANCELLED' else 'CORRECTED' end
                    from payment_record r
                    where r.file_id = :file and r.round = :round and r.matched_record_id is not null
                      and r.outcome = 'APPLIED' and p.id = r.matched_record_id
                    """).param("file", fileId).param("round", round).update();
            steps.done("round " + round + ": settled records marked");
            jdbc.sql("""
                    insert into payment_refund (municipality_code, record_id, installment_id, kind, amount)
                    select municipality_code, id, installment_id, refund_kind, refund_amount from payment_record
                    where file_id = :file and round = :round and refund_kind is not null
                    """).param("file", fileId).param("round", round).update();
            steps.done("round " + round + ": refunds");
        }
        List<LineProblem> duplicates = new java.util.ArrayList<>(repeated);
        duplicates.addAll(stored);
        duplicates.sort(java.util.Comparator.comparingInt(LineProblem::line));
        log.debug("Reconciled file {}: {}", fileId, steps);
        return new Counts(staged, inserted, inserted - quarantined - failed, quarantined, failed, amount, duplicates);
    }

    /**
     * One round's records with their effect, as one INSERT … SELECT whose RETURNING rows update the installments in
     * the same statement (a data-modifying CTE): the update joins the just-inserted rows by installment id, so its plan
     * does not depend on statistics of {@code payment_record} (the application role cannot ANALYZE it, and right after
     * a first import it has none).
     *
     * <p>The computation is layered in derived tables each closed with {@code offset 0}: without the fence PostgreSQL
     * pulls the layers up and pastes each column's expression wherever it is used, so the outcome — used a dozen
     * times, containing the reason, which contains the state-machine check, which contains the derived state 17
     * times … — was evaluated thousands of times per record. With the fences every value is computed once per row.
     */
    private static String insertRoundSql() {
        String failureReason = ZenginDebitLayout.RESULT_CODES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "when '" + e.getKey() + "' then '口座振替不能: " + e.getKey() + " " + e.getValue() + "'")
                .collect(Collectors.joining(" ", "case x.result_code ", " end"));
        return """
                with computed as (
                    select x.*, case when x.reason is not null then 'QUARANTINED'
                        when x.kind = 'DEBIT_RESULT' and x.result_code <> '0' then 'DEBIT_FAILED'
                        else 'APPLIED' end as outcome
                    from (
                        select w.*, case
                            when w.installment_id is null and w.reference = ''
                                then '納付番号を読み取れません（自由使用欄・顧客番号の形式が違います）'
                            when w.installment_id is null then '納付番号「' || w.reference || '」に該当する期別がありません'
                            when w.fund_number is not null and w.fund_number <> w.installment_fund_number
                                then '科目番号（' || w.fund_number || '）が期別の科目番号（' || w.installment_fund_number
                                     || '）と一致しません'
                            when w.state = 'CANCELLED' then '期別は取消済みです（調定取消）'
                            when w.kind = 'CANCEL_PRELIMINARY' and w.matched_id is null then '取り消す速報が見つかりません'
                            when w.kind = 'POSTAL_CORRECTION' and w.matched_id is null then '訂正する郵便振替が見つかりません'
                            when w.kind in ('CANCEL_PRELIMINARY', 'POSTAL_CORRECTION', 'CONFIRMED')
                                 and w.matched_id is not null and w.matched_amount <> w.amount
                                then '元の収納データの金額（' || w.matched_amount || '円）と金額（' || w.amount
                                     || '円）が異なります'
                            when not %s
                                then '期別の状態を ' || w.state || ' から ' || w.new_state || ' へは変更できません'
                            end as reason
                        from (
                            select v.*, %s as new_state
                            from (
                                select s.line_no, s.round, s.rk, s.tk, s.channel, s.kind, s.paid_on, s.paid_time,
                                    s.amount, s.reference, s.fund_number, s.barcode, s.agent_code, s.store_code,
                                    s.transfer_date, s.result_code, s.manual_of,
                                    i.id as installment_id, i.fund_code, i.amount as installment_amount,
                                    i.paid_amount, i.pending_amount, i.state, i.effective_due_date,
                                    f.fund_number as installment_fund_number, m.id as matched_id,
                                    m.amount as matched_amount,
                                    i.paid_amount + d.dpaid as new_paid, i.pending_amount + d.dpending as new_pending,
                                    d.dpaid, d.dpending
                                from payment_stage s
                                left join payment_installment i
                                       on i.municipality_code = :tenant and i.payment_number = s.reference
                                left join payment_fund f on f.municipality_code = :tenant and f.code = i.fund_code
                                left join (select distinct on (p.txn_key, p.kind) p.txn_key, p.kind, p.id, p.amount
                                           from payment_record p
                                           where p.municipality_code = :tenant and p.kind in ('PRELIMINARY', 'POSTAL')
                                             and p.outcome = 'APPLIED'
                                             and p.txn_key in (select tk from payment_stage where round = :round
                                                               and kind in ('CONFIRMED', 'CANCEL_PRELIMINARY',
                                                                            'POSTAL_CORRECTION'))
                                           order by p.txn_key, p.kind, p.id) m
                                       on s.kind in ('CONFIRMED', 'CANCEL_PRELIMINARY', 'POSTAL_CORRECTION')
                                      and m.txn_key = s.tk
                                      and m.kind = case s.kind when 'POSTAL_CORRECTION' then 'POSTAL' else 'PRELIMINARY' end
                                cross join lateral (select
                                    case s.kind when 'PRELIMINARY' then 0
                                                when 'CANCEL_PRELIMINARY' then 0
                                                when 'POSTAL_CORRECTION' then -coalesce(m.amount, 0)
                                                when 'DEBIT_RESULT' then case when s.result_code = '0' then s.amount else 0 end
                                                else s.amount end as dpaid,
                                    case s.kind when 'PRELIMINARY' then s.amount
                                                when 'CONFIRMED' then -coalesce(m.amount, 0)
                                                when 'CANCEL_PRELIMINARY' then -coalesce(m.amount, 0)
                                                else 0 end as dpending) d
                                where s.round = :round
                                offset 0) v
                            offset 0) w
                        offset 0) x
                    offset 0),
                inserted as (
                    insert into payment_record (municipality_code, file_id, line_no, round, record_key, txn_key,
                        channel, kind, paid_on, paid_time, amount, reference, fund_number, barcode, agent_code,
                        store_code, transfer_date, result_code, installment_id, fund_code, outcome, reason, delta_paid,
                        delta_pending, paid_after, pending_after, state_after, days_after_due, late, matched_record_id,
                        manual_of, refund_kind, refund_amount)
                    select :tenant, :file, x.line_no, x.round, x.rk, x.tk, x.channel, x.kind, x.paid_on, x.paid_time,
                        x.amount, x.reference, x.fund_number, x.barcode, x.agent_code, x.store_code, x.transfer_date,
                        x.result_code, x.installment_id, x.fund_code, x.outcome,
                        case when x.outcome = 'QUARANTINED' then x.reason
                             when x.outcome = 'DEBIT_FAILED' then %s end,
                        case when x.outcome = 'APPLIED' then x.dpaid else 0 end,
                        case when x.outcome = 'APPLIED' then x.dpending else 0 end,
                        case when x.outcome = 'APPLIED' then x.new_paid else x.paid_amount end,
                        case when x.outcome = 'APPLIED' then x.new_pending else x.pending_amount end,
                        case when x.outcome = 'APPLIED' then x.new_state else x.state end,
                        x.paid_on - x.effective_due_date,
                        x.outcome = 'APPLIED' and x.dpaid > 0 and x.paid_on > x.effective_due_date,
                        case when x.outcome = 'APPLIED' then x.matched_id end,
                        x.manual_of,
                        case when x.outcome <> 'APPLIED' or x.dpaid <= 0 then null
                             when x.paid_amount >= x.installment_amount then 'DOUBLE_PAYMENT'
                             when x.new_paid > x.installment_amount then 'OVERPAYMENT'
                             when x.new_paid < x.installment_amount and x.new_pending = 0 then 'PARTIAL_PAYMENT' end,
                        case when x.outcome <> 'APPLIED' or x.dpaid <= 0 then null
                             when x.paid_amount >= x.installment_amount then x.dpaid
                             when x.new_paid > x.installment_amount then x.new_paid - x.installment_amount
                             when x.new_paid < x.installment_amount and x.new_pending = 0
                                 then x.installment_amount - x.new_paid end
                    from computed x
                    returning installment_id, outcome, amount, delta_paid, paid_after, pending_after, state_after,
                        paid_on, channel, late),
                updated as (
                    update payment_installment i set paid_amount = r.paid_after, pending_amount = r.pending_after,
                        state = r.state_after,
                        paid_on = case when r.delta_paid > 0 then r.paid_on else i.paid_on end,
                        paid_channel = case when r.delta_paid > 0 then r.channel else i.paid_channel end,
                        late = i.late or r.late, updated_at = now()
                    from inserted r
                    where r.outcome = 'APPLIED' and i.id = r.installment_id
                    returning i.id)
                select count(*) as inserted, (select count(*) from updated) as updated,
                    count(*) filter (where outcome = 'QUARANTINED') as quarantined,
                    count(*) filter (where outcome = 'DEBIT_FAILED') as debit_failed,
                    coalesce(sum(amount), 0) as amount
                from inserted
                """.formatted(InstallmentState.allowedTransitionsSql("w.state", "w.new_state"),
                InstallmentState.deriveSql("v.installment_amount", "v.new_paid", "v.new_pending"), failureReason);
    }
}
