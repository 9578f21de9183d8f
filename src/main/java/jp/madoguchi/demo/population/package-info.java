/**
 * The synthetic population of the demo municipality: a deterministic generator of town areas, households and residents
 * (see {@link jp.madoguchi.demo.population.SyntheticPopulation}). Exposed as the demo module's named interface
 * {@code population} so that another module's demo content can regenerate the same synthetic people from the same seed
 * (e.g. the card module's simulated My Number Cards) without reaching into the demo module's internals.
 */
@org.springframework.modulith.NamedInterface("population")
package jp.madoguchi.demo.population;
