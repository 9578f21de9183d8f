package jp.madoguchi.payment.internal;

import static jp.madoguchi.payment.internal.format.ZenginDebitLayout.put;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.payment.AssessmentException;
import jp.madoguchi.payment.DebitAccount;
import jp.madoguchi.payment.DirectDebitRequests;
import jp.madoguchi.payment.Fund;
import jp.madoguchi.payment.PaymentNumber;
import jp.madoguchi.payment.internal.format.ZenginDebitLayout;
import jp.madoguchi.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes the 全銀 口座振替 request file ({@link ZenginDebitLayout}) for a fund's installments due on a day. */
@Service
class ZenginDebitRequestWriter implements DirectDebitRequests {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    ZenginDebitRequestWriter(JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
    }

    private record Debit(String bank, String branch, String type, String account, String holder, long amount,
            boolean first, String paymentNumber, String atena) {
    }

    @Override
    public void registerAccount(DebitAccount account, AuditEvent.Actor actor) {
        String tenant = TenantContext.require();
        try {
            byte[] probe = ZenginDebitLayout.record('2');
            put(probe, ZenginDebitLayout.D_BANK_CODE, account.bankCode());
            put(probe, ZenginDebitLayout.D_BRANCH_CODE, account.branchCode());
            put(probe, ZenginDebitLayout.D_ACCOUNT_TYPE, account.accountType());
            put(probe, ZenginDebitLayout.D_ACCOUNT_NUMBER, account.accountNumber());
            put(probe, ZenginDebitLayout.D_HOLDER, account.holderKana());
        } catch (IllegalArgumentException e) {
            throw new AssessmentException(e.getMessage());
        }
        transactions.executeWithoutResult(s -> {
            jdbc.sql("""
                    insert into payment_debit_account (municipality_code, atena_number, fund_code, bank_code,
                        branch_code, account_type, account_number, holder_kana)
                    values (:t, :a, :f, :bank, :branch, :type, :account, :holder)
                    on conflict (municipality_code, atena_number, fund_code) do nothing
                    """).param("t", tenant).param("a", account.atenaNumber()).param("f", account.fundCode())
                    .param("bank", account.bankCode()).param("branch", account.branchCode())
                    .param("type", account.accountType()).param("account", account.accountNumber())
                    .param("holder", account.holderKana()).update();
            audit.record(new AuditEvent("payment.debit.account.registered", actor,
                    actor.backOfficeChannel(), "resident", account.atenaNumber(), null, "payment-debit",
                    Map.of("fund", account.fundCode())));
        });
    }

