package jp.madoguchi.payment.internal;

import java.nio.charset.Charset;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.kit.AtenaNumber;
import jp.madoguchi.kit.CalendarRangeException;
import jp.madoguchi.kit.KitFormatException;
import jp.madoguchi.kit.OfficeCalendar;
import jp.madoguchi.payment.AssessmentException;
import jp.madoguchi.payment.AssessmentImportReport;
import jp.madoguchi.payment.Assessments;
import jp.madoguchi.payment.Fund;
import jp.madoguchi.payment.Installment;
import jp.madoguchi.payment.InstallmentState;
import jp.madoguchi.payment.LineProblem;
import jp.madoguchi.payment.NewAssessment;
import jp.madoguchi.payment.NewAssessment.NewInstallment;
import jp.madoguchi.payment.PaymentNumber;
import jp.madoguchi.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** 調定 in PostgreSQL: funds, assessments, installments and their 納付番号. */
@Service
class JdbcAssessments implements Assessments {

    static final String FIRST_BASE = "000000000000000";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final OfficeCalendar calendar = OfficeCalendar.standard();

    JdbcAssessments(JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
    }

    @Override
    public void defineFund(Fund fund, AuditEvent.Actor actor) {
        String tenant = TenantContext.require();
        transactions.executeWithoutResult(s -> {
            var debit = fund.debit();
            jdbc.sql("""
                    insert into payment_fund (municipality_code, code, name, fund_number, company_code,
                        payeasy_institution, consignor_code, consignor_name_kana, bank_code, bank_name_kana,
                        branch_code, branch_name_kana, account_type, account_number)
                    values (:t, :code, :name, :no, :company, :payeasy, :consignor, :consignorName, :bank, :bankName,
                        :branch, :branchName, :accountType, :account)
                    on conflict (municipality_code, code) do update set name = excluded.name,
                        fund_number = excluded.fund_number, company_code = excluded.company_code,
                        payeasy_institution = excluded.payeasy_institution, consignor_code = excluded.consignor_code,
                        consignor_name_kana = excluded.consignor_name_kana, bank_code = excluded.bank_code,
                        bank_name_kana = excluded.bank_name_kana, branch_code = excluded.branch_code,
                        branch_name_kana = excluded.branch_name_kana, account_type = excluded.account_type,
                        account_number = excluded.account_number
                    """).param("t", tenant).param("code", fund.code()).param("name", fund.name())
                    .param("no", fund.fundNumber()).param("company", fund.companyCode().orElse(null))
                    .param("payeasy", fund.payEasyInstitution().orElse(null))
                    .param("consignor", debit.map(Fund.DebitContract::consignorCode).orElse(null))
                    .param("consignorName", debit.map(Fund.DebitContract::consignorNameKana).orElse(null))
                    .param("bank", debit.map(Fund.DebitContract::bankCode).orElse(null))
                    .param("bankName", debit.map(Fund.DebitContract::bankNameKana).orElse(null))
                    .param("branch", debit.map(Fund.DebitContract::branchCode).orElse(null))
                    .param("branchName", debit.map(Fund.DebitContract::branchNameKana).orElse(null))
                    .param("accountType", debit.map(Fund.DebitContract::accountType).orElse(null))
                    .param("account", debit.map(Fund.DebitContract::accountNumber).orElse(null))
                    .update();
            audit.record(new AuditEvent("payment.fund.defined", actor, actor.backOfficeChannel(),
                    "payment_fund", fund.code(), null, "payment-fund", Map.of("fundNumber", fund.fundNumber())));
        });
    }

    @Override
    public List<Fund> funds() {
        return transactions.execute(s -> jdbc.sql("select * from payment_fund order by fund_number")
                .query((rs, n) -> fund(rs)).list());
    }

    static Fund fund(ResultSet rs) throws SQLException {
        Optional<Fund.DebitContract> debit = rs.getString("consignor_code") == null ? Optional.empty()
                : Optional.of(new Fund.DebitContract(rs.getString("consignor_code"),
                        rs.getString("consignor_name_kana"), rs.getString("bank_code"), rs.getString("bank_name_kana"),
                        rs.getString("branch_code"), rs.getString("branch_name_kana"), rs.getString("account_type"),
                        rs.getString("account_number")));
        return new Fund(rs.getString("code"), rs.getString("name"), rs.getString("fund_number"),
                Optional.ofNullable(rs.getString("company_code")),
                Optional.ofNullable(rs.getString("payeasy_institution")), debit);
    }

