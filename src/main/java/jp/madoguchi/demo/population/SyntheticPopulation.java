package jp.madoguchi.demo.population;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A synthetic resident register for the demo municipality: town areas, households and residents.
 *
 * <p><strong>All data is synthetic.</strong> Names are random combinations of common surnames and given names
 * (and of common foreign names), drawn independently of birth dates and addresses; the town, its areas, buildings and
 * addresses are fictional. Any resemblance to a real person is coincidental. Never load this data into a production
 * register.
 *
 * <p><strong>Determinism.</strong> The output depends only on the seed, the parameters and the name lists under
 * {@code src/main/resources/jp/madoguchi/demo/population/}. Random numbers come from {@link SplitMix64} (specified in
 * that class, so the sequence does not depend on the JDK); no hash iteration order, clock or default locale is used.
 *
 * <p><strong>What it looks like</strong> (for {@code targetResidents = 5200}; shares are targets of the sampling, the
 * tests pin the actual ranges):
 * <ul>
 *   <li>Residents: at least {@code targetResidents} (households are added until the target is reached), in about
 *       2,200–2,400 households; about 5.8 % foreign residents (≈ 300), about 0.8 % in a care facility
 *       (特別養護老人ホーム, one single-person household each, one of them aged exactly 100).</li>
 *   <li>Japanese households: single 33 % (with the facility and foreign workers ≈ 35–37 % of all households are
 *       single-person), couple 23.5 %, couple with children 22.5 %, single parent 9 % (young parent with children, or
 *       an elderly parent with a middle-aged child), three generations 7.5 % (with the 世帯主's or 妻's parents; elderly 世帯主 with a married
 *       子, 子の妻/子の夫 and 孫; rarely four generations with 祖母/祖父), other 4.5 % (couple with a parent, unmarried
 *       siblings 兄/姉/弟/妹, 縁故者, 同居人, a grandparent with 孫).</li>
 *   <li>Ages 0–100 with an ageing profile (≈ 30 % aged 65+). Spouses: husband about 2 years older (−4…+12);
 *       mothers give birth at 22–34 (first child) with 2–5 year gaps, so a 子 is at least 18 years younger than both
 *       parents; adult children stay at home with a chance.</li>
 *   <li>Foreign residents: technical interns and workers living alone or sharing a flat (ベトナム, インドネシア, 中国,
 *       フィリピン, ネパール, タイ), families (中国, ネパール, ブラジル, ベトナム, フィリピン, …), 特別永住者 of 韓国/朝鮮 (many
 *       with a 通称), and international marriages (a foreign 妻, sometimes with a 通称 using the husband's surname; or a
 *       foreign 世帯主 with a Japanese 妻). About ten of them have partly unknown birth dates.</li>
 *   <li>Surnames weighted by national frequency, given names by birth cohort; variant and IVS forms (髙橋, 山﨑,
 *       渡邊, 渡邉, 齋藤, 齊藤, 𠮷田, 濵田, 葛󠄀西, 辻󠄀, …) each carried by at least one household.</li>
 *   <li>Nine town areas (住居表示 「3番12号」 or 地番 「512番地3」), apartment buildings with 方書 「コーポ若葉101号室」.</li>
 * </ul>
 * Households are ordered by town area and address; {@link SyntheticHousehold#sequence()} and
 * {@link SyntheticPerson#sequence()} follow that order.
 */
public final class SyntheticPopulation {

    /** Upper bound of {@code targetResidents}, to keep the generator's memory use sane. */
    public static final int MAX_RESIDENTS = 1_000_000;

    private final List<TownArea> townAreas;
    private final List<SyntheticHousehold> households;

    SyntheticPopulation(List<TownArea> townAreas, List<SyntheticHousehold> households) {
        this.townAreas = List.copyOf(townAreas);
        this.households = List.copyOf(households);
    }

    /**
     * Generates deterministically: same seed and same parameters → identical output, on any JVM.
     *
     * @param seed the seed (the demo uses 20261122)
     * @param targetResidents the minimum number of residents (1 to {@link #MAX_RESIDENTS}); small values still get
     *     the fixed parts (a care-facility resident, foreign residents, one household per variant surname)
     * @param referenceDate the register date: ages are computed on it and no date lies after it
     */
    public static SyntheticPopulation generate(long seed, int targetResidents, LocalDate referenceDate) {
        Objects.requireNonNull(referenceDate, "referenceDate");
        if (targetResidents < 1 || targetResidents > MAX_RESIDENTS) {
            throw new IllegalArgumentException("targetResidents must be 1.." + MAX_RESIDENTS + ": " + targetResidents);
        }
        return new PopulationGenerator(seed, targetResidents, referenceDate, NameTables.get()).generate();
    }

    /** The town areas (町丁目) in code order, including any without residents. */
    public List<TownArea> townAreas() {
        return townAreas;
    }

    /** The households in register order (town area, then address). */
    public List<SyntheticHousehold> households() {
        return households;
    }

    /** All residents, household by household, 世帯主 first; sequences run 1..N in this order. */
    public Stream<SyntheticPerson> persons() {
        return households.stream().flatMap(h -> h.members().stream());
    }
}
