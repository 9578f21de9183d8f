package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LegalAgeTest {

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

    @Property(tries = 3000)
    void ageOnMatchesANaiveBirthdayCountAndTheDayOfReaching(@ForAll("births") LocalDate birth,
            @ForAll @IntRange(min = 1, max = 110) int age, @ForAll @IntRange(min = 0, max = 40_000) int offset) {
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
    }

    @Provide
    Arbitrary<LocalDate> births() {
        return Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2030, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay).edgeCases(c -> c.add(LocalDate.of(2000, 2, 29), LocalDate.of(2019, 4, 1)));
    }
}
