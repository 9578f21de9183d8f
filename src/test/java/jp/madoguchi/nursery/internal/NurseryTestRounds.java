package jp.madoguchi.nursery.internal;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.nursery.AdmissionInstance;
import jp.madoguchi.nursery.GeneratorParameters;
import jp.madoguchi.nursery.InstanceGenerator;

/** Rounds for the nursery integration tests: a generated instance imported through the CSV import. */
final class NurseryTestRounds {

    static final AuditEvent.Actor TESTER = AuditEvent.Actor.system("test");

    private NurseryTestRounds() {
    }

    /** A generated 4月一斉 instance of the given fiscal year (same seed, same instance). */
    static AdmissionInstance generated(long seed, int children, int facilities, int fiscalYear) {
        GeneratorParameters p = GeneratorParameters.defaults(seed, children, facilities).withFiscalYear(fiscalYear);
        return InstanceGenerator.generate(p.withSiblings(0.2, p.siblingOptions()).withTransferShare(0.08));
    }

    /** Creates the round of {@code instance} in the current tenant and imports it; returns the round's id. */
    static long imported(NurseryRounds rounds, NurseryImports imports, AdmissionInstance instance) {
        long round = rounds.create(YearMonth.of(instance.round().fiscalYear(), 4), null, instance.rules(), TESTER);
        ImportReport f = imports.importFacilities(round, "f.csv",
                InstanceCsv.facilities(instance.facilities()).getBytes(StandardCharsets.UTF_8), null,
                ImportPolicy.ALL_OR_NOTHING, TESTER);
        if (!f.committed()) {
            throw new AssertionError("facilities refused: " + f.problems());
        }
        ImportReport a = imports.importApplications(round, "a.csv", InstanceCsv.applications(instance,
                id -> "テスト " + id, id -> new RoundInput.FamilyContact("保護者 " + id, "テスト県テスト町1番地"))
                .getBytes(StandardCharsets.UTF_8), null, ImportPolicy.ALL_OR_NOTHING, TESTER);
        if (!a.committed()) {
            throw new AssertionError("applications refused: " + a.problems());
        }
        return round;
    }
}
