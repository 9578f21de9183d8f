package jp.madoguchi.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.demo.population.BirthDatePrecision;
import jp.madoguchi.demo.population.Sex;
import jp.madoguchi.demo.population.SyntheticHousehold;
import jp.madoguchi.demo.population.SyntheticPerson;
import jp.madoguchi.demo.population.SyntheticPopulation;
import jp.madoguchi.kit.CheckDigits;
import jp.madoguchi.platform.Municipality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * デモ住民 — the synthetic residents of the demo municipality (窓口町) as the demo register was loaded with them: the
 * same generator, seed and reference date (the day the demo municipality was created), and the same 宛名番号 and
 * 世帯番号. For demo features on the portal side, which must not read the register (e.g. the demo sign-in as one of
 * the synthetic residents). All of it is synthetic.
 */
@Component
public class DemoResidents {

    /**
     * One synthetic resident, flattened for other modules.
     *
     * @param atenaNumber 宛名番号 (10 digits), as in the demo register
     * @param householdNumber 世帯番号 (8 digits), as in the demo register
     * @param relationship 続柄 (世帯主, 妻, 子, …)
     * @param familyName 氏 (for foreign residents the registered name)
     * @param givenName 名
     * @param familyNameKana 氏 in full-width katakana
     * @param givenNameKana 名 in full-width katakana
     * @param male whether 性別 is 男
     * @param birthDate the birth date, or {@code null} when the register knows only part of it
     * @param approximateBirthDate the birth date or a representative date within its known part (for ages)
     * @param foreign whether the person is a 外国人住民
     * @param nationality 国籍・地域, {@code null} for Japanese residents
     * @param alias 通称, or {@code null}
     * @param address 住所 with the prefecture: 「長野県窓口町本町一丁目3番12号　コーポ若葉101号室」
     */
    public record Resident(String atenaNumber, String householdNumber, String relationship, String familyName,
            String givenName, String familyNameKana, String givenNameKana, boolean male, LocalDate birthDate,
            LocalDate approximateBirthDate, boolean foreign, String nationality, String alias, String address) {

        /** Age in completed years on {@code date} (from the approximate birth date when it is partly unknown). */
        public int ageOn(LocalDate date) {
            return approximateBirthDate.until(date).getYears();
        }
    }

    /** A synthetic person with the numbers the demo loader gives it (for the loader itself). */
    public record Numbered(String atenaNumber, String householdNumber, SyntheticHousehold household,
            SyntheticPerson person) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(LocalDate referenceDate, List<Resident> residents) {
    }

    DemoResidents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The register date of the demo population: the day (JST) the demo municipality was created, i.e. the day the
     * demo data was loaded; today when it is not loaded (yet).
     */
    public LocalDate referenceDate() {
        Optional<OffsetDateTime> created = jdbc.sql("select created_at from municipality where code = :code")
                .param("code", DemoDataLoader.DEMO_MUNICIPALITY.code())
                .query(OffsetDateTime.class).optional();
        return created.map(c -> c.atZoneSameInstant(clock.getZone()).toLocalDate()).orElseGet(() -> LocalDate.now(clock));
    }

    /** The demo residents in register order (household by household, 世帯主 first). Generated once per JVM. */
    public List<Resident> all() {
        LocalDate reference = referenceDate();
        Cached c = cached;
        if (c == null || !c.referenceDate().equals(reference)) {
            c = new Cached(reference, flatten(numbered(generate(reference)), DemoDataLoader.DEMO_MUNICIPALITY));
            cached = c;
        }
        return c.residents();
    }

    /** The demo population for a register date (seed and size of the demo). */
    public static SyntheticPopulation generate(LocalDate referenceDate) {
        return SyntheticPopulation.generate(DemoDataLoader.POPULATION_SEED, DemoDataLoader.POPULATION_TARGET,
                referenceDate);
    }

    /**
     * Numbers a population as the demo register does: 宛名番号 with 9 + 1 digits and 世帯番号 with 7 + 1 digits,
     * issued in register order; bases that cannot carry a modulus-11 check digit are skipped.
     */
    public static List<Numbered> numbered(SyntheticPopulation population) {
        String atenaBase = "099999999";
        String householdBase = "0999999";
        List<Numbered> numbered = new ArrayList<>();
        for (SyntheticHousehold household : population.households()) {
            householdBase = CheckDigits.nextIssuable(householdBase);
            String householdNumber = CheckDigits.appendModulus11(householdBase);
            for (SyntheticPerson person : household.members()) {
                atenaBase = CheckDigits.nextIssuable(atenaBase);
                numbered.add(new Numbered(CheckDigits.appendModulus11(atenaBase), householdNumber, household, person));
            }
        }
        return numbered;
    }

    private static List<Resident> flatten(List<Numbered> numbered, Municipality municipality) {
        return numbered.stream().map(n -> {
            SyntheticPerson p = n.person();
            return new Resident(n.atenaNumber(), n.householdNumber(), p.relationship(), p.familyName(),
                    p.givenName(), p.familyNameKana(), p.givenNameKana(), p.sex() == Sex.MALE,
                    p.precision() == BirthDatePrecision.EXACT ? p.birthDate() : null, p.birthDate(), p.foreign(),
                    p.nationality(), p.alias(), municipality.fullName() + n.household().townArea().name()
                            + n.household().addressDetail());
        }).toList();
    }
}
