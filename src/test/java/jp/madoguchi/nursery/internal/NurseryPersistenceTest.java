package jp.madoguchi.nursery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import jp.madoguchi.nursery.AdmissionInstance;
import jp.madoguchi.nursery.Family;
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
 * Rounds, facilities and applications stored and read back exactly (what a run reads is what was imported), the
 * snapshot of a run's input read back equal, and tenants isolated by row-level security.
 */
@MadoguchiIntegrationTest
class NurseryPersistenceTest {

    static final String CODE = "205869";

    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration register;
    @Autowired NurseryRounds rounds;
    @Autowired NurseryImports imports;
    @Autowired InputSnapshots snapshots;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void whatIsImportedIsWhatARunReadsAndTheSnapshotRoundTrips() {
        TestMunicipality.create(municipalities, staff, register, CODE, "テスト保育町", "テスト\u3000イチロウ");
        AdmissionInstance generated = NurseryTestRounds.generated(31, 60, 5, 2031);
        TenantContext.runAs(CODE, () -> {
            long id = NurseryTestRounds.imported(rounds, imports, generated);
            RoundView round = rounds.get(id);
            assertThat(round.round().admissionMonth().toString()).isEqualTo("2031-04");
            assertThat(round.ageReferenceDate()).isEqualTo(LocalDate.of(2031, 4, 1));
            assertThat(round.kindLabel()).isEqualTo("4月一斉");
            assertThat(round.rules().points()).isEqualTo(generated.rules().points());
            assertThat(round.rules().tieBreaks()).isEqualTo(generated.rules().tieBreaks());
            assertThat(round.rules().baseIndexRule()).isEqualTo(generated.rules().baseIndexRule());

            RoundInput input = rounds.input(id);
            AdmissionInstance stored = input.instance();
            assertThat(stored.round()).isEqualTo(generated.round());
            assertThat(stored.facilities().stream().filter(f -> generated.facilities().stream()
                    .anyMatch(g -> g.id().equals(f.id()))).toList())
                    .containsExactlyInAnyOrderElementsOf(generated.facilities());
            assertThat(byId(stored.families())).isEqualTo(byId(generated.families()));
            assertThat(input.childName(generated.children().get(0).id())).isEqualTo("テスト "
                    + generated.children().get(0).id());
            assertThat(input.families().get(generated.families().get(0).id()).address()).isEqualTo("テスト県テスト町1番地");

            RoundInput back = snapshots.read(snapshots.write(input));
            assertThat(back.instance().families()).isEqualTo(stored.families());
            assertThat(back.instance().facilities()).isEqualTo(stored.facilities());
            assertThat(back.instance().rules()).isEqualTo(stored.rules());
            assertThat(back.childNames()).isEqualTo(input.childNames());
            assertThat(back.families()).isEqualTo(input.families());
            assertThat(snapshots.write(back)).as("the same input, the same text").isEqualTo(snapshots.write(input));

            RoundSummary summary = rounds.summary(id);
            assertThat(summary.applicants()).isEqualTo(generated.children().size());
            assertThat(summary.families()).isEqualTo(generated.families().size());
            assertThat(summary.issues()).isEmpty();
            assertThat(summary.seats()).isEqualTo(generated.facilities().stream()
                    .mapToInt(f -> f.seats().values().stream().mapToInt(Integer::intValue).sum()).sum());
        });
        // another municipality sees none of it (row-level security), the demo town sees its own round only
        TenantContext.runAs("205991", () -> {
            assertThat(rounds.list()).noneMatch(r -> r.round().admissionMonth().getYear() == 2031);
            int visible = transactions.execute(s -> jdbc.sql("select count(*) from nursery_family where round_id in "
                    + "(select id from nursery_round where admission_month = date '2031-04-01')").query(Integer.class)
                    .single());
            assertThat(visible).isZero();
        });
        int withoutTenant = transactions.execute(s -> jdbc.sql("select count(*) from nursery_round")
                .query(Integer.class).single());
        assertThat(withoutTenant).as("no tenant, no rows").isZero();
    }

    @Test
    void theDemoRoundIsReadyToRun() {
        TenantContext.runAs("205991", () -> {
            RoundView demo = rounds.list().stream().filter(r -> r.round().admissionMonth().toString().equals("2027-04"))
                    .findFirst().orElseThrow();
            RoundSummary summary = rounds.summary(demo.id());
            assertThat(summary.facilities()).isEqualTo(12);
            assertThat(summary.applicants()).isBetween(290, 310);
            assertThat(summary.issues()).isEmpty();
            assertThat(rounds.input(demo.id()).childNames()).hasSize(summary.applicants());
        });
    }

    private static List<Family> byId(List<Family> families) {
        return families.stream().sorted(Comparator.comparing(Family::id)).toList();
    }
}
