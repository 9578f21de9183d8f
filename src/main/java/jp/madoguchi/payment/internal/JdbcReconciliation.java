package jp.madoguchi.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.payment.AssessmentException;
import jp.madoguchi.payment.PaymentChannel;
import jp.madoguchi.payment.PaymentKind;
import jp.madoguchi.payment.PaymentNumber;
import jp.madoguchi.payment.PaymentRecordView;
import jp.madoguchi.payment.Reconciliation;
import jp.madoguchi.payment.Refund;
import jp.madoguchi.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Quarantine, manual matching and the refund list. A manual match is reconciled by the same SQL as a file: the
 * quarantined record is staged again with the 納付番号 the staff member chose, as the only record of a "file" of
 * format {@code manual}, so the same rules (state machine, refunds, late flag) apply.
 */
@Service
class JdbcReconciliation implements Reconciliation {

    static final String RECORD_COLUMNS = "id, file_id, line_no, kind, channel, paid_on, amount, reference, outcome, "
            + "reason, installment_id";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Reconciler reconciler;

    JdbcReconciliation(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, AuditTrail audit,
            Reconciler reconciler) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.audit = audit;
        this.reconciler = reconciler;
    }

    static PaymentRecordView view(ResultSet rs) throws SQLException {
        long installment = rs.getLong("installment_id");
        Long installmentId = rs.wasNull() ? null : installment;
        return new PaymentRecordView(rs.getLong("id"), rs.getLong("file_id"), rs.getInt("line_no"),
                PaymentKind.valueOf(rs.getString("kind")), PaymentChannel.valueOf(rs.getString("channel")),
                rs.getDate("paid_on").toLocalDate(), rs.getLong("amount"), rs.getString("reference"),
                rs.getString("outcome"), rs.getString("reason"), installmentId);
    }

    @Override
    public List<PaymentRecordView> quarantine(int limit) {
        return transactions.execute(s -> jdbc.sql("select " + RECORD_COLUMNS
                        + " from payment_record where outcome = 'QUARANTINED' order by recorded_at, id limit :l")
                .param("l", limit).query((rs, n) -> view(rs)).list());
    }

    @Override
    public List<PaymentRecordView> recordsOf(long installmentId) {
        return transactions.execute(s -> jdbc.sql("select " + RECORD_COLUMNS
                        + " from payment_record where installment_id = :i order by id")
                .param("i", installmentId).query((rs, n) -> view(rs)).list());
    }

    @Override
    public PaymentRecordView matchManually(long recordId, String paymentNumber, String note, AuditEvent.Actor actor) {
        String tenant = TenantContext.require();
        String number = paymentNumber == null ? "" : paymentNumber.strip();
        if (!PaymentNumber.isValid(number)) {
            throw new AssessmentException("納付番号「" + number + "」は正しくありません（半角数字16桁、末尾は検査数字）");
        }
        if (note == null || note.isBlank()) {
            throw new AssessmentException("消込の理由（確認した内容）を入力してください");
        }
        return transactions.execute(status -> {
            PaymentImportService.lockTenant(jdbc, tenant);
            String outcome = jdbc.sql("select outcome from payment_record where id = :id for update")
                    .param("id", recordId).query(String.class).optional()
                    .orElseThrow(() -> new AssessmentException("収納データが見つかりません"));
            if (!outcome.equals("QUARANTINED")) {
                throw new AssessmentException("この収納データは保留中ではありません（すでに消込済みです）");
            }
            boolean exists = jdbc.sql("select exists (select 1 from payment_installment where payment_number = :n)")
                    .param("n", number).query(Boolean.class).single();
            if (!exists) {
                throw new AssessmentException("納付番号「" + number + "」の期別はありません");
            }
            long fileId = jdbc.sql("""
                    insert into payment_import_file (municipality_code, format, file_name, sha256, policy, imported_by,
                        record_count)
                    values (:t, 'manual', :name, :sha, 'ALL_OR_NOTHING', :by, 1) returning id
                    """).param("t", tenant).param("name", "手作業消込（収納データ " + recordId + "）")
                    .param("sha", PaymentImportService.sha256(("manual:" + recordId).getBytes(
                            java.nio.charset.StandardCharsets.UTF_8)))
                    .param("by", PaymentImportService.actorName(actor)).query(Long.class).single();
            PaymentStage.create(dataSource);
            jdbc.sql("""
                    insert into payment_stage (line_no, rk, tk, channel, kind, paid_on, paid_time, amount, reference,
                        fund_number, barcode, agent_code, store_code, transfer_date, result_code, manual_of)
                    select line_no, :rk, txn_key, channel, kind, paid_on, paid_time, amount, :number, null, barcode,
                        agent_code, store_code, transfer_date, result_code, id
                    from payment_record where id = :id
                    """).param("rk", PaymentStage.key("manual:" + recordId)).param("number", number)
                    .param("id", recordId).update();
            reconciler.reconcile(tenant, fileId);
            PaymentRecordView created = jdbc.sql("select " + RECORD_COLUMNS + " from payment_record where file_id = :f")
                    .param("f", fileId).query((rs, n) -> view(rs)).single();
            if (created.outcome().equals("QUARANTINED")) {
                status.setRollbackOnly();
                throw new AssessmentException("この期別には消し込めません: " + created.reason());
            }
            jdbc.sql("update payment_record set outcome = 'RESOLVED' where id = :id").param("id", recordId).update();
            audit.record(new AuditEvent("payment.record.matched", actor, actor.backOfficeChannel(),
                    "payment_record", Long.toString(recordId), null, "payment-quarantine",
                    Map.of("paymentNumber", number, "note", note.strip(), "newRecord", created.id(),
                            "installment", created.installmentId())));
            return created;
        });
    }

    @Override
    public List<Refund> openRefunds(int limit) {
        return transactions.execute(s -> jdbc.sql("""
                select f.id, f.kind, f.amount, i.payment_number, a.atena_number, f.record_id, r.paid_on,
                       f.status = 'OPEN' as open
                from payment_refund f join payment_installment i on i.id = f.installment_id
                join payment_assessment a on a.id = i.assessment_id join payment_record r on r.id = f.record_id
                where f.status = 'OPEN' order by f.created_at, f.id limit :l
                """).param("l", limit).query((rs, n) -> new Refund(rs.getLong("id"),
                        Refund.Kind.valueOf(rs.getString("kind")), rs.getLong("amount"), rs.getString("payment_number"),
                        rs.getString("atena_number"), rs.getLong("record_id"), rs.getDate("paid_on").toLocalDate(),
                        rs.getBoolean("open")))
                .list());
    }

    @Override
    public void settleRefund(long refundId, String note, AuditEvent.Actor actor) {
        transactions.executeWithoutResult(s -> {
            int changed = jdbc.sql("update payment_refund set status = 'SETTLED' where id = :id and status = 'OPEN'")
                    .param("id", refundId).update();
            if (changed == 0) {
                throw new AssessmentException("未処理の過誤納・一部納付の記録が見つかりません");
            }
            audit.record(new AuditEvent("payment.refund.settled", actor, actor.backOfficeChannel(),
                    "payment_refund", Long.toString(refundId), null, "payment-refunds",
                    Map.of("note", note == null ? "" : note.strip())));
        });
    }
}
