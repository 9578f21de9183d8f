package jp.madoguchi.nursery;

import java.util.Map;

/**
 * Distributions of {@link InstanceGenerator}; every default is documented in docs/nursery.md.
 *
 * @param seed the random seed (same seed, same instance)
 * @param children about how many children apply (the generator stops at the first family that reaches it)
 * @param facilities how many facilities
 * @param fiscalYear the round's fiscal year (4月一斉)
 * @param ageShares share of applicants per age class 0–5 (sums to 1)
 * @param secondChildShare probability that a family applies for a second child
 * @param thirdChildShare probability that a family with two applies for a third
 * @param siblingOptions probability of each sibling option for families of two or more
 * @param transferShare probability that a child is a 転園 applicant holding a seat
 * @param capacityTightness seats of each age class ÷ applicants of that class
 * @param smallFacilityShare share of 小規模保育 facilities (0–2歳児 only)
 * @param popularityExponent Zipf exponent of facility popularity (0 = all alike)
 * @param locality distance scale of preferences in a unit square (small = families pick nearby facilities)
 * @param meanPreferences mean length of a preference list (1 … maxPreferences)
 * @param maxPreferences 希望施設数の上限
 */
public record GeneratorParameters(long seed, int children, int facilities, int fiscalYear, double[] ageShares,
        double secondChildShare, double thirdChildShare, Map<SiblingOption, Double> siblingOptions,
        double transferShare, double capacityTightness, double smallFacilityShare, double popularityExponent,
        double locality, double meanPreferences, int maxPreferences) {

    /** Defaults for a city of about {@code children} applicants and {@code facilities} facilities. */
    public static GeneratorParameters defaults(long seed, int children, int facilities) {
        return new GeneratorParameters(seed, children, facilities, 2026,
                new double[] {0.22, 0.42, 0.14, 0.10, 0.07, 0.05},
                0.07, 0.06,
                Map.of(SiblingOption.ANY, 0.35, SiblingOption.SAME_FACILITY_ONLY, 0.35,
                        SiblingOption.ALL_OR_NONE, 0.15, SiblingOption.YOUNGER_FIRST, 0.15),
                0.03, 0.75, 0.2, 0.8, 0.15, 4.0, 10);
    }

    /** さいたま市 scale: about 8,000 children, 311 facilities. */
    public static GeneratorParameters saitamaScale(long seed) {
        return defaults(seed, 8_000, 311);
    }

    /** The same distributions for the 4月一斉 round of another fiscal year. */
    public GeneratorParameters withFiscalYear(int year) {
        return new GeneratorParameters(seed, children, facilities, year, ageShares, secondChildShare,
                thirdChildShare, siblingOptions, transferShare, capacityTightness, smallFacilityShare, popularityExponent,
                locality, meanPreferences, maxPreferences);
    }

    public GeneratorParameters withCapacityTightness(double tightness) {
        return new GeneratorParameters(seed, children, facilities, fiscalYear, ageShares, secondChildShare,
                thirdChildShare, siblingOptions, transferShare, tightness, smallFacilityShare, popularityExponent,
                locality, meanPreferences, maxPreferences);
    }

    public GeneratorParameters withSiblings(double second, Map<SiblingOption, Double> options) {
        return new GeneratorParameters(seed, children, facilities, fiscalYear, ageShares, second,
                thirdChildShare, options, transferShare, capacityTightness, smallFacilityShare, popularityExponent,
                locality, meanPreferences, maxPreferences);
    }

    public GeneratorParameters withTransferShare(double share) {
        return new GeneratorParameters(seed, children, facilities, fiscalYear, ageShares, secondChildShare,
                thirdChildShare, siblingOptions, share, capacityTightness, smallFacilityShare, popularityExponent,
                locality, meanPreferences, maxPreferences);
    }
}
