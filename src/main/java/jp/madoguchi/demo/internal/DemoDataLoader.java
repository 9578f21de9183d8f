package jp.madoguchi.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.madoguchi.demo.population.SyntheticHousehold;
import jp.madoguchi.demo.population.SyntheticPerson;
import jp.madoguchi.demo.population.SyntheticPopulation;
import jp.madoguchi.kit.CheckDigits;
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
    public static final long POPULATION_SEED = 20261122L;
    public static final int POPULATION_TARGET = 5200;

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
    private final Clock clock;

    DemoDataLoader(MunicipalityDirectory municipalities, StaffDirectory staff, ResidentRegistration register,
            TransactionTemplate transactions, Clock clock) {
        this.municipalities = municipalities;
        this.staff = staff;
        this.register = register;
        this.transactions = transactions;
        this.clock = clock;
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
        SyntheticPopulation population = SyntheticPopulation.generate(POPULATION_SEED, POPULATION_TARGET,
                LocalDate.now(clock));
        register.addTownAreas(population.townAreas().stream()
                .map(t -> new ResidentRegistration.TownArea(t.code(), t.name(), t.kana())).toList());

        // 宛名番号 have 9 + 1 digits, 世帯番号 7 + 1; bases that cannot carry a modulus-11 check digit are skipped.
        String atenaBase = "099999999";
        String householdBase = "0999999";
        Set<String> households = new LinkedHashSet<>();
        List<ResidentRegistration.NewResident> residents = new ArrayList<>();
        for (SyntheticHousehold household : population.households()) {
            householdBase = CheckDigits.nextIssuable(householdBase);
            String householdNumber = CheckDigits.appendModulus11(householdBase);
            households.add(householdNumber);
            for (SyntheticPerson p : household.members()) {
                atenaBase = CheckDigits.nextIssuable(atenaBase);
                residents.add(new ResidentRegistration.NewResident(CheckDigits.appendModulus11(atenaBase),
                        householdNumber,
                        p.relationship(), p.foreign() ? "2" : "1", "1", p.familyName(), p.givenName(),
                        p.familyNameKana() + "\u3000" + p.givenNameKana(), p.alias(), p.aliasKana(), p.nationality(),
                        birthDate(p), p.sex() == jp.madoguchi.demo.population.Sex.MALE ? "1" : "2",
                        household.townArea().code(), household.addressDetail(), p.movedInDate(),
                        p.movedInDate().equals(p.birthDate()) ? "birth" : "move_in"));
            }
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
