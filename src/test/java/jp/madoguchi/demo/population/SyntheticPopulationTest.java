package jp.madoguchi.demo.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo population: seed 20261122, 5,200 residents, register date 2026-11-22. */
class SyntheticPopulationTest {

    static final long DEMO_SEED = 20261122L;
    static final int DEMO_RESIDENTS = 5200;
    static final LocalDate REF = LocalDate.of(2026, 11, 22);

    static SyntheticPopulation population;
    static List<SyntheticPerson> persons;

    @BeforeAll
    static void generate() {
        population = SyntheticPopulation.generate(DEMO_SEED, DEMO_RESIDENTS, REF);
        persons = population.persons().toList();
    }

    @Test
    void sameSeedAndParametersGiveIdenticalOutput() {
        SyntheticPopulation again = SyntheticPopulation.generate(DEMO_SEED, DEMO_RESIDENTS, REF);
        assertThat(again.townAreas()).isEqualTo(population.townAreas());
        assertThat(again.households()).isEqualTo(population.households());
        assertThat(again.persons().toList()).isEqualTo(persons);
        assertThat(digest(again)).isEqualTo(digest(population));
    }

    @Test
    void anotherSeedGivesAnotherPopulation() {
        SyntheticPopulation other = SyntheticPopulation.generate(DEMO_SEED + 1, DEMO_RESIDENTS, REF);
        assertThat(other.persons().toList()).isNotEqualTo(persons);
    }

    /**
     * Golden values computed by this implementation and pinned here: a change means the demo data changed (an edit
     * of a name list, of the generator, or of the random sequence). Update deliberately, never to make a build green.
     */
    @Test
    void goldenValuesForTheDemoSeed() {
        assertThat(persons).hasSize(GOLDEN_PERSONS);
        assertThat(population.households()).hasSize(GOLDEN_HOUSEHOLDS);
        assertThat(persons.stream().filter(SyntheticPerson::foreign).count()).isEqualTo(GOLDEN_FOREIGN);
        assertThat(describe(persons.getFirst())).isEqualTo(GOLDEN_FIRST);
        assertThat(describe(persons.get(2599))).isEqualTo(GOLDEN_2600);
        assertThat(describe(persons.getLast())).isEqualTo(GOLDEN_LAST);
        assertThat(digest(population)).isEqualTo(GOLDEN_DIGEST);
    }

    static final int GOLDEN_PERSONS = 5200;
    static final int GOLDEN_HOUSEHOLDS = 2355;
    static final long GOLDEN_FOREIGN = 302;
    static final String GOLDEN_FIRST = "1|森|幸雄|モリ|ユキオ|MALE|1954-11-19|EXACT|世帯主|null|null|1954-11-19";
    static final String GOLDEN_2600 = "2600|藤田|翔太|フジタ|ショウタ|MALE|1990-01-18|EXACT|子|null|null|2025-04-14";
    static final String GOLDEN_LAST = "5200|井上|澄子|イノウエ|スミコ|FEMALE|1938-08-06|EXACT|妻|null|null|1986-06-24";
    static final String GOLDEN_DIGEST = "8af2d975e888e13fc3b81a9ebd01bee0c8b7a0752dcb5fe19bba367c58b60f56";

