package jp.madoguchi.demo.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Invariants every generated population must satisfy, whatever the seed and size. */
final class PopulationChecks {

    /** Full-width katakana (ァ…ヶ), the long-vowel mark, words separated by single full-width spaces. */
    static final Pattern KANA = Pattern.compile("[ァ-ヶー]+(\u3000[ァ-ヶー]+)*");
    static final Pattern ALPHABETIC_NAME = Pattern.compile("[A-Z]+( [A-Z]+)*");
    static final Pattern ADDRESS = Pattern.compile("(\\d+番\\d+号|\\d+番地(\\d+)?)(\u3000\\S+)?");

    static final Set<String> RELATIONSHIPS = Set.of("世帯主", "妻", "夫", "子", "父", "母", "祖父", "祖母", "孫", "兄", "姉",
            "弟", "妹", "妻の父", "妻の母", "夫の父", "夫の母", "子の妻", "子の夫", "縁故者", "同居人");
    static final Set<String> MALE_ONLY = Set.of("夫", "父", "祖父", "兄", "弟", "妻の父", "夫の父", "子の夫");
    static final Set<String> FEMALE_ONLY = Set.of("妻", "母", "祖母", "姉", "妹", "妻の母", "夫の母", "子の妻");
    /** Relatives who bear the 世帯主's surname in a Japanese family. */
    static final Set<String> SAME_SURNAME = Set.of("妻", "夫", "子", "父", "母", "祖父", "祖母", "孫", "兄", "姉", "弟", "妹",
            "子の妻", "子の夫");

    private PopulationChecks() {}

    static void checkAll(SyntheticPopulation population, LocalDate ref) {
        checkSequences(population);
        checkTownAreasAndAddresses(population);
        for (SyntheticHousehold h : population.households()) {
            checkHousehold(h, ref);
        }
        for (SyntheticPerson p : population.persons().toList()) {
            checkPerson(p, ref);
        }
    }

    static void checkSequences(SyntheticPopulation population) {
        List<SyntheticPerson> persons = population.persons().toList();
        for (int i = 0; i < persons.size(); i++) {
            assertThat(persons.get(i).sequence()).as("person sequence in order").isEqualTo(i + 1);
        }
        List<SyntheticHousehold> households = population.households();
        for (int i = 0; i < households.size(); i++) {
            assertThat(households.get(i).sequence()).as("household sequence in order").isEqualTo(i + 1);
        }
    }

    static void checkTownAreasAndAddresses(SyntheticPopulation population) {
        List<TownArea> areas = population.townAreas();
        assertThat(areas).hasSizeBetween(6, 10);
        assertThat(areas).extracting(TownArea::code).doesNotHaveDuplicates().allMatch(c -> c.matches("\\d{3}"));
        assertThat(areas).extracting(TownArea::name).doesNotHaveDuplicates();
        assertThat(areas).extracting(TownArea::kana).allMatch(k -> KANA.matcher(k).matches());
        TreeMap<String, String> seen = new TreeMap<>();
        for (SyntheticHousehold h : population.households()) {
            assertThat(areas).contains(h.townArea());
            assertThat(h.addressDetail()).matches(ADDRESS);
            String key = h.townArea().code() + "|" + h.addressDetail();
            String previous = seen.put(key, h.addressDetail());
            if (previous != null) {
                assertThat(h.addressDetail()).as("only a care facility houses several households at one address")
                        .contains("老人ホーム");
            }
        }
    }