    @Override
    public long create(NewAssessment assessment, String source, AuditEvent.Actor actor) {
        String tenant = TenantContext.require();
        List<String> problems = validate(assessment, knownFunds());
        if (!problems.isEmpty()) {
            throw new AssessmentException(String.join("、", problems));
        }
        return transactions.execute(s -> {
            boolean exists = jdbc.sql("""
                    select exists (select 1 from payment_assessment where fund_code = :f and fiscal_year = :y
                                   and assessment_number = :n)
                    """).param("f", assessment.fundCode()).param("y", assessment.fiscalYear())
                    .param("n", assessment.assessmentNumber()).query(Boolean.class).single();
            if (exists) {
                throw new AssessmentException("調定番号「" + assessment.assessmentNumber() + "」（" + assessment.fiscalYear()
                        + "年度）は登録済みです");
            }
            return insert(tenant, assessment, issueNumbers(tenant, assessment.installments().size()), source, actor);
        });
    }

    /** Stores one assessment with its installments, which take {@code numbers} in order. */
    private long insert(String tenant, NewAssessment assessment, List<PaymentNumber> numbers, String source,
            AuditEvent.Actor actor) {
        long id = jdbc.sql("""
                insert into payment_assessment (municipality_code, fund_code, fiscal_year, assessment_number,
                    atena_number, source, created_by)
                values (:t, :f, :y, :n, :a, :source, :by) returning id
                """).param("t", tenant).param("f", assessment.fundCode()).param("y", assessment.fiscalYear())
                .param("n", assessment.assessmentNumber()).param("a", assessment.atenaNumber())
                .param("source", source).param("by", PaymentImportService.actorName(actor))
                .query(Long.class).single();
        long total = 0;
        for (int i = 0; i < assessment.installments().size(); i++) {
            NewInstallment inst = assessment.installments().get(i);
            total += inst.amount();
            jdbc.sql("""
                    insert into payment_installment (municipality_code, assessment_id, fund_code, installment_no,
                        due_date, effective_due_date, amount, payment_number, payeasy_confirmation)
                    values (:t, :a, :f, :no, :due, :effective, :amount, :number, :confirmation)
                    """).param("t", tenant).param("a", id).param("f", assessment.fundCode())
                    .param("no", inst.number()).param("due", inst.dueDate())
                    .param("effective", calendar.officeDayOnOrAfter(inst.dueDate())).param("amount", inst.amount())
                    .param("number", numbers.get(i).digits())
                    .param("confirmation", String.format(Locale.ROOT, "%04d", RANDOM.nextInt(10_000)))
                    .update();
        }
        audit.record(new AuditEvent("payment.assessment.created", actor, actor.backOfficeChannel(),
                "payment_assessment", Long.toString(id), null, "payment-assessment", Map.of("fund",
                        assessment.fundCode(), "fiscalYear", assessment.fiscalYear(), "installments",
                        assessment.installments().size(), "total", total, "source", source)));
        return id;
    }

