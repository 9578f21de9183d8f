package jp.madoguchi.nursery.internal;

import static jp.madoguchi.nursery.internal.NurseryTestRounds.TESTER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import jp.madoguchi.nursery.AdmissionInstance;
import jp.madoguchi.nursery.AllocationMode;
import jp.madoguchi.nursery.GeneratorParameters;
import jp.madoguchi.nursery.InstanceGenerator;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.TestMunicipality;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark (run on purpose, not by {@code verify}: the class name matches no test pattern, nor Nursery*) of the Spring part at
 * さいたま市 scale: the CSV import of 311 facilities and about 8,000 applications, a baseline and an optimal run through
 * the service (snapshot, background execution, 8,000 placements and explanations stored), the round summary, the
 * results CSV and the letters PDF of every family. Prints what it measured.
 *
 * <pre>./mvnw -B -o test -Dtest=CityScaleNurseryBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@MadoguchiIntegrationTest
class CityScaleNurseryBenchmark {

    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration register;
    @Autowired NurseryRounds rounds;
    @Autowired NurseryImports imports;
    @Autowired NurseryRuns runs;
    @Autowired NurseryOutputs outputs;

    @Test
    void saitamaScale() {
        String code = "205842";
        TestMunicipality.create(municipalities, staff, register, code, "ベンチ保育市", "ベンチ\u3000ハナコ");
        AdmissionInstance instance = InstanceGenerator.generate(GeneratorParameters.saitamaScale(2026).withFiscalYear(2040));
        byte[] facilities = InstanceCsv.facilities(instance.facilities()).getBytes(StandardCharsets.UTF_8);
        byte[] applications = InstanceCsv.applications(instance, id -> "ベンチ " + id,
                id -> new RoundInput.FamilyContact("保護者 " + id, "ベンチ市本町1番地")).getBytes(StandardCharsets.UTF_8);
        System.out.printf("nursery service benchmark: %,d children, %,d families, %d facilities; applications file %,d bytes%n",
                instance.children().size(), instance.families().size(), instance.facilities().size(), applications.length);
        TenantContext.runAs(code, () -> {
            long round = rounds.create(YearMonth.of(2040, 4), null, instance.rules(), TESTER);
            long t = System.nanoTime();
            ImportReport f = imports.importFacilities(round, "f.csv", facilities, null, ImportPolicy.ALL_OR_NOTHING, TESTER);
            System.out.printf("import facilities: %.2f s (%d created)%n", s(t), f.created());
            t = System.nanoTime();
            ImportReport a = imports.importApplications(round, "a.csv", applications, null, ImportPolicy.ALL_OR_NOTHING,
                    TESTER);
            System.out.printf("import applications: %.2f s (%,d families created, %d problems)%n", s(t), a.created(),
                    a.problems().size());
            t = System.nanoTime();
            ImportReport again = imports.importApplications(round, "b.csv", (new String(applications,
                    StandardCharsets.UTF_8) + "\r\n").getBytes(StandardCharsets.UTF_8), null, ImportPolicy.ALL_OR_NOTHING,
                    TESTER);
            System.out.printf("import the same content again: %.2f s (%,d unchanged)%n", s(t), again.unchanged());
            t = System.nanoTime();
            RoundSummary summary = rounds.summary(round);
            System.out.printf("round summary (load + validate): %.2f s (%d issues)%n", s(t), summary.issues().size());
            for (AllocationMode mode : AllocationMode.values()) {
                t = System.nanoTime();
                long run = runs.start(round, mode, 60, TESTER);
                double asked = s(t);
                RunView view = runs.await(run, Duration.ofMinutes(5));
                System.out.printf("%s run: asked in %.2f s, ended after %.2f s, %s; allocation %.0f ms; placed %,d; %s%n",
                        mode, asked, s(t), view.state(), view.allocationMillis(), view.placed(), view.solverStats());
            }
            RunView last = runs.runs(round).get(0);
            t = System.nanoTime();
            int placements = runs.placements(last.id()).size();
            System.out.printf("read %,d placements: %.2f s%n", placements, s(t));
            t = System.nanoTime();
            byte[] csv = outputs.resultsCsv(last.id(), false, TESTER);
            System.out.printf("results CSV: %.2f s, %,d bytes%n", s(t), csv.length);
            runs.publish(last.id(), TESTER);
            t = System.nanoTime();
            byte[] pdf = outputs.letters(last.id(), null, TESTER);
            System.out.printf("letters of every family: %.2f s, %,d bytes%n", s(t), pdf.length);
        });
    }

    private static double s(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
