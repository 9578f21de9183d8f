package jp.madoguchi.nursery.internal;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.nursery.AdmissionInstance;
import jp.madoguchi.nursery.AdmissionRound;
import jp.madoguchi.nursery.AgeClass;
import jp.madoguchi.nursery.Child;
import jp.madoguchi.nursery.Facility;
import jp.madoguchi.nursery.PointsTable;
import jp.madoguchi.nursery.RoundRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** 利用調整の回 — creating rounds (with the municipality's rules as data) and reading a round's data. */
@Service
public class NurseryRounds {

    private final NurseryStore store;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    public NurseryRounds(NurseryStore store, TransactionTemplate transactions, AuditTrail audit) {
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
    }

    /**
     * Creates a round for an admission month with the given rules (each round keeps its own copy: next year's table
     * may differ). A blank name becomes the round's label (「2027年度 4月一斉」).
     */
    public long create(YearMonth month, String name, RoundRules rules, AuditEvent.Actor actor) {
        return create(month, name, () -> CriteriaTable.of(rules), "given", actor);
    }

    /**
     * Creates a round whose rules are a copy of another round's (last year's, say: municipalities revise their table
     * rather than rewrite it), items in the same order; {@code copyFrom} null gives the standard rules.
     */
    public long create(YearMonth month, String name, Long copyFrom, AuditEvent.Actor actor) {
        if (copyFrom == null) {
            return create(month, name, () -> CriteriaTable.of(standardRules()), "standard", actor);
        }
        return create(month, name, () -> store.criteriaTable(copyFrom)
                .orElseThrow(() -> new NurseryException("基準をコピーする回が見つかりません")), "round " + copyFrom, actor);
    }

    private long create(YearMonth month, String name, java.util.function.Supplier<CriteriaTable> rules,
            String rulesFrom, AuditEvent.Actor actor) {
        AdmissionRound round = new AdmissionRound(month);
        String label = name == null || name.isBlank() ? round.label() : name.strip();
        if (label.length() > 60) {
            throw new NurseryException("回の名前は60文字までです");
        }
        return transactions.execute(s -> {
            if (store.roundExists(month)) {
                throw new NurseryException(month.getYear() + "年" + month.getMonthValue() + "月入所の回はすでにあります");
            }
            long id = store.createRound(month, label, rules.get(), actor.name());
            audit.record(new AuditEvent("nursery.round.created", actor, actor.backOfficeChannel(),
                    "nursery_round", Long.toString(id), null, "office-nursery",
                    Map.of("admissionMonth", month.toString(), "rulesFrom", rulesFrom)));
            return id;
        });
    }

    /** The standard rules ({@link RoundRules#standard()}): what a new round starts with. */
    public static RoundRules standardRules() {
        return RoundRules.standard();
    }

    public List<RoundView> list() {
        return transactions.execute(s -> store.rounds());
    }

    public RoundView get(long id) {
        return transactions.execute(s -> store.round(id))
                .orElseThrow(() -> NurseryException.notFound("利用調整の回が見つかりません"));
    }

    /** The round's points items in their order: "BASE" and "ADJUSTMENT". */
    public Map<String, List<PointsTable.Item>> pointsItems(long id) {
        CriteriaTable table = transactions.execute(s -> store.criteriaTable(id))
                .orElseThrow(() -> NurseryException.notFound("利用調整の回が見つかりません"));
        Map<String, List<PointsTable.Item>> out = new LinkedHashMap<>();
        for (PointsKind kind : PointsKind.values()) {
            out.put(kind.name(), table.items(kind));
        }
        return out;
    }

    public List<NurseryStore.ImportRecord> imports(long id) {
        return transactions.execute(s -> store.imports(id));
    }

    public List<NurseryStore.QuarantinedRow> quarantine(long id, int limit) {
        return transactions.execute(s -> store.quarantine(id, limit));
    }

    /** The round's current data as a run would read it. */
    public RoundInput input(long id) {
        return transactions.execute(s -> store.load(id));
    }

    public RoundSummary summary(long id) {
        RoundView round = get(id);
        RoundInput input = input(id);
        AdmissionInstance instance = input.instance();
        Map<AgeClass, Integer> applicants = new EnumMap<>(AgeClass.class);
        Map<AgeClass, Integer> seats = new EnumMap<>(AgeClass.class);
        for (AgeClass a : AgeClass.values()) {
            applicants.put(a, 0);
            seats.put(a, 0);
        }
        int transfers = 0;
        for (Child c : instance.children()) {
            instance.ageClassOf(c).ifPresent(a -> applicants.merge(a, 1, Integer::sum));
            if (c.isTransfer()) {
                transfers++;
            }
        }
        int facilities = 0;
        for (Facility f : instance.facilities()) {
            if (!f.seats().isEmpty()) {
                facilities++;
            }
            f.seats().forEach((a, n) -> seats.merge(a, n, Integer::sum));
        }
        int siblings = (int) instance.families().stream().filter(f -> f.children().size() > 1).count();
        return new RoundSummary(round, instance.families().size(), siblings, instance.children().size(), transfers,
                input.enrolled().size(), facilities, applicants, seats, instance.validate());
    }
}
