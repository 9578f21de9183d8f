package jp.madoguchi.payment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.kit.CheckDigits;
import jp.madoguchi.payment.Assessments;
import jp.madoguchi.payment.DebitAccount;
import jp.madoguchi.payment.DirectDebitRequests;
import jp.madoguchi.payment.Fund;
import jp.madoguchi.payment.NewAssessment;
import jp.madoguchi.platform.DemoContent;
import jp.madoguchi.platform.Municipality;
import org.springframework.stereotype.Component;

/**
 * Demo funds and assessments for 窓口町: 国保料, 介護保険料, 保育料 and 水道料金 (with a 口座振替 contract), and 国保料
 * assessments with four installments for the first demo residents. The 宛名番号 follow the demo population's
 * numbering (the first issuable numbers after 099999999); nothing personal is read. Idempotent: what exists stays.
 */
@Component
class PaymentDemoContent implements DemoContent {

    static final String COMPANY_CODE = "912399";
    private static final AuditEvent.Actor DEMO = AuditEvent.Actor.system("demo");

    private final Assessments assessments;
    private final DirectDebitRequests debits;

    PaymentDemoContent(Assessments assessments, DirectDebitRequests debits) {
        this.assessments = assessments;
        this.debits = debits;
    }

    @Override
    public String name() {
        return "public-fund payments (funds, assessments)";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void addTo(Municipality municipality) {
        Set<String> existing = assessments.funds().stream().map(Fund::code).collect(Collectors.toSet());
        List<Fund> funds = List.of(
                new Fund("kokuho", "国民健康保険料", "01", Optional.of(COMPANY_CODE), Optional.of("58001"),
                        Optional.empty()),
                new Fund("kaigo", "介護保険料", "02", Optional.of(COMPANY_CODE), Optional.of("58001"), Optional.empty()),
                new Fund("hoiku", "保育料", "03", Optional.of(COMPANY_CODE), Optional.empty(), Optional.empty()),
                new Fund("suido", "水道料金", "04", Optional.of(COMPANY_CODE), Optional.empty(), Optional.of(
                        new Fund.DebitContract("2059910001", "ﾏﾄﾞｸﾞﾁﾏﾁ ｽｲﾄﾞｳｷﾞｮｳﾑｶ", "0999", "ﾏﾄﾞｸﾞﾁｷﾞﾝｺｳ", "001",
                                "ﾎﾝﾃﾝ", "1", "0000001"))));
        for (Fund fund : funds) {
            if (!existing.contains(fund.code())) {
                assessments.defineFund(fund, DEMO);
            }
        }
        String base = "099999999";
        for (int n = 1; n <= 12; n++) {
            base = CheckDigits.nextIssuable(base);
            String atena = CheckDigits.appendModulus11(base);
            if (!assessments.installmentsOf(atena).isEmpty()) {
                continue;
            }
            List<NewAssessment.NewInstallment> installments = new ArrayList<>();
            for (int term = 1; term <= 4; term++) {
                installments.add(new NewAssessment.NewInstallment(term,
                        LocalDate.of(2026, 6 + term, 1).plusMonths(1).minusDays(1), 8_000L + n * 700L));
            }
            assessments.create(new NewAssessment("kokuho", 2026, "D2026-" + String.format("%04d", n), atena,
                    installments), "demo", DEMO);
            if (n % 3 == 0) {
                assessments.create(new NewAssessment("suido", 2026, "W2026-" + String.format("%04d", n), atena,
                        List.of(new NewAssessment.NewInstallment(1, LocalDate.of(2026, 12, 25), 4_200L))), "demo",
                        DEMO);
                debits.registerAccount(new DebitAccount(atena, "suido", "0999", "001", "1",
                        String.format("%07d", 1000 + n), "ﾏﾄﾞｸﾞﾁ ｼﾞｭｳﾐﾝ" + n), DEMO);
            }
        }
    }
}