    @Override
    public byte[] generate(String fundCode, LocalDate debitDate, AuditEvent.Actor actor) {
        String tenant = TenantContext.require();
        return transactions.execute(s -> {
            Fund fund = jdbc.sql("select * from payment_fund where code = :c").param("c", fundCode)
                    .query((rs, n) -> JdbcAssessments.fund(rs)).optional()
                    .orElseThrow(() -> new AssessmentException("科目コード「" + fundCode + "」は登録されていません"));
            Fund.DebitContract contract = fund.debit().orElseThrow(() -> new AssessmentException(
                    "科目「" + fund.name() + "」には口座振替の契約（委託者コード等）が登録されていません"));
            List<Debit> debits = jdbc.sql("""
                    select d.bank_code, d.branch_code, d.account_type, d.account_number, d.holder_kana,
                           i.amount - i.paid_amount as amount, not d.first_requested as first, i.payment_number,
                           a.atena_number
                    from payment_installment i join payment_assessment a on a.id = i.assessment_id
                    join payment_debit_account d on d.atena_number = a.atena_number and d.fund_code = i.fund_code
                    where i.fund_code = :f and i.effective_due_date = :day and i.state in ('UNPAID', 'PARTIALLY_PAID')
                    order by i.payment_number
                    """).param("f", fundCode).param("day", debitDate)
                    .query((rs, n) -> new Debit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getBoolean(7), rs.getString(8), rs.getString(9)))
                    .list();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] header = ZenginDebitLayout.record('1');
            put(header, ZenginDebitLayout.H_TYPE_CODE, ZenginDebitLayout.TYPE_CODE);
            put(header, ZenginDebitLayout.H_CODE_SET, "0");
            put(header, ZenginDebitLayout.H_CONSIGNOR_CODE, contract.consignorCode());
            put(header, ZenginDebitLayout.H_CONSIGNOR_NAME, contract.consignorNameKana());
            put(header, ZenginDebitLayout.H_DEBIT_DATE, String.format("%02d%02d", debitDate.getMonthValue(),
                    debitDate.getDayOfMonth()));
            put(header, ZenginDebitLayout.H_BANK_CODE, contract.bankCode());
            put(header, ZenginDebitLayout.H_BANK_NAME, contract.bankNameKana());
            put(header, ZenginDebitLayout.H_BRANCH_CODE, contract.branchCode());
            put(header, ZenginDebitLayout.H_BRANCH_NAME, contract.branchNameKana());
            put(header, ZenginDebitLayout.H_ACCOUNT_TYPE, contract.accountType());
            put(header, ZenginDebitLayout.H_ACCOUNT_NUMBER, contract.accountNumber());
            write(out, header);
            long total = 0;
            for (Debit d : debits) {
                byte[] data = ZenginDebitLayout.record('2');
                put(data, ZenginDebitLayout.D_BANK_CODE, d.bank());
                put(data, ZenginDebitLayout.D_BRANCH_CODE, d.branch());
                put(data, ZenginDebitLayout.D_ACCOUNT_TYPE, d.type());
                put(data, ZenginDebitLayout.D_ACCOUNT_NUMBER, d.account());
                try {
                    put(data, ZenginDebitLayout.D_HOLDER, d.holder());
                } catch (IllegalArgumentException e) {
                    throw new AssessmentException("宛名番号 " + d.atena() + " の口座: " + e.getMessage());
                }
                put(data, ZenginDebitLayout.D_AMOUNT, d.amount());
                put(data, ZenginDebitLayout.D_NEW_CODE, d.first() ? "1" : "0");
                put(data, ZenginDebitLayout.D_CUSTOMER_NUMBER, new PaymentNumber(d.paymentNumber()).zenginCustomerNumber());
                put(data, ZenginDebitLayout.D_RESULT_CODE, "0");
                write(out, data);
                total += d.amount();
            }
            byte[] trailer = ZenginDebitLayout.record('8');
            put(trailer, ZenginDebitLayout.T_TOTAL_COUNT, debits.size());
            put(trailer, ZenginDebitLayout.T_TOTAL_AMOUNT, total);
            put(trailer, ZenginDebitLayout.T_DEBITED_COUNT, 0);
            put(trailer, ZenginDebitLayout.T_DEBITED_AMOUNT, 0);
            put(trailer, ZenginDebitLayout.T_FAILED_COUNT, 0);
            put(trailer, ZenginDebitLayout.T_FAILED_AMOUNT, 0);
            write(out, trailer);
            write(out, ZenginDebitLayout.record('9'));
            byte[] file = out.toByteArray();
            jdbc.sql("update payment_debit_account d set first_requested = true from payment_installment i "
                            + "join payment_assessment a on a.id = i.assessment_id where i.fund_code = :f "
                            + "and i.effective_due_date = :day and d.atena_number = a.atena_number "
                            + "and d.fund_code = i.fund_code and not d.first_requested")
                    .param("f", fundCode).param("day", debitDate).update();
            long id = jdbc.sql("""
                    insert into payment_debit_request (municipality_code, fund_code, debit_date, record_count,
                        total_amount, sha256, created_by)
                    values (:t, :f, :day, :n, :total, :sha, :by) returning id
                    """).param("t", tenant).param("f", fundCode).param("day", debitDate).param("n", debits.size())
                    .param("total", total).param("sha", PaymentImportService.sha256(file))
                    .param("by", PaymentImportService.actorName(actor)).query(Long.class).single();
            audit.record(new AuditEvent("payment.debit.requested", actor, actor.backOfficeChannel(),
                    "payment_debit_request", Long.toString(id), null, "payment-debit",
                    Map.of("fund", fundCode, "debitDate", debitDate.toString(), "records", debits.size(),
                            "total", total)));
            return file;
        });
    }

    private static void write(ByteArrayOutputStream out, byte[] record) {
        out.writeBytes(record);
        out.write('\r');
        out.write('\n');
    }
}