    @Test
    void sizeMeetsTheDemoRequirements() {
        assertThat(persons.size()).isGreaterThanOrEqualTo(5000).isGreaterThanOrEqualTo(DEMO_RESIDENTS)
                .isLessThan(DEMO_RESIDENTS + 10);
        assertThat(population.households().size()).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void everyInvariantHolds() {
        PopulationChecks.checkAll(population, REF);
    }

    @Test
    void householdSizesLookLikeASmallJapaneseTown() {
        List<SyntheticHousehold> hs = population.households();
        double single = share(hs, h -> h.members().size() == 1);
        double two = share(hs, h -> h.members().size() == 2);
        double fivePlus = share(hs, h -> h.members().size() >= 5);
        assertThat(single).as("single-person households").isBetween(0.30, 0.40);
        assertThat(two).as("two-person households").isBetween(0.25, 0.38);
        assertThat(fivePlus).as("five or more").isBetween(0.04, 0.12);
        double mean = (double) persons.size() / hs.size();
        assertThat(mean).isBetween(2.1, 2.5);
        assertThat(hs).as("three-generation households")
                .filteredOn(h -> has(h, "孫") || (has(h, "子") && (has(h, "父") || has(h, "母"))))
                .hasSizeGreaterThan(80);
        assertThat(hs).as("couples without children")
                .filteredOn(h -> h.members().size() == 2 && (has(h, "妻") || has(h, "夫"))).hasSizeGreaterThan(300);
    }

    @Test
    void agesSpanZeroToOneHundredWithAnAgeingProfile() {
        assertThat(persons).anyMatch(p -> p.ageOn(REF) == 0);
        assertThat(persons).anyMatch(p -> p.ageOn(REF) == 100);
        assertThat(persons).allMatch(p -> p.ageOn(REF) >= 0 && p.ageOn(REF) <= 100);
        double elderly = (double) persons.stream().filter(p -> p.ageOn(REF) >= 65).count() / persons.size();
        double children = (double) persons.stream().filter(p -> p.ageOn(REF) < 15).count() / persons.size();
        assertThat(elderly).as("aged 65+").isBetween(0.27, 0.34);
        assertThat(children).as("aged under 15").isBetween(0.08, 0.14);
        TreeMap<Integer, Long> decades = new TreeMap<>();
        persons.forEach(p -> decades.merge(p.ageOn(REF) / 10, 1L, Long::sum));
        assertThat(decades.keySet()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void bothSexesAndEveryRelationshipOccur() {
        double female = (double) persons.stream().filter(p -> p.sex() == Sex.FEMALE).count() / persons.size();
        assertThat(female).isBetween(0.48, 0.55);
        assertThat(PopulationChecks.sorted(persons.stream().map(SyntheticPerson::relationship)))
                .containsAll(Set.of("世帯主", "妻", "夫", "子", "父", "母", "祖母", "孫", "妻の父", "妻の母", "夫の母", "子の妻",
                        "子の夫", "縁故者", "同居人"))
                .containsAnyOf("兄", "姉", "弟", "妹");
    }

    @Test
    void foreignResidentsHaveARealisticMix() {
        List<SyntheticPerson> foreign = persons.stream().filter(SyntheticPerson::foreign).toList();
        assertThat(foreign).hasSizeBetween(250, 350);
        TreeMap<String, Long> byNationality = new TreeMap<>();
        foreign.forEach(p -> byNationality.merge(p.nationality(), 1L, Long::sum));
        assertThat(byNationality).containsKeys("ベトナム", "中国", "フィリピン", "韓国", "ブラジル", "ネパール", "インドネシア");
        assertThat(byNationality.get("ベトナム")).as("largest groups").isGreaterThan(byNationality.get("ブラジル"));
        assertThat(byNationality.get("中国")).isGreaterThan(byNationality.get("インドネシア"));
        // as individuals and as families
        assertThat(population.households()).filteredOn(h -> h.members().size() == 1 && h.head().foreign())
                .hasSizeGreaterThan(40);
        assertThat(population.households())
                .filteredOn(h -> h.head().foreign() && h.members().stream().filter(SyntheticPerson::foreign).count() >= 3)
                .hasSizeGreaterThan(10);
        // international marriages: a Japanese head with a foreign spouse
        assertThat(population.households()).filteredOn(h -> !h.head().foreign() && h.members().stream()
                .anyMatch(p -> p.foreign() && p.relationship().equals("妻"))).isNotEmpty();
        // registered names: upper-case alphabet, or 漢字 for Chinese and Korean nationals
        assertThat(foreign).filteredOn(p -> Set.of("ベトナム", "フィリピン", "ブラジル", "ネパール").contains(p.nationality()))
                .allMatch(p -> p.familyName().matches("[A-Z ]+") && p.givenName().matches("[A-Z ]+"));
        assertThat(foreign).filteredOn(p -> Set.of("中国", "韓国", "朝鮮").contains(p.nationality()))
                .allMatch(p -> p.familyName().codePoints().allMatch(Character::isIdeographic));
        assertThat(persons).anySatisfy(p -> {
            assertThat(p.familyName()).isEqualTo("NGUYEN");
            assertThat(p.familyNameKana()).isEqualTo("グエン");
        });
    }

    @Test
    void someForeignResidentsHaveATsusho() {
        List<SyntheticPerson> withAlias = persons.stream().filter(p -> p.alias() != null).toList();
        long foreign = persons.stream().filter(SyntheticPerson::foreign).count();
        assertThat(withAlias).allMatch(SyntheticPerson::foreign);
        assertThat(withAlias.size()).isBetween(15, (int) foreign / 3);
        assertThat(withAlias).as("特別永住者 of 韓国・朝鮮 often have a Japanese 通称")
                .filteredOn(p -> p.nationality().equals("韓国") || p.nationality().equals("朝鮮")).hasSizeGreaterThan(10);
    }

    @Test
    void aHandfulOfBirthDatesArePartlyUnknownMostlyOfElderlyForeignResidents() {
        List<SyntheticPerson> imprecise = persons.stream()
                .filter(p -> p.precision() != BirthDatePrecision.EXACT).toList();
        assertThat(imprecise).hasSizeBetween(8, 12);
        assertThat(imprecise).filteredOn(p -> p.foreign() && p.ageOn(REF) >= 60).hasSizeGreaterThanOrEqualTo(6);
        assertThat(PopulationChecks.sorted(imprecise.stream().map(p -> p.precision().name())))
                .containsExactly("UNKNOWN", "YEAR", "YEAR_MONTH");
    }

    @Test
    void variantCharactersAndIvsSequencesArePresentWithCorrectKana() {
        assertSurname("\u9AD9\u6A4B", "タカハシ"); // 髙橋
        assertSurname("\u5C71\uFA11", "ヤマザキ"); // 山﨑
        assertSurname(new String(Character.toChars(0x20BB7)) + "\u7530", "ヨシダ"); // 𠮷田
        assertSurname("\u6E21\u908A", "ワタナベ"); // 渡邊
        assertSurname("\u6E21\u9089", "ワタナベ"); // 渡邉
        assertSurname("\u9F4B\u85E4", "サイトウ"); // 齋藤
        assertSurname("\u9F4A\u85E4", "サイトウ"); // 齊藤
        assertSurname("\u6FF5\u7530", "ハマダ"); // 濵田
        assertSurname("\u845B" + new String(Character.toChars(0xE0100)) + "\u897F", "カサイ"); // 葛󠄀西 with IVS
        assertSurname("\u8FBB" + new String(Character.toChars(0xE0100)), "ツジ"); // 辻󠄀 with IVS
        assertThat("\u845B\uDB40\uDD00\u897F").isEqualTo("\u845B" + new String(Character.toChars(0xE0100)) + "\u897F");

        Set<Integer> special = Set.of(0x9AD9, 0xFA11, 0x20BB7, 0x908A, 0x9089, 0x9F4B, 0x9F4A, 0x6FF5, 0xE0100);
        long bearers = persons.stream()
                .filter(p -> (p.familyName() + p.givenName()).codePoints().anyMatch(special::contains)).count();
        assertThat(bearers).as("a few dozen residents with variant characters or IVS").isBetween(24L, 150L);
        assertThat(persons).as("IVS bearers").filteredOn(p -> p.familyName().codePoints().anyMatch(c -> c == 0xE0100))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void japaneseGivenNamesFollowTheBirthCohort() {
        Set<String> oldNames = Set.of("清", "勇", "実", "茂", "和子", "幸子", "節子", "文子");
        Set<String> newNames = Set.of("蓮", "陽翔", "湊", "陽葵", "紬", "結菜", "凛", "芽依");
        assertThat(persons).filteredOn(p -> oldNames.contains(p.givenName()))
                .isNotEmpty().allMatch(p -> p.birthDate().getYear() < 1960);
        assertThat(persons).filteredOn(p -> newNames.contains(p.givenName()) && !p.foreign())
                .isNotEmpty().allMatch(p -> p.birthDate().getYear() >= 2000);
        long distinctGiven = persons.stream().filter(p -> !p.foreign()).map(SyntheticPerson::givenName).distinct()
                .count();
        long distinctFamily = persons.stream().filter(p -> !p.foreign()).map(SyntheticPerson::familyName).distinct()
                .count();
        assertThat(distinctGiven).isGreaterThan(150);
        assertThat(distinctFamily).isGreaterThan(120);
        // the most frequent surnames lead
        TreeMap<String, Long> bySurname = new TreeMap<>();
        persons.stream().filter(p -> !p.foreign()).forEach(p -> bySurname.merge(p.familyName(), 1L, Long::sum));
        assertThat(bySurname.get("佐藤")).isGreaterThan(bySurname.getOrDefault("富田", 0L));
        assertThat(bySurname.get("鈴木")).isGreaterThan(bySurname.getOrDefault("永井", 0L));
    }

    @Test
    void townAreasAndAddressesLookReal() {
        assertThat(population.townAreas()).contains(new TownArea("001", "本町一丁目", "ホンチョウイッチョウメ"));
        assertThat(population.townAreas()).extracting(TownArea::name).contains("駅前一丁目", "緑が丘一丁目", "港町", "大字新田");
        assertThat(population.households()).extracting(SyntheticHousehold::townArea).containsAll(population.townAreas());
        List<String> details = population.households().stream().map(SyntheticHousehold::addressDetail).toList();
        assertThat(details).anyMatch(d -> d.matches("\\d+番\\d+号"));
        assertThat(details).anyMatch(d -> d.matches("\\d+番地"));
        assertThat(details).anyMatch(d -> d.matches("\\d+番地\\d+"));
        assertThat(details).filteredOn(d -> d.matches(".+\u3000.+\\d{3}号室")).hasSizeGreaterThan(150);
        // households are in register order: town area code, then address
        List<String> codes = population.households().stream().map(h -> h.townArea().code()).toList();
        assertThat(codes).isSorted();
    }

    @Test
    void movedInDatesAreBirthDatesForThoseBornHere() {
        long bornHere = persons.stream().filter(p -> p.movedInDate().equals(p.birthDate())).count();
        assertThat(bornHere).isBetween(persons.size() / 6L, persons.size() / 2L);
        List<SyntheticPerson> infants = persons.stream().filter(p -> p.ageOn(REF) == 0).toList();
        assertThat(infants.stream().filter(p -> p.movedInDate().equals(p.birthDate())).count())
                .as("most infants were born here").isGreaterThanOrEqualTo(infants.size() * 8L / 10);
        assertThat(persons).anyMatch(p -> p.movedInDate().isAfter(REF.minusYears(1)) && p.ageOn(REF) > 18);
    }

    @Test
    void rejectsInvalidParameters() {
        assertThatThrownBy(() -> SyntheticPopulation.generate(1, 0, REF)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticPopulation.generate(1, 100, null)).isInstanceOf(NullPointerException.class);
    }

    // ------------------------------------------------------------------------------------------------

    private static void assertSurname(String kanji, String kana) {
        assertThat(persons).as("someone named %s", kanji).filteredOn(p -> p.familyName().equals(kanji)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.familyNameKana()).isEqualTo(kana));
    }

    private static boolean has(SyntheticHousehold h, String relationship) {
        return h.members().stream().anyMatch(p -> p.relationship().equals(relationship));
    }

    private static double share(List<SyntheticHousehold> hs, Predicate<SyntheticHousehold> p) {
        return (double) hs.stream().filter(p).count() / hs.size();
    }

    static String describe(SyntheticPerson p) {
        return String.join("|", Integer.toString(p.sequence()), p.familyName(), p.givenName(), p.familyNameKana(),
                p.givenNameKana(), p.sex().name(), p.birthDate().toString(), p.precision().name(), p.relationship(),
                String.valueOf(p.nationality()), String.valueOf(p.alias()), p.movedInDate().toString());
    }

    /** SHA-256 over a canonical text of the whole population. */
    static String digest(SyntheticPopulation population) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (TownArea a : population.townAreas()) {
                md.update((a.code() + "|" + a.name() + "|" + a.kana() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (SyntheticHousehold h : population.households()) {
                md.update((h.sequence() + "|" + h.townArea().code() + "|" + h.addressDetail() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                for (SyntheticPerson p : h.members()) {
                    md.update((describe(p) + "|" + p.aliasKana() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
