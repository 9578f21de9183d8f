package jp.madoguchi.payment;

import static jp.madoguchi.payment.PaymentTestSupport.ACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.TestMunicipality;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark (run on purpose by bench/payment-slips/run.sh, not by {@code verify}: the class name matches no test
 * pattern). Creates N open installments of one fund, 年度 and 期別, renders the batch PDF through
 * {@link PaymentSlips#batch} three times and prints the time per page of each run and the PDF size.
 */
@MadoguchiIntegrationTest
class PaymentSlipBenchmark {

    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration register;
    @Autowired Assessments assessments;
    @Autowired PaymentSlips slips;

    @Test
    void batch() throws Exception {
        int n = Integer.getInteger("bench.slips", 500);
        String code = TestMunicipality.create(municipalities, staff, register,
                PaymentTestSupport.municipalityCode("20590"), "ベンチ納付書市", "ベンチ\u3000ハナコ").code;
        TenantContext.runAs(code, () -> {
            PaymentTestSupport.defineFunds(assessments);
            for (int k = 0; k < n; k++) {
                String atena = PaymentTestSupport.atena();
                assessments.create(new NewAssessment("kokuho", 2026, "B" + atena, atena, List.of(
                        new NewAssessment.NewInstallment(1, LocalDate.of(2026, 7, 31), 10_000 + k))), "office", ACTOR);
            }
        });
        List<Long> runs = new ArrayList<>();
        PaymentSlips.SlipBatch batch = null;
        for (int r = 0; r < 3; r++) {
            batch = TenantContext.callAs(code, () -> slips.batch("kokuho", 2026, 1, ACTOR));
            runs.add(batch.millis());
            System.out.printf("BENCH slips run %d: %d pages in %d ms = %.2f ms/page%n", r + 1, batch.pages(),
                    batch.millis(), batch.millis() / (double) batch.pages());
        }
        try (PDDocument doc = Loader.loadPDF(batch.pdf())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(n);
        }
        Path out = Path.of("target/bench-slips.pdf");
        Files.write(out, batch.pdf());
        System.out.printf("BENCH slips PDF: %d pages, %d bytes (%.1f KB/page), written to %s%n", batch.pages(),
                batch.pdf().length, batch.pdf().length / 1024.0 / batch.pages(), out);
    }
}
