package jp.madoguchi.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.madoguchi.demo.DemoResidents;
import jp.madoguchi.demo.population.DemoPopulation;
import jp.madoguchi.demo.population.SyntheticHousehold;
import jp.madoguchi.demo.population.SyntheticPerson;
import jp.madoguchi.demo.population.SyntheticPopulation;
import jp.madoguchi.kit.Era;
import jp.madoguchi.kit.RegisterDate;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.staff.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo municipality into an empty database: the municipality, its staff (one per role), its town areas,
 * households and synthetic residents. Does nothing when any municipality exists already, so a restart never
 * reseeds.
 */
@Component
public class DemoDataLoader {

    /** 窓口町 (長野県): a well-formed 地方公共団体コード that is not a real municipality's. */
    public static final Municipality DEMO_MUNICIPALITY = new Municipality("205991", "窓口町", "マドグチマチ", "長野県", true);
    /** The password of every demo staff sign-in (demo mode only). */
    public static final String DEMO_PASSWORD = "madoguchi-demo";
    public static final long POPULATION_SEED = DemoPopulation.SEED;
    public static final int POPULATION_TARGET = DemoPopulation.TARGET_RESIDENTS;

    /** The demo sign-ins, one per role. */
    public record DemoSignIn(String loginId, String displayName, StaffRole role) {
    }

    public static final List<DemoSignIn> SIGN_INS = List.of(
            new DemoSignIn("madoguchi", "窓口 花子", StaffRole.COUNTER),
            new DemoSignIn("shinsa", "審査 一郎", StaffRole.REVIEWER),
            new DemoSignIn("kanri", "管理 次郎", StaffRole.ADMIN),
            new DemoSignIn("kaikei", "会計 三奈", StaffRole.ACCOUNTING));

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final MunicipalityDirectory municipalities;
    private final StaffDirectory staff;
    private final ResidentRegistration register;
    private final TransactionTemplate transactions;
    private final DemoResidents demoResidents;

    DemoDataLoader(MunicipalityDirectory municipalities, StaffDirectory staff, ResidentRegistration register,
            TransactionTemplate transactions, DemoResidents demoResidents) {
        this.municipalities = municipalities;
        this.staff = staff;
        this.register = register;
        this.transactions = transactions;
        this.demoResidents = demoResidents;
    }

    /** Loads the demo data when the database holds no municipality; returns whether it did. */
    public boolean loadIfEmpty() {
        if (!municipalities.all().isEmpty()) {
            log.info("Demo data not loaded: the database already holds municipalities");
            return false;
        }
        long started = System.nanoTime();
        int residents = TenantContext.callAs(DEMO_MUNICIPALITY.code(), () -> transactions.execute(status -> load()));
        log.info("Demo data loaded: municipality={} residents={} in {} ms", DEMO_MUNICIPALITY.code(), residents,
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private int load() {
        municipalities.register(DEMO_MUNICIPALITY);
        for (DemoSignIn signIn : SIGN_INS) {
            Set<StaffRole> roles = EnumSet.of(signIn.role());
            staff.create(signIn.loginId(), signIn.displayName(), roles, DEMO_PASSWORD);
        }
        // The register date is the day the municipality row was created (in this transaction), so that
        // DemoResidents can regenerate exactly this population later without reading the register.
        SyntheticPopulation population = DemoResidents.generate(demoResidents.referenceDate());
        register.addTownAreas(population.townAreas().stream()
                .map(t -> new ResidentRegistration.TownArea(t.code(), t.name(), t.kana())).toList());

        Set<String> households = new LinkedHashSet<>();
        List<ResidentRegistration.NewResident> residents = new ArrayList<>();
        for (DemoResidents.Numbered n : DemoResidents.numbered(population)) {
            SyntheticHousehold household = n.household();
            SyntheticPerson p = n.person();
            households.add(n.householdNumber());
            residents.add(new ResidentRegistration.NewResident(n.atenaNumber(), n.householdNumber(),
                    p.relationship(), p.foreign() ? "2" : "1", "1", p.familyName(), p.givenName(),
                    p.familyNameKana() + "\u3000" + p.givenNameKana(), p.alias(), p.aliasKana(), p.nationality(),
                    birthDate(p), p.sex() == jp.madoguchi.demo.population.Sex.MALE ? "1" : "2",
                    household.townArea().code(), household.addressDetail(), p.movedInDate(),
                    p.movedInDate().equals(p.birthDate()) ? "birth" : "move_in"));
        }
        register.addHouseholds(households);
        register.registerAll(residents, "demo");
        return residents.size();
    }

    /** The register's form of a synthetic birth date: 和暦 for Japanese residents, 西暦 for foreign residents. */
    static RegisterDate birthDate(SyntheticPerson p) {
        LocalDate d = p.birthDate();
        return switch (p.precision()) {
            case EXACT -> p.foreign() ? RegisterDate.ofSeireki(d) : RegisterDate.of(d);
            case YEAR_MONTH -> p.foreign() ? RegisterDate.seirekiYearMonth(d.getYear(), d.getMonthValue())
                    : RegisterDate.warekiYearMonth(Era.of(d), eraYear(d), d.getMonthValue());
            case YEAR -> p.foreign() ? RegisterDate.seirekiYear(d.getYear())
                    : RegisterDate.warekiYear(Era.of(d), eraYear(d));
            case UNKNOWN -> RegisterDate.unknown();
        };
    }

    private static int eraYear(LocalDate d) {
        return d.getYear() - Era.of(d).firstYear() + 1;
    }
}