    /** Issues {@code count} 納付番号 from the municipality's counter (row-locked until commit). */
    private List<PaymentNumber> issueNumbers(String tenant, int count) {
        jdbc.sql("insert into payment_number_counter (municipality_code, last_base) values (:t, :b) "
                + "on conflict do nothing").param("t", tenant).param("b", FIRST_BASE).update();
        String base = jdbc.sql("select last_base from payment_number_counter for update").query(String.class).single();
        List<PaymentNumber> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            base = PaymentNumber.nextBase(base);
            numbers.add(PaymentNumber.ofBase(base));
        }
        jdbc.sql("update payment_number_counter set last_base = :b").param("b", base).update();
        return numbers;
    }

    private Map<String, Fund> knownFunds() {
        Map<String, Fund> funds = new HashMap<>();
        for (Fund f : funds()) {
            funds.put(f.code(), f);
        }
        return funds;
    }

    /** The problems of one assessment, in Japanese; empty when it can be created. */
    private List<String> validate(NewAssessment a, Map<String, Fund> funds) {
        List<String> problems = new ArrayList<>();
        if (!funds.containsKey(a.fundCode())) {
            problems.add("科目コード「" + a.fundCode() + "」は登録されていません");
        }
        if (a.fiscalYear() < 1989 || a.fiscalYear() > 2200) {
            problems.add("年度「" + a.fiscalYear() + "」が範囲外です");
        }
        if (!a.assessmentNumber().matches("[0-9A-Za-z-]{1,20}")) {
            problems.add("調定番号「" + a.assessmentNumber() + "」は英数字とハイフン20文字までです");
        }
        try {
            AtenaNumber.parse(a.atenaNumber());
        } catch (KitFormatException e) {
            problems.add("宛名番号: " + e.japaneseMessage());
        }
        if (a.installments().isEmpty()) {
            problems.add("期別がありません");
        }
        boolean[] seen = new boolean[100];
        for (NewInstallment i : a.installments()) {
            if (i.number() < 1 || i.number() > 99) {
                problems.add("期別「" + i.number() + "」は1～99が必要です");
                continue;
            }
            if (seen[i.number()]) {
                problems.add("第" + i.number() + "期が重複しています");
            }
            seen[i.number()] = true;
            if (i.amount() < 1 || i.amount() > 999_999) {
                problems.add("第" + i.number() + "期の金額（" + i.amount() + "円）は1～999,999円が必要です（バーコードに載る額）");
            }
            if (i.dueDate() == null) {
                problems.add("第" + i.number() + "期の納期限がありません");
            } else {
                try {
                    calendar.officeDayOnOrAfter(i.dueDate());
                } catch (CalendarRangeException e) {
                    problems.add("第" + i.number() + "期の納期限（" + i.dueDate() + "）は暦データの範囲外です");
                }
            }
        }
        for (int n = 1; n <= a.installments().size() && n < 100; n++) {
            if (!seen[n]) {
                problems.add("期別は1から連番が必要です（第" + n + "期がありません）");
                break;
            }
        }
        return problems;
    }

    // ---- CSV import

    static final List<String> CSV_COLUMNS = List.of("科目コード", "年度", "調定番号", "宛名番号", "期別", "納期限", "金額");

    @Override
    public AssessmentImportReport importCsv(byte[] file, Charset charset, AuditEvent.Actor actor) {
        String tenant = TenantContext.require();
        AssessmentCsv.Parsed parsed = AssessmentCsv.parse(file, charset);
        List<LineProblem> problems = new ArrayList<>(parsed.problems());
        Map<String, Fund> funds = knownFunds();
        Map<AssessmentCsv.Key, NewAssessment> assessments = new LinkedHashMap<>();
        Map<AssessmentCsv.Key, Integer> firstLine = new HashMap<>();
        for (AssessmentCsv.Group g : parsed.groups()) {
            NewAssessment a = g.assessment();
            List<String> invalid = validate(a, funds);
            if (!invalid.isEmpty()) {
                problems.add(new LineProblem(g.firstLine(), "調定番号「" + a.assessmentNumber() + "」: "
                        + String.join("、", invalid)));
                continue;
            }
            assessments.put(g.key(), a);
            firstLine.put(g.key(), g.firstLine());
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(LineProblem::line));
            return new AssessmentImportReport(parsed.charsetName(), parsed.rows(), 0, 0, problems);
        }
        return transactions.execute(status -> {
            PaymentImportService.lockTenant(jdbc, tenant);
            int created = 0;
            int unchanged = 0;
            List<LineProblem> conflicts = new ArrayList<>();
            List<NewAssessment> toCreate = new ArrayList<>();
            for (var e : assessments.entrySet()) {
                NewAssessment a = e.getValue();
                Optional<String> difference = differenceFromStored(a);
                if (difference == null) {
                    toCreate.add(a);
                } else if (difference.isEmpty()) {
                    unchanged += a.installments().size();
                } else {
                    conflicts.add(new LineProblem(firstLine.get(e.getKey()), "調定番号「" + a.assessmentNumber()
                            + "」は登録済みで内容が異なります（" + difference.get() + "）"));
                }
            }
            if (!conflicts.isEmpty()) {
                status.setRollbackOnly();
                return new AssessmentImportReport(parsed.charsetName(), parsed.rows(), 0, 0, conflicts);
            }
            List<PaymentNumber> numbers = issueNumbers(tenant,
                    toCreate.stream().mapToInt(a -> a.installments().size()).sum());
            for (NewAssessment a : toCreate) {
                int n = a.installments().size();
                insert(tenant, a, numbers.subList(created, created + n), "csv", actor);
                created += n;
            }
            return new AssessmentImportReport(parsed.charsetName(), parsed.rows(), created, unchanged, List.of());
        });
    }

    /** null when not stored; empty when stored with the same content; else what differs. */
    private Optional<String> differenceFromStored(NewAssessment a) {
        List<Map<String, Object>> rows = jdbc.sql("""
                select a.atena_number, i.installment_no, i.due_date, i.amount
                from payment_assessment a left join payment_installment i on i.assessment_id = a.id
                where a.fund_code = :f and a.fiscal_year = :y and a.assessment_number = :n order by i.installment_no
                """).param("f", a.fundCode()).param("y", a.fiscalYear()).param("n", a.assessmentNumber())
                .query().listOfRows();
        if (rows.isEmpty()) {
            return null;
        }
        if (!a.atenaNumber().equals(rows.get(0).get("atena_number"))) {
            return Optional.of("宛名番号が異なります");
        }
        if (rows.size() != a.installments().size()) {
            return Optional.of("期別の数が" + rows.size() + "から" + a.installments().size() + "に変わっています");
        }
        for (NewInstallment i : a.installments()) {
            Map<String, Object> stored = rows.get(i.number() - 1);
            LocalDate due = ((java.sql.Date) stored.get("due_date")).toLocalDate();
            if (!due.equals(i.dueDate()) || ((Number) stored.get("amount")).longValue() != i.amount()) {
                return Optional.of("第" + i.number() + "期の納期限または金額");
            }
        }
        return Optional.empty();
    }

    @Override
    public void cancelInstallment(long installmentId, String reason, AuditEvent.Actor actor) {
        String tenant = TenantContext.require();
        transactions.executeWithoutResult(s -> {
            PaymentImportService.lockTenant(jdbc, tenant);
            InstallmentState state = jdbc.sql("select state from payment_installment where id = :id for update")
                    .param("id", installmentId).query(String.class).optional().map(InstallmentState::valueOf)
                    .orElseThrow(() -> new AssessmentException("期別が見つかりません"));
            InstallmentState next;
            try {
                next = state.requireTransition(InstallmentState.CANCELLED);
            } catch (IllegalStateException e) {
                throw new AssessmentException(e.getMessage());
            }
            jdbc.sql("update payment_installment set state = :s, updated_at = now() where id = :id")
                    .param("s", next.name()).param("id", installmentId).update();
            audit.record(new AuditEvent("payment.installment.cancelled", actor, actor.backOfficeChannel(),
                    "payment_installment", Long.toString(installmentId), null, "payment-assessment",
                    Map.of("from", state.name(), "reason", reason == null ? "" : reason)));
        });
    }

    static final String INSTALLMENT_SELECT = """
            select i.*, a.fiscal_year, a.assessment_number, a.atena_number
            from payment_installment i join payment_assessment a on a.id = i.assessment_id
            """;

    static Installment installment(ResultSet rs) throws SQLException {
        Optional<Installment.ELNumber> el = rs.getString("el_case_key") == null ? Optional.empty()
                : Optional.of(new Installment.ELNumber(rs.getString("el_institution_code"), rs.getString("el_case_key"),
                        rs.getString("el_confirmation_number"), rs.getString("el_item_number")));
        java.sql.Date paidOn = rs.getDate("paid_on");
        return new Installment(rs.getLong("id"), rs.getLong("assessment_id"), rs.getString("fund_code"),
                rs.getInt("fiscal_year"), rs.getString("assessment_number"), rs.getString("atena_number"),
                rs.getInt("installment_no"), rs.getDate("due_date").toLocalDate(),
                rs.getDate("effective_due_date").toLocalDate(), rs.getLong("amount"),
                new PaymentNumber(rs.getString("payment_number")), rs.getString("payeasy_confirmation"), el,
                InstallmentState.valueOf(rs.getString("state")), rs.getLong("paid_amount"),
                rs.getLong("pending_amount"), Optional.ofNullable(paidOn).map(java.sql.Date::toLocalDate),
                rs.getBoolean("late"));
    }

    @Override
    public Optional<Installment> installment(String paymentNumber) {
        return transactions.execute(s -> jdbc.sql(INSTALLMENT_SELECT + " where i.payment_number = :n")
                .param("n", paymentNumber).query((rs, n) -> installment(rs)).optional());
    }

    @Override
    public List<Installment> installmentsOf(String atenaNumber) {
        return transactions.execute(s -> jdbc.sql(INSTALLMENT_SELECT
                        + " where a.atena_number = :a order by a.fiscal_year desc, i.fund_code, i.installment_no")
                .param("a", atenaNumber).query((rs, n) -> installment(rs)).list());
    }

    @Override
    public List<Installment> recentInstallments(int limit) {
        return transactions.execute(s -> jdbc.sql(INSTALLMENT_SELECT + " order by i.id desc limit :l")
                .param("l", limit).query((rs, n) -> installment(rs)).list());
    }
}