    static void checkHousehold(SyntheticHousehold h, LocalDate ref) {
        List<SyntheticPerson> m = h.members();
        SyntheticPerson head = m.getFirst();
        assertThat(head.relationship()).as("head first: %s", h).isEqualTo("世帯主");
        assertThat(m.stream().filter(p -> p.relationship().equals("世帯主")).count()).isEqualTo(1);
        assertThat(head.ageOn(ref)).as("adult head: %s", h).isGreaterThanOrEqualTo(18);

        Optional<SyntheticPerson> wife = only(m, "妻");
        Optional<SyntheticPerson> husband = only(m, "夫");
        assertThat(wife.isPresent() && husband.isPresent()).as("one spouse at most: %s", h).isFalse();
        wife.ifPresent(w -> assertThat(head.sex()).isEqualTo(Sex.MALE));
        husband.ifPresent(x -> assertThat(head.sex()).isEqualTo(Sex.FEMALE));
        Optional<SyntheticPerson> spouse = wife.isPresent() ? wife : husband;

        for (SyntheticPerson p : m) {
            String rel = p.relationship();
            assertThat(RELATIONSHIPS).as("relationship %s", rel).contains(rel);
            if (MALE_ONLY.contains(rel)) {
                assertThat(p.sex()).as("%s is male: %s", rel, p).isEqualTo(Sex.MALE);
            }
            if (FEMALE_ONLY.contains(rel)) {
                assertThat(p.sex()).as("%s is female: %s", rel, p).isEqualTo(Sex.FEMALE);
            }
            switch (rel) {
                case "妻", "夫", "子の妻", "子の夫" ->
                    assertThat(p.ageOn(ref)).as("married adult: %s", p).isGreaterThanOrEqualTo(18);
                case "子" -> {
                    assertOlderBy(head, p, 16, h);
                    spouse.ifPresent(s -> assertOlderBy(s, p, 16, h));
                }
                case "父", "母" -> assertOlderBy(p, head, 16, h);
                case "祖父", "祖母" -> assertOlderBy(p, head, 32, h);
                case "孫" -> assertOlderBy(head, p, 32, h);
                case "兄", "姉" -> assertThat(p.birthDate()).as("older sibling: %s", h).isBefore(head.birthDate());
                case "弟", "妹" -> assertThat(p.birthDate()).as("younger sibling: %s", h).isAfter(head.birthDate());
                case "妻の父", "妻の母" -> {
                    assertThat(wife).as("妻 present: %s", h).isPresent();
                    assertOlderBy(p, wife.orElseThrow(), 16, h);
                }
                case "夫の父", "夫の母" -> {
                    assertThat(husband).as("夫 present: %s", h).isPresent();
                    assertOlderBy(p, husband.orElseThrow(), 16, h);
                }
                default -> {
                    // 世帯主, 縁故者, 同居人
                }
            }
            if (rel.equals("子の妻") || rel.equals("子の夫")) {
                assertThat(m).as("a 子 for the %s: %s", rel, h).anyMatch(x -> x.relationship().equals("子"));
            }
            if (!head.foreign() && !p.foreign() && SAME_SURNAME.contains(rel)) {
                assertThat(p.familyName()).as("family shares the surname: %s", h).isEqualTo(head.familyName());
                assertThat(p.familyNameKana()).isEqualTo(head.familyNameKana());
            }
        }
    }

    static void checkPerson(SyntheticPerson p, LocalDate ref) {
        assertThat(p.birthDate()).isBeforeOrEqualTo(ref);
        assertThat(p.ageOn(ref)).isBetween(0, 100);
        assertThat(p.movedInDate()).as("moved in after birth: %s", p).isAfterOrEqualTo(p.birthDate())
                .isBeforeOrEqualTo(ref);
        assertThat(p.familyNameKana()).as("kana of %s", p).matches(KANA);
        assertThat(p.givenNameKana()).as("kana of %s", p).matches(KANA);
        assertThat(p.familyName()).isNotBlank();
        assertThat(p.givenName()).isNotBlank();
        if (p.foreign()) {
            assertThat(p.nationality()).isNotBlank();
        } else {
            assertThat(p.nationality()).isNull();
            assertThat(p.alias()).isNull();
            assertThat(p.familyName() + p.givenName()).as("Japanese names have no Latin letters")
                    .doesNotContainPattern("[A-Za-z ]");
        }
        if (p.alias() != null) {
            assertThat(p.foreign()).isTrue();
            assertThat(p.aliasKana()).matches(KANA);
            assertThat(p.alias()).contains("\u3000");
        }
        if (p.familyName().chars().anyMatch(c -> c < 0x80)) {
            assertThat(p.familyName()).matches(ALPHABETIC_NAME);
            assertThat(p.givenName()).matches(ALPHABETIC_NAME);
            assertThat(p.foreign()).isTrue();
        }
        switch (p.precision()) {
            case YEAR_MONTH -> assertThat(p.birthDate().getDayOfMonth()).isEqualTo(1);
            case YEAR, UNKNOWN -> assertThat(p.birthDate().getDayOfYear()).isEqualTo(1);
            case EXACT -> {
                // any date
            }
        }
    }

    private static void assertOlderBy(SyntheticPerson older, SyntheticPerson younger, int years, SyntheticHousehold h) {
        assertThat(older.birthDate().plusYears(years))
                .as("%s %s%s is at least %d years older than %s %s%s in %s", older.relationship(), older.familyName(),
                        older.givenName(), years, younger.relationship(), younger.familyName(), younger.givenName(), h)
                .isBeforeOrEqualTo(younger.birthDate());
    }

    private static Optional<SyntheticPerson> only(List<SyntheticPerson> members, String relationship) {
        List<SyntheticPerson> found = new ArrayList<>();
        for (SyntheticPerson p : members) {
            if (p.relationship().equals(relationship)) {
                found.add(p);
            }
        }
        assertThat(found).as("at most one %s", relationship).hasSizeLessThanOrEqualTo(1);
        return found.stream().findFirst();
    }

    /** Distinct values, sorted (for readable assertion messages). */
    static TreeSet<String> sorted(java.util.stream.Stream<String> values) {
        return values.collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
}
