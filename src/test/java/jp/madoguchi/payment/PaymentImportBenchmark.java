package jp.madoguchi.payment;

import jp.madoguchi.kit.TextEncodings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import jp.madoguchi.payment.internal.format.ConvenienceStoreCsvFormat;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.TestMunicipality;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark (run on purpose by bench/payment/run.sh, not by {@code verify}: the class name matches no test pattern).
 * Creates N installments, generates a convenience-store result file with one 確報 for each (every 1000th record
 * carries an unknown 納付番号 and is quarantined), imports and reconciles it through {@link PaymentImports}, then
 * times PostgreSQL COPY of the same rows into a plain table on the same server, and prints both.
 */
@MadoguchiIntegrationTest
class PaymentImportBenchmark {

    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration register;
    @Autowired Assessments assessments;
    @Autowired PaymentImports imports;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired DataSource dataSource;
    @Autowired @Qualifier("flywayDataSource") DataSource ownerDataSource;

    @Test
    void importAndReconcile() throws Exception {
        int n = Integer.getInteger("bench.records", 1_000_000);
        String code = TestMunicipality.create(municipalities, staff, register,
                PaymentTestSupport.municipalityCode("20592"), "ベンチ収納市", "ベンチ\u3000タロウ").code;
        TenantContext.runAs(code, () -> PaymentTestSupport.defineFunds(assessments));
        LocalDate due = LocalDate.of(2026, 6, 30);

        long t0 = System.nanoTime();
        List<String> numbers = new ArrayList<>(n);
        String base = "000000000000000";
        for (int i = 0; i < n; i++) {
            base = PaymentNumber.nextBase(base);
            numbers.add(PaymentNumber.ofBase(base).digits());
        }
        String lastBase = base;
        int batch = 20_000;
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            String[] assessmentNumbers = new String[to - from];
            String[] atenas = new String[to - from];
            String[] paymentNumbers = new String[to - from];
            Long[] amounts = new Long[to - from];
            for (int i = from; i < to; i++) {
                assessmentNumbers[i - from] = "B" + i;
                atenas[i - from] = Long.toString(7_000_000_000L + i);
                paymentNumbers[i - from] = numbers.get(i);
                amounts[i - from] = 1_000L + i % 50_000;
            }
            TenantContext.runAs(code, () -> transactions.executeWithoutResult(s -> jdbc.sql("""
                    with a as (
                        insert into payment_assessment (municipality_code, fund_code, fiscal_year, assessment_number,
                            atena_number, source, created_by)
                        select :t, 'kokuho', 2026, x.num, x.atena, 'api', 'bench'
                        from unnest(cast(:nums as text[]), cast(:atenas as text[])) as x(num, atena)
                        returning id, assessment_number)
                    insert into payment_installment (municipality_code, assessment_id, fund_code, installment_no,
                        due_date, effective_due_date, amount, payment_number, payeasy_confirmation)
                    select :t, a.id, 'kokuho', 1, :due, :due, x.amount, x.pn, '0000'
                    from unnest(cast(:nums as text[]), cast(:amounts as bigint[]), cast(:pns as text[]))
                         as x(num, amount, pn)
                    join a on a.assessment_number = x.num
                    """).param("t", code).param("due", due).param("nums", assessmentNumbers).param("atenas", atenas)
                    .param("amounts", amounts).param("pns", paymentNumbers).update()));
        }
        TenantContext.runAs(code, () -> transactions.executeWithoutResult(s -> jdbc.sql("""
                insert into payment_number_counter (municipality_code, last_base) values (:t, :b)
                on conflict (municipality_code) do update set last_base = excluded.last_base
                """).param("t", code).param("b", lastBase).update()));
        try (Connection owner = ownerDataSource.getConnection(); Statement st = owner.createStatement()) {
            st.execute("analyze payment_assessment, payment_installment, payment_record"); // as autovacuum would
        }
        double setup = (System.nanoTime() - t0) / 1e9;

