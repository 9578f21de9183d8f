package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.localDates;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class LegalAgeTest {

    /** Fixed so that runs are reproducible; QuickTheories reports it with any falsifying (shrunk) value. */
    private static final long SEED = 20_250_401L;

    @Test
    void oneReachesAnAgeOnTheDayBeforeTheBirthday() {
        LocalDate birth = LocalDate.of(2000, 3, 15);
        assertThat(LegalAge.dateOfReaching(birth, 18)).isEqualTo(LocalDate.of(2018, 3, 14));
        assertThat(LegalAge.ageOn(birth, LocalDate.of(2018, 3, 14))).isEqualTo(17);
        assertThat(LegalAge.ageOn(birth, LocalDate.of(2018, 3, 15))).isEqualTo(18);
        assertThat(LegalAge.hasReached(birth, 18, LocalDate.of(2018, 3, 13))).isFalse();
        assertThat(LegalAge.hasReached(birth, 18, LocalDate.of(2018, 3, 14))).isTrue();
        assertThat(LegalAge.ageOn(birth, birth)).isZero();
    }

    @Test
    void leapDayBirthdaysReachOnFebruary28() {
        LocalDate birth = LocalDate.of(2000, 2, 29);
        assertThat(LegalAge.dateOfReaching(birth, 18)).isEqualTo(LocalDate.of(2018, 2, 28));
        assertThat(LegalAge.dateOfReaching(birth, 4)).isEqualTo(LocalDate.of(2004, 2, 28));
        assertThat(LegalAge.dateOfReaching(birth, 1)).isEqualTo(LocalDate.of(2001, 2, 28));
        assertThat(LegalAge.ageOn(birth, LocalDate.of(2018, 2, 28))).isEqualTo(17);
        assertThat(LegalAge.ageOn(birth, LocalDate.of(2018, 3, 1))).isEqualTo(18);
        assertThat(LegalAge.ageOn(birth, LocalDate.of(2004, 2, 29))).isEqualTo(4);
        assertThat(LegalAge.hasReached(birth, 18, LocalDate.of(2018, 2, 28))).isTrue();
        assertThat(LegalAge.hasReached(birth, 18, LocalDate.of(2018, 2, 27))).isFalse();
    }

    @Test
    void elderlyInsuranceDates() {
        assertThat(LegalAge.dateOfReaching(LocalDate.of(1960, 4, 1), 65)).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(LegalAge.dateOfReaching(LocalDate.of(1950, 1, 1), 75)).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> LegalAge.ageOn(LocalDate.of(2000, 1, 2), LocalDate.of(2000, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LegalAge.dateOfReaching(LocalDate.of(2000, 1, 2), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ageOnMatchesANaiveBirthdayCountAndTheDayOfReaching() {
        qt().withFixedSeed(SEED).withExamples(3000)
                .forAll(births(), integers().between(1, 110), integers().between(0, 40_000))
                .checkAssert((birth, age, offset) -> {
                    LocalDate reached = LegalAge.dateOfReaching(birth, age);
                    assertThat(LegalAge.ageOn(birth, reached)).isEqualTo(age - 1);
                    assertThat(LegalAge.ageOn(birth, reached.plusDays(1))).isEqualTo(age);
                    assertThat(LegalAge.hasReached(birth, age, reached)).isTrue();
                    assertThat(LegalAge.hasReached(birth, age, reached.minusDays(1))).isFalse();

                    LocalDate on = birth.plusDays(offset);
                    // naive: the birthday (3/1 for 2/29 in common years) has come this year
                    MonthDay bd = MonthDay.from(birth);
                    MonthDay birthdayThisYear = bd.equals(MonthDay.of(2, 29)) && !on.isLeapYear() ? MonthDay.of(3, 1) : bd;
                    int naive = on.getYear() - birth.getYear() - (MonthDay.from(on).isBefore(birthdayThisYear) ? 1 : 0);
                    assertThat(LegalAge.ageOn(birth, on)).isEqualTo(naive);
                });
    }

    /** Uniform over 1900–2030, with the edge cases 2000-02-29 and 2019-04-01 mixed into 1 draw in 20. */
    static Gen<LocalDate> births() {
        Gen<LocalDate> uniform = localDates()
                .withDaysBetween(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2030, 12, 31).toEpochDay());
        Gen<LocalDate> edgeCases = Generate.pick(List.of(LocalDate.of(2000, 2, 29), LocalDate.of(2019, 4, 1)));
        return Generate.frequency(Pair.of(19, uniform), Pair.of(1, edgeCases));
    }
}
