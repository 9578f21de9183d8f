package jp.madoguchi.payment.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import jp.madoguchi.payment.DailyTotal;
import jp.madoguchi.payment.PaymentChannel;
import jp.madoguchi.payment.PaymentKind;
import jp.madoguchi.payment.PaymentReports;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 収納日計表 and the finance export, read from the payment records: confirmed money is the records' change of the
 * confirmed amount (a 確報, 郵便振替, 口座振替 or agent payment adds, a 郵便振替訂正 subtracts), 速報 not yet settled
 * are shown apart. Quarantined records count under 未消込.
 */
@Service
class JdbcPaymentReports implements PaymentReports {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    JdbcPaymentReports(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    private static final String TOTALS = """
            select %s as day, coalesce(r.fund_code, '') as fund_code, coalesce(f.name, '未消込') as fund_name,
                   r.channel,
                   count(*) filter (where r.delta_paid <> 0 or (r.outcome = 'QUARANTINED' and r.kind <> 'PRELIMINARY'))
                       as n,
                   coalesce(sum(case when r.outcome = 'QUARANTINED' and r.kind in ('CONFIRMED', 'POSTAL', 'PAYMENT')
                                     then r.amount
                                     when r.outcome = 'QUARANTINED' and r.kind = 'DEBIT_RESULT' and r.result_code = '0'
                                     then r.amount
                                     else r.delta_paid end), 0) as amount,
                   count(*) filter (where r.kind = 'PRELIMINARY' and r.outcome = 'APPLIED') as pending_n,
                   coalesce(sum(r.amount) filter (where r.kind = 'PRELIMINARY' and r.outcome = 'APPLIED'), 0)
                       as pending_amount
            from payment_record r left join payment_fund f on f.code = r.fund_code
            where r.paid_on between :from and :to and r.outcome <> 'RESOLVED'
            group by 1, 2, 3, 4
            having count(*) filter (where r.delta_paid <> 0 or r.outcome = 'QUARANTINED') > 0
                or count(*) filter (where r.kind = 'PRELIMINARY' and r.outcome = 'APPLIED') > 0
            order by 1, 2, 4
            """;

    @Override
    public List<DailyTotal> daily(LocalDate from, LocalDate to) {
        return totals("r.paid_on", from, to);
    }

    @Override
    public List<DailyTotal> period(LocalDate from, LocalDate to) {
        return totals("cast(:from as date)", from, to);
    }

    private List<DailyTotal> totals(String day, LocalDate from, LocalDate to) {
        return transactions.execute(s -> jdbc.sql(TOTALS.formatted(day)).param("from", from).param("to", to)
                .query((rs, n) -> new DailyTotal(rs.getDate("day").toLocalDate(), rs.getString("fund_code"),
                        rs.getString("fund_name"), PaymentChannel.valueOf(rs.getString("channel")), rs.getLong("n"),
                        rs.getLong("amount"), rs.getLong("pending_n"), rs.getLong("pending_amount")))
                .list());
    }

    @Override
    public byte[] financeExport(LocalDate from, LocalDate to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder b = new StringBuilder("\uFEFF収納日,科目コード,科目名,年度,調定番号,期別,納付番号,チャネル,種別,金額,延滞\r\n");
        transactions.executeWithoutResult(s -> jdbc.sql("""
                select r.paid_on, r.fund_code, f.name, a.fiscal_year, a.assessment_number, i.installment_no,
                       i.payment_number, r.channel, r.kind, r.delta_paid, r.late
                from payment_record r join payment_installment i on i.id = r.installment_id
                join payment_assessment a on a.id = i.assessment_id join payment_fund f on f.code = r.fund_code
                where r.paid_on between :from and :to and r.delta_paid <> 0
                order by r.paid_on, r.fund_code, r.id
                """).param("from", from).param("to", to).query(rs -> {
                    b.append(rs.getDate(1).toLocalDate()).append(',').append(rs.getString(2)).append(',')
                            .append(quote(rs.getString(3))).append(',').append(rs.getInt(4)).append(',')
                            .append(quote(rs.getString(5))).append(',').append(rs.getInt(6)).append(',')
                            .append(rs.getString(7)).append(',')
                            .append(PaymentChannel.valueOf(rs.getString(8)).label()).append(',')
                            .append(PaymentKind.valueOf(rs.getString(9)).label()).append(',')
                            .append(rs.getLong(10)).append(',').append(rs.getBoolean(11) ? "1" : "0").append("\r\n");
                }));
        out.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
