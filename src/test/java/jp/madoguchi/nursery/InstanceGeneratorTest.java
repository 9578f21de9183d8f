package jp.madoguchi.nursery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InstanceGeneratorTest {

    private static final AdmissionInstance CITY = InstanceGenerator.generate(GeneratorParameters.defaults(7, 3_000, 120));

    @Test
    void theSameSeedGivesTheSameInstanceAndAnotherSeedAnother() {
        GeneratorParameters p = GeneratorParameters.defaults(7, 3_000, 120);
        assertThat(InstanceGenerator.generate(p)).isEqualTo(CITY);
        assertThat(InstanceGenerator.generate(GeneratorParameters.defaults(8, 3_000, 120))).isNotEqualTo(CITY);
    }

    @Test
    void generatedInstancesAreValid() {
        assertThat(CITY.validate()).isEmpty();
        assertThat(CITY.children()).hasSizeBetween(3_000, 3_002);
        assertThat(CITY.facilities()).hasSize(120);
    }

    @Test
    void sharesFollowTheDocumentedDistributions() {
        int n = CITY.children().size();
        Map<AgeClass, Long> ages = CITY.children().stream()
                .collect(Collectors.groupingBy(c -> CITY.ageClassOf(c).orElseThrow(), Collectors.counting()));
        assertThat(ages.get(AgeClass.AGE_1) / (double) n).isCloseTo(0.42, within(0.03));
        assertThat(ages.get(AgeClass.AGE_0) / (double) n).isCloseTo(0.22, within(0.03));
        long inSiblingFamilies = CITY.families().stream().filter(f -> f.children().size() > 1)
                .mapToLong(f -> f.children().size()).sum();
        assertThat(inSiblingFamilies / (double) n).isCloseTo(0.13, within(0.03));
        long transfers = CITY.children().stream().filter(Child::isTransfer).count();
        assertThat(transfers / (double) n).isCloseTo(0.03 * 0.9, within(0.015));
        double meanChoices = CITY.children().stream().mapToInt(c -> c.preferences().size()).average().orElseThrow();
        assertThat(meanChoices).isBetween(3.0, 5.0);
        for (AgeClass a : AgeClass.values()) {
            int seats = CITY.facilities().stream().mapToInt(f -> f.seats(a)).sum();
            assertThat(seats).isCloseTo((int) Math.round(0.75 * ages.get(a)), within(1));
        }
    }
}
