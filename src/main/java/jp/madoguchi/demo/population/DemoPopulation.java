package jp.madoguchi.demo.population;

import java.time.LocalDate;

/**
 * The parameters the demo municipality's register is generated with, in one place, so that the demo loader and any
 * module's demo content (e.g. simulated My Number Cards of demo residents) produce the same synthetic people.
 *
 * <p>The population also depends on its reference date (ages are computed on it): regenerating it on another day
 * gives other birth dates. Whoever regenerates it must use the date the register was loaded.
 */
public final class DemoPopulation {

    /** The seed of the demo register. */
    public static final long SEED = 20261122L;
    /** The minimum number of residents of the demo register. */
    public static final int TARGET_RESIDENTS = 5200;

    private DemoPopulation() {
    }

    /** The demo population as generated on {@code referenceDate}. */
    public static SyntheticPopulation generate(LocalDate referenceDate) {
        return SyntheticPopulation.generate(SEED, TARGET_RESIDENTS, referenceDate);
    }
}
