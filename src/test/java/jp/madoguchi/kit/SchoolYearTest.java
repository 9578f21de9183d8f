package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.localDates;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class SchoolYearTest {

    /** Fixed so that runs are reproducible; QuickTheories reports it with any falsifying (shrunk) value. */
    private static final long SEED = 20_250_401L;

    @Test
    void childrenBornOnApril1stBelongToTheEarlierSchoolYear() {
        assertThat(SchoolYear.firstSchoolYear(LocalDate.of(2018, 4, 2))).isEqualTo(2025);
        assertThat(SchoolYear.firstSchoolYear(LocalDate.of(2019, 4, 1))).isEqualTo(2025);
        assertThat(SchoolYear.firstSchoolYear(LocalDate.of(2019, 4, 2))).isEqualTo(2026);
        assertThat(SchoolYear.firstSchoolYear(LocalDate.of(2018, 4, 1))).isEqualTo(2024);
        assertThat(SchoolYear.firstSchoolYear(LocalDate.of(2019, 1, 15))).isEqualTo(2025);
        assertThat(SchoolYear.firstSchoolYear(LocalDate.of(2016, 2, 29))).isEqualTo(2022);
    }

    @Test
    void grades() {
        LocalDate born = LocalDate.of(2018, 4, 2);
        assertThat(SchoolYear.schoolGrade(born, LocalDate.of(2025, 3, 31))).isEqualTo(SchoolGrade.PRESCHOOL);
        assertThat(SchoolYear.schoolGrade(born, LocalDate.of(2025, 4, 1))).isEqualTo(SchoolGrade.ELEMENTARY_1);
        assertThat(SchoolYear.schoolGrade(LocalDate.of(2019, 4, 1), LocalDate.of(2025, 4, 1)))
                .isEqualTo(SchoolGrade.ELEMENTARY_1);
        assertThat(SchoolYear.schoolGrade(LocalDate.of(2019, 4, 2), LocalDate.of(2025, 4, 1)))
                .isEqualTo(SchoolGrade.PRESCHOOL);
        assertThat(SchoolYear.schoolGrade(born, LocalDate.of(2031, 4, 1))).isEqualTo(SchoolGrade.JUNIOR_HIGH_1);
        assertThat(SchoolYear.schoolGrade(born, LocalDate.of(2034, 3, 31))).isEqualTo(SchoolGrade.JUNIOR_HIGH_3);
        assertThat(SchoolYear.schoolGrade(born, LocalDate.of(2034, 4, 1))).isEqualTo(SchoolGrade.OTHER);
        assertThat(SchoolGrade.ELEMENTARY_6.japaneseName()).isEqualTo("小学6年");
        assertThat(SchoolGrade.JUNIOR_HIGH_3.japaneseName()).isEqualTo("中学3年");
        assertThat(SchoolGrade.OTHER.isCompulsory()).isFalse();
        assertThat(SchoolGrade.ELEMENTARY_1.isCompulsory()).isTrue();
        assertThatThrownBy(() -> SchoolYear.schoolGrade(born, born.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nurseryAgeClasses() {
        assertThat(SchoolYear.ageOnApril1(LocalDate.of(2018, 4, 2), 2024)).isEqualTo(5);
        assertThat(SchoolYear.ageOnApril1(LocalDate.of(2019, 4, 1), 2024)).isEqualTo(5);
        assertThat(SchoolYear.ageOnApril1(LocalDate.of(2019, 4, 2), 2024)).isEqualTo(4);
        assertThat(SchoolYear.ageOnApril1(LocalDate.of(2024, 4, 1), 2024)).isZero();
        assertThat(SchoolYear.ageOnApril1(LocalDate.of(2024, 6, 1), 2024)).isZero();
        assertThat(SchoolYear.ageOnApril1(LocalDate.of(2025, 3, 31), 2024)).isZero();
        assertThatThrownBy(() -> SchoolYear.ageOnApril1(LocalDate.of(2025, 4, 1), 2024))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void childAllowanceEndsOnTheMarch31AfterReaching18() {
        assertThat(SchoolYear.endOfSchoolYearTurning(LocalDate.of(2006, 4, 1), 18)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(SchoolYear.endOfSchoolYearTurning(LocalDate.of(2006, 4, 2), 18)).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(SchoolYear.endOfSchoolYearTurning(LocalDate.of(2004, 2, 29), 18)).isEqualTo(LocalDate.of(2022, 3, 31));
        assertThat(SchoolYear.endOfSchoolYearTurning(LocalDate.of(2006, 12, 31), 18)).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void fiscalYear() {
        assertThat(SchoolYear.fiscalYearOf(LocalDate.of(2025, 3, 31))).isEqualTo(2024);
        assertThat(SchoolYear.fiscalYearOf(LocalDate.of(2025, 4, 1))).isEqualTo(2025);
    }

    @Test
    void schoolYearRulesAgree() {
        qt().withFixedSeed(SEED).withExamples(3000).forAll(births()).checkAssert(birth -> {
            int first = SchoolYear.firstSchoolYear(birth);
            // children of one school year are born from April 2 to the next April 1
            LocalDate cohortStart = LocalDate.of(first - 7, 4, 2);
            assertThat(birth).isBetween(cohortStart, LocalDate.of(first - 6, 4, 1));
            for (int fy = SchoolYear.fiscalYearOf(birth); fy < first + 12; fy++) {
                assertThat(SchoolYear.ageOnApril1(birth, fy)).isEqualTo(Math.max(0, fy - first + 6));
            }
            assertThat(SchoolYear.endOfSchoolYearTurning(birth, 18)).isEqualTo(LocalDate.of(first + 12, 3, 31));
            assertThat(SchoolYear.schoolGrade(birth, LocalDate.of(first, 4, 1))).isEqualTo(SchoolGrade.ELEMENTARY_1);
            assertThat(SchoolYear.schoolGrade(birth, LocalDate.of(first, 3, 31).plusYears(9)))
                    .isEqualTo(SchoolGrade.JUNIOR_HIGH_3);
        });
    }

    /** Uniform over 1990–2040, with the edge cases 2019-04-01, 2019-04-02 and 2020-02-29 mixed into 1 draw in 20. */
    static Gen<LocalDate> births() {
        Gen<LocalDate> uniform = localDates()
                .withDaysBetween(LocalDate.of(1990, 1, 1).toEpochDay(), LocalDate.of(2040, 12, 31).toEpochDay());
        Gen<LocalDate> edgeCases = Generate.pick(
                List.of(LocalDate.of(2019, 4, 1), LocalDate.of(2019, 4, 2), LocalDate.of(2020, 2, 29)));
        return Generate.frequency(Pair.of(19, uniform), Pair.of(1, edgeCases));
    }
}
