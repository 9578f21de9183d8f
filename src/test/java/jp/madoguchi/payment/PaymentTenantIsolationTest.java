package jp.madoguchi.payment;

import static jp.madoguchi.payment.PaymentTestSupport.ACTOR;
import static jp.madoguchi.payment.PaymentTestSupport.cp932;
import static jp.madoguchi.payment.PaymentTestSupport.storeLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import jp.madoguchi.payment.internal.format.ConvenienceStoreCsvFormat;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.TestMunicipality;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment tables are isolated by row-level security: one municipality neither sees nor matches nor writes another's
 * installments and payment records.
 */
@MadoguchiIntegrationTest
class PaymentTenantIsolationTest {

    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration register;
    @Autowired Assessments assessments;
    @Autowired PaymentImports imports;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void anotherMunicipalitysInstallmentsAreInvisibleUnmatchableAndUnwritable() {
        String a = TestMunicipality.create(municipalities, staff, register, PaymentTestSupport.municipalityCode("20594"),
                "テスト甲収納町", "コウ\u3000イチ").code;
        String b = TestMunicipality.create(municipalities, staff, register, PaymentTestSupport.municipalityCode("20593"),
                "テスト乙収納村", "オツ\u3000ニ").code;
        TenantContext.runAs(a, () -> PaymentTestSupport.defineFunds(assessments));
        TenantContext.runAs(b, () -> PaymentTestSupport.defineFunds(assessments));
        Installment ofB = TenantContext.callAs(b, () -> PaymentTestSupport.installment(assessments, "kokuho", 4_000,
                LocalDate.of(2026, 6, 30)));

        assertThat(TenantContext.callAs(a, () -> assessments.installment(ofB.paymentNumber().digits()))).isEmpty();
        for (String table : new String[] {"payment_fund", "payment_assessment", "payment_installment",
                "payment_record", "payment_import_file", "payment_refund", "payment_number_counter"}) {
            Long seen = TenantContext.callAs(a, () -> transactions.execute(s -> jdbc.sql(
                    "select count(*) from " + table + " where municipality_code = :b").param("b", b)
                    .query(Long.class).single()));
            assertThat(seen).as(table).isZero();
        }
        Long withoutTenant = transactions.execute(s -> jdbc.sql("select count(*) from payment_installment")
                .query(Long.class).single());
        assertThat(withoutTenant).isZero();

        // A's import of a slip of B (same company code by chance) does not reach B's installment
        PaymentImportReport report = TenantContext.callAs(a, () -> imports.importFile(ConvenienceStoreCsvFormat.ID,
                "b.csv", cp932(storeLine("02", ofB, 4_000, LocalDate.of(2026, 6, 10), "1000", "1")),
                ImportPolicy.ALL_OR_NOTHING, ACTOR));
        assertThat(report.quarantined()).isEqualTo(1);
        assertThat(TenantContext.callAs(b, () -> assessments.installment(ofB.paymentNumber().digits())).orElseThrow()
                .state()).isEqualTo(InstallmentState.UNPAID);

        int changed = TenantContext.callAs(a, () -> transactions.execute(s -> jdbc.sql(
                "update payment_installment set state = 'PAID' where id = :id").param("id", ofB.id()).update()));
        assertThat(changed).isZero();
        assertThatThrownBy(() -> TenantContext.runAs(a, () -> transactions.executeWithoutResult(s -> jdbc.sql("""
                insert into payment_fund (municipality_code, code, name, fund_number) values (:b, 'x', 'x', '99')
                """).param("b", b).update()))).rootCause().hasMessageContaining("row-level security");
        // the dashboard view runs with the caller's rights
        Long events = TenantContext.callAs(a, () -> transactions.execute(s -> jdbc.sql(
                "select count(*) from payment_dashboard_event where municipality_code = :b").param("b", b)
                .query(Long.class).single()));
        assertThat(events).isZero();
    }
}