        t0 = System.nanoTime();
        ByteArrayOutputStream file = new ByteArrayOutputStream(n * 140);
        String unknown = PaymentNumber.ofBase("999999999999990").digits();
        for (int i = 0; i < n; i++) {
            long amount = 1_000L + i % 50_000;
            String number = i % 1000 == 999 ? unknown : numbers.get(i);
            String barcode = new PaymentNumber(number).barcode(PaymentTestSupport.COMPANY, "01", Optional.of(due),
                    (int) amount).digits();
            int minute = i % 1440;
            String line = "02,20260625," + String.format("%02d%02d", minute / 60, minute % 60) + ",EAN" + barcode
                    + ",,,0," + amount + ",0001,ローソン," + (100_000 + i / 1440) + ",0,20260626\r\n";
            file.writeBytes(line.getBytes(TextEncodings.CP932));
        }
        byte[] content = file.toByteArray();
        double generate = (System.nanoTime() - t0) / 1e9;

        t0 = System.nanoTime();
        PaymentImportReport report = TenantContext.callAs(code, () -> imports.importFile(
                ConvenienceStoreCsvFormat.ID, "bench.csv", content, ImportPolicy.ALL_OR_NOTHING,
                PaymentTestSupport.ACTOR));
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        if (report.outcome() != PaymentImportReport.Outcome.COMMITTED || report.records() != n) {
            throw new IllegalStateException("import did not commit every record: " + report);
        }
        long paid = TenantContext.callAs(code, () -> transactions.execute(s -> jdbc.sql(
                "select count(*) from payment_installment where state = 'PAID'").query(Long.class).single()));

        // the same rows, as COPY text, from what the import stored
        ByteArrayOutputStream rows = new ByteArrayOutputStream(n * 200);
        TenantContext.runAs(code, () -> transactions.executeWithoutResult(s -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                c.unwrap(PGConnection.class).getCopyAPI().copyOut("""
                        copy (select line_no, record_key, txn_key, channel, kind, paid_on, paid_time, amount, reference,
                                     fund_number, barcode, agent_code, store_code, transfer_date, result_code, manual_of
                              from payment_record where file_id = %d order by line_no) to stdout
                        """.formatted(report.fileId()), rows);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        byte[] copyText = rows.toByteArray();
        double copySeconds;
        try (Connection owner = ownerDataSource.getConnection(); Statement st = owner.createStatement()) {
            st.execute("drop table if exists bench_payment_copy");
            st.execute("""
                    create table bench_payment_copy (line_no int, rk uuid, tk uuid, channel text, kind text,
                        paid_on date, paid_time time, amount bigint, reference text, fund_number text, barcode text,
                        agent_code text, store_code text, transfer_date date, result_code text, manual_of bigint)
                    """);
            long c0 = System.nanoTime();
            long copied = owner.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy bench_payment_copy from stdin", new ByteArrayInputStream(copyText));
            copySeconds = (System.nanoTime() - c0) / 1e9;
            if (copied != report.records() - report.duplicates()) {
                throw new IllegalStateException("COPY took " + copied + " rows");
            }
            st.execute("drop table bench_payment_copy");
        }
        double importRate = n / importSeconds;
        double copyRate = n / copySeconds;
        System.out.printf("%nBENCH machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.printf("BENCH setup: %,d installments created in %.1f s; result file of %,d records (%.0f MB) "
                + "generated in %.1f s%n", n, setup, n, content.length / 1e6, generate);
        System.out.printf("BENCH import+reconcile: %,d records in %.2f s = %,.0f records/s (applied %,d, quarantined "
                + "%,d, installments now PAID %,d)%n", n, importSeconds, importRate, report.applied(),
                report.quarantined(), paid);
        System.out.printf("BENCH COPY of the same rows into a plain table: %.2f s = %,.0f rows/s%n", copySeconds,
                copyRate);
        System.out.printf("BENCH ratio import/COPY (rate): %.3f%n", importRate / copyRate);
    }
}
