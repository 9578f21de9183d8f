package jp.madoguchi.nursery.internal;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.kit.TextEncodings;
import jp.madoguchi.nursery.AgeClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the CSV files of a round: facilities with their seats, and applications. Each import runs in one
 * transaction under the round's lock: it refuses a round whose result is published; with {@link
 * ImportPolicy#ALL_OR_NOTHING} one bad row refuses the file (nothing stored, the full report shown), with {@link
 * ImportPolicy#GOOD_ROWS} the good rows are stored and the bad ones kept in the quarantine. Idempotent: the same bytes
 * again are recognised by their SHA-256 and change nothing; the same facility or family again (from any file) is
 * compared with what is stored and left alone.
 */
@Service
public class NurseryImports {

    private static final Logger log = LoggerFactory.getLogger(NurseryImports.class);
    static final String FACILITIES = "FACILITIES";
    static final String APPLICATIONS = "APPLICATIONS";

    private final NurseryStore store;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    public NurseryImports(NurseryStore store, TransactionTemplate transactions, AuditTrail audit) {
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** Imports facilities and seats ({@link FacilityCsv}); {@code charset} null detects it. */
    public ImportReport importFacilities(long roundId, String fileName, byte[] bytes, Charset charset,
            ImportPolicy policy, AuditEvent.Actor actor) {
        return transactions.execute(status -> {
            guard(roundId);
            String sha = InputSnapshots.sha256(bytes);
            FacilityCsv.Result parsed = FacilityCsv.parse(bytes, charset);
            String cs = TextEncodings.japaneseName(parsed.charset());
            if (store.importBySha(roundId, FACILITIES, sha).isPresent()) {
                return new ImportReport("施設・受入可能数", cs, parsed.rows(), 0, 0, parsed.good().size(), List.of(),
                        List.of(), false, true);
            }
            if (refuse(parsed.problems(), parsed.good().isEmpty(), policy)) {
                return new ImportReport("施設・受入可能数", cs, parsed.rows(), 0, 0, 0, problems(parsed.problems(),
                        parsed.good().isEmpty() && parsed.problems().isEmpty()), List.of(), false, false);
            }
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            Map<String, ApplicationCsv.FacilityClasses> known = store.facilityClasses(roundId);
            Map<String, Map<AgeClass, Integer>> seats = store.seatsOfRound(roundId);
            for (FacilityCsv.FacilityRow row : parsed.good()) {
                boolean renamed = !known.containsKey(row.id()) || !known.get(row.id()).name().equals(row.name())
                        ? store.upsertFacility(row.id(), row.name()) : false;
                Map<AgeClass, Integer> before = seats.getOrDefault(row.id(), Map.of());
                boolean seatsChanged = !before.equals(row.seats());
                if (seatsChanged) {
                    store.replaceSeats(roundId, row.id(), row.seats());
                }
                if (!known.containsKey(row.id()) || before.isEmpty() && seatsChanged) {
                    created++;
                } else if (renamed || seatsChanged) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
            long importId = store.insertImport(roundId, FACILITIES, fileName, sha, cs, policy.name(), parsed.rows(),
                    created, updated, unchanged, quarantinedRows(parsed.problems(), List.of()), actor.name());
            store.insertProblems(importId, parsed.problems(), parsed.texts());
            audit.record(new AuditEvent("nursery.import.facilities", actor, actor.backOfficeChannel(), "nursery_round",
                    Long.toString(roundId), null, "office-nursery", Map.of("import", importId, "rows", parsed.rows(),
                            "created", created, "updated", updated, "unchanged", unchanged,
                            "problems", parsed.problems().size())));
            log.info("nursery facilities imported: round {}, import {}, {} rows, {} problems", roundId, importId,
                    parsed.rows(), parsed.problems().size());
            return new ImportReport("施設・受入可能数", cs, parsed.rows(), created, updated, unchanged,
                    parsed.problems(), List.of(), true, false);
        });
    }

    /** Imports applications ({@link ApplicationCsv}); {@code charset} null detects it. */
    public ImportReport importApplications(long roundId, String fileName, byte[] bytes, Charset charset,
            ImportPolicy policy, AuditEvent.Actor actor) {
        return transactions.execute(status -> {
            RoundView round = guard(roundId);
            String sha = InputSnapshots.sha256(bytes);
            ApplicationCsv.Context context = new ApplicationCsv.Context(round.round(), round.rules(),
                    store.facilityClasses(roundId), store.childFamilies(roundId));
            ApplicationCsv.Result parsed = ApplicationCsv.parse(bytes, charset, context);
            String cs = TextEncodings.japaneseName(parsed.charset());
            if (store.importBySha(roundId, APPLICATIONS, sha).isPresent()) {
                return new ImportReport("申込", cs, parsed.rows(), 0, 0, parsed.good().size(), List.of(), List.of(),
                        false, true);
            }
            if (refuse(parsed.problems(), parsed.good().isEmpty(), policy)) {
                return new ImportReport("申込", cs, parsed.rows(), 0, 0, 0, problems(parsed.problems(),
                        parsed.good().isEmpty() && parsed.problems().isEmpty()), List.of(), false, false);
            }
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            List<ApplicationCsv.ParsedFamily> changed = new ArrayList<>();
            Map<String, String> hashes = store.familyHashes(roundId);
            for (ApplicationCsv.ParsedFamily family : parsed.good()) {
                String stored = hashes.get(family.id());
                if (family.contentHash().equals(stored)) {
                    unchanged++;
                } else {
                    changed.add(family);
                    if (stored != null) {
                        updated++;
                    } else {
                        created++;
                    }
                }
            }
            long importId = store.insertImport(roundId, APPLICATIONS, fileName, sha, cs, policy.name(),
                    parsed.rows(), created, updated, unchanged, quarantinedRows(parsed.problems(), parsed.heldBack()),
                    actor.name());
            store.replaceFamilies(roundId, changed, importId);
            List<ImportProblem> kept = new ArrayList<>(parsed.problems());
            kept.addAll(parsed.heldBack());
            store.insertProblems(importId, kept, parsed.texts());
            audit.record(new AuditEvent("nursery.import.applications", actor, actor.backOfficeChannel(), "nursery_round",
                    Long.toString(roundId), null, "office-nursery", Map.of("import", importId, "rows", parsed.rows(),
                            "created", created, "updated", updated, "unchanged", unchanged,
                            "problems", parsed.problems().size(), "heldBack", parsed.heldBack().size())));
            log.info("nursery applications imported: round {}, import {}, {} rows, {} problems", roundId, importId,
                    parsed.rows(), parsed.problems().size());
            return new ImportReport("申込", cs, parsed.rows(), created, updated, unchanged, parsed.problems(),
                    parsed.heldBack(), true, false);
        });
    }

    private RoundView guard(long roundId) {
        RoundView round = store.round(roundId).orElseThrow(() -> NurseryException.notFound("利用調整の回が見つかりません"));
        store.lockRound(roundId);
        if (store.hasPublishedRun(roundId)) {
            throw new NurseryException("この回は結果を公開済みのため、データを取り込めません（公開を取り消すと取り込めます）");
        }
        return round;
    }

    /** Whether to store nothing: a problem of the file as a whole, nothing good, or any problem under ALL_OR_NOTHING. */
    private static boolean refuse(List<ImportProblem> problems, boolean nothingGood, ImportPolicy policy) {
        return problems.stream().anyMatch(p -> p.row() <= 1) || nothingGood
                || !problems.isEmpty() && policy == ImportPolicy.ALL_OR_NOTHING;
    }

    private static List<ImportProblem> problems(List<ImportProblem> problems, boolean empty) {
        return empty ? List.of(new ImportProblem(0, null, "データ行がありません")) : problems;
    }

    private static int quarantinedRows(List<ImportProblem> problems, List<ImportProblem> heldBack) {
        return (int) problems.stream().map(ImportProblem::row).distinct().count() + heldBack.size();
    }

}
