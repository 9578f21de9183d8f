package jp.madoguchi.demo.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The invariants hold for other seeds, sizes and register dates too (a fixed sample, so the run is reproducible). */
class SyntheticPopulationSeedsTest {

    @ParameterizedTest(name = "seed {0}, {1} residents, {2}")
    @CsvSource({
        "0, 1, 2026-11-22",
        "1, 300, 2024-02-29",
        "-7, 900, 2026-04-01",
        "42, 2000, 2030-12-31",
        "9223372036854775807, 1500, 2025-01-01",
        "-9223372036854775808, 1200, 2019-05-01",
        "123456789, 3000, 2026-11-22",
    })
    void invariantsHold(long seed, int target, LocalDate ref) {
        SyntheticPopulation population = SyntheticPopulation.generate(seed, target, ref);
        List<SyntheticPerson> persons = population.persons().toList();
        assertThat(persons.size()).isGreaterThanOrEqualTo(target);
        PopulationChecks.checkAll(population, ref);
        assertThat(persons).anyMatch(p -> p.ageOn(ref) == 100);
        assertThat(SyntheticPopulation.generate(seed, target, ref).persons().toList()).isEqualTo(persons);
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1", "2", "3"})
    void foreignShareScalesWithTheTarget(long seed) {
        LocalDate ref = LocalDate.of(2026, 11, 22);
        SyntheticPopulation population = SyntheticPopulation.generate(seed, 5200, ref);
        long foreign = population.persons().filter(SyntheticPerson::foreign).count();
        assertThat(foreign).isBetween(250L, 350L);
        assertThat(population.households().size()).isGreaterThanOrEqualTo(2000);
    }
}
