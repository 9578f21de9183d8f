package jp.madoguchi.card.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import jp.madoguchi.card.CardFacts;
import jp.madoguchi.card.CardSex;
import jp.madoguchi.demo.population.BirthDatePrecision;
import jp.madoguchi.demo.population.Sex;
import jp.madoguchi.demo.population.SyntheticHousehold;
import jp.madoguchi.demo.population.SyntheticPerson;
import jp.madoguchi.demo.population.SyntheticPopulation;
import jp.madoguchi.kit.CharacterWidth;
import jp.madoguchi.kit.CheckDigits;
import jp.madoguchi.kit.JisCharacters;
import jp.madoguchi.kit.JisStandard;
import jp.madoguchi.kit.MyNumber;
import jp.madoguchi.kit.RegisterDate;

/**
 * The demo's simulated My Number Cards, for synthetic residents of the demo register chosen by fixed rules (so the
 * same population gives the same cards), each showing one situation at the counter:
 *
 * <ol>
 *   <li>{@code demo-match} — the card agrees with the register character for character;</li>
 *   <li>{@code demo-notation} — the same facts written differently (算用数字, 全角数字とハイフン, a half-width space);</li>
 *   <li>{@code demo-variant-taka} — the register writes 髙, the card 高;</li>
 *   <li>{@code demo-variant-saki} — the register writes 﨑, the card 崎;</li>
 *   <li>{@code demo-variant-ivs} — the register's name carries an IVS selector (辻󠄀, 葛󠄀), the card's does not;</li>
 *   <li>{@code demo-moved} — the holder moved within the town and the card still shows the old address;</li>
 *   <li>{@code demo-foreign} — a foreign resident with a name in the Latin alphabet (the card separates 氏 and 名
 *       with a full-width space, the register with a half-width one);</li>
 *   <li>{@code demo-unregistered} — someone not in the register (not yet moved in);</li>
 *   <li>{@code demo-locked} — a card whose PIN is already locked.</li>
 * </ol>
 *
 * Every card's PIN is {@link #PIN}. The 個人番号 are synthetic (12 digits with a valid check digit derived from the
 * person's sequence number); like any valid number they could coincide with a real one, and mean nothing.
 */
final class DemoCards {

    /** The PIN of every demo card. */
    static final String PIN = "1234";

    private final SyntheticPopulation population;
    private final String prefecture;
    private final String municipality;
    private final LocalDate referenceDate;
    private final Set<Integer> used = new HashSet<>();
    private final List<SimulatedCard> cards = new ArrayList<>();

    private DemoCards(SyntheticPopulation population, String prefecture, String municipality,
            LocalDate referenceDate) {
        this.population = population;
        this.prefecture = prefecture;
        this.municipality = municipality;
        this.referenceDate = referenceDate;
    }

    /**
     * The demo cards for this population; a situation the population has nobody for is left out.
     *
     * @param population the demo register's population, as generated on {@code referenceDate}
     * @param prefecture the municipality's prefecture (「長野県」)
     * @param municipality the municipality's name (「窓口町」)
     */
    static List<SimulatedCard> build(SyntheticPopulation population, String prefecture, String municipality,
            LocalDate referenceDate) {
        DemoCards d = new DemoCards(population, prefecture, municipality, referenceDate);
        d.matching();
        d.notation();
        d.variant("demo-variant-taka", '髙', '高');
        d.variant("demo-variant-saki", '﨑', '崎');
        d.ivs();
        d.moved();
        d.foreign();
        d.unregistered();
        d.locked();
        return List.copyOf(d.cards);
    }

    private record Holder(SyntheticHousehold household, SyntheticPerson person) {
        /** 氏名 with a full-width space between 氏 and 名 (for Latin names the register writes a half-width one). */
        String registerName() {
            return person.familyName() + "\u3000" + person.givenName();
        }
    }

    private void matching() {
        find(h -> ordinary(h) && isJukyo(h.household().addressDetail())).ifPresent(h ->
                add("demo-match", h, "住民記録と一致", h.registerName(), registerAddress(h), 3));
    }

    private void notation() {
        find(h -> ordinary(h) && h.household().addressDetail().contains("\u3000")
                && isJukyo(h.household().addressDetail().split("\u3000")[0])).ifPresent(h -> {
                    String[] detail = h.household().addressDetail().split("\u3000", 2);
                    String number = detail[0].replaceFirst("^([0-9]+)番([0-9]+)号$", "$1－$2");
                    String address = prefecture + municipality
                            + Notation.kanjiNumbersToDigits(h.household().townArea().name())
                            + CharacterWidth.alphanumericsToFullWidth(number) + " " + detail[1];
                    add("demo-notation", h, "表記の違い：算用数字・ハイフン・半角空白",
                            h.person().familyName() + " " + h.person().givenName(), address, 3);
                });
    }

    private void variant(String id, char registerForm, char cardForm) {
        find(h -> exactJapanese(h) && h.person().familyName().indexOf(registerForm) >= 0).ifPresent(h ->
                add(id, h, "カードの字形：" + cardForm, h.registerName().replace(registerForm, cardForm),
                        registerAddress(h), 3));
    }

    private void ivs() {
        find(h -> exactJapanese(h) && h.person().familyName().codePoints()
                .anyMatch(VariantCharacters::isVariationSelector)).ifPresent(h -> {
                    String withoutSelector = h.registerName().codePoints()
                            .filter(c -> !VariantCharacters.isVariationSelector(c))
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                            .toString();
                    add("demo-variant-ivs", h, "住民記録は異体字セレクタ付き", withoutSelector, registerAddress(h), 3);
                });
    }

    private void moved() {
        find(h -> ordinary(h) && isJukyo(h.household().addressDetail())).ifPresent(h -> {
            String area = population.townAreas().stream().map(t -> t.name())
                    .filter(name -> name.endsWith("丁目") && !name.equals(h.household().townArea().name()))
                    .reduce((a, b) -> b).orElse(h.household().townArea().name());
            String old = prefecture + municipality + area + "7番5号";
            add("demo-moved", h, "カードの住所が転居前のまま", h.registerName(), old, 3);
        });
    }

    private void foreign() {
        find(h -> h.person().foreign() && h.person().alias() == null
                && h.person().precision() == BirthDatePrecision.EXACT
                && h.person().familyName().chars().allMatch(c -> c < 0x80)).ifPresent(h ->
                add("demo-foreign", h, "外国人住民", h.registerName(), registerAddress(h), 3));
    }

    private void unregistered() {
        String family = "小野寺";
        String given = "美咲";
        LocalDate birth = LocalDate.of(1992, 6, 18);
        while (registered(family, given, birth)) {
            birth = birth.plusDays(1);
        }
        CardFacts facts = new CardFacts(family + "\u3000" + given, "長野県みなみ窓口村大字本郷1234番地",
                RegisterDate.ofSeireki(birth), CardSex.FEMALE, myNumber(900_001));
        cards.add(SimulatedCard.of("demo-unregistered", family + "\u3000" + given + "（住民記録にない方：転入前）", facts,
                PIN, 3));
    }

    private void locked() {
        find(h -> ordinary(h)).ifPresent(h ->
                add("demo-locked", h, "暗証番号ロック済み", h.registerName(), registerAddress(h), 0));
    }

    private boolean registered(String family, String given, LocalDate birth) {
        return population.persons().anyMatch(p -> p.familyName().equals(family) && p.givenName().equals(given)
                && p.birthDate().equals(birth));
    }

    private void add(String id, Holder h, String situation, String cardName, String cardAddress, int tries) {
        SyntheticPerson p = h.person();
        used.add(p.sequence());
        CardFacts facts = new CardFacts(cardName, cardAddress, RegisterDate.ofSeireki(p.birthDate()),
                p.sex() == Sex.MALE ? CardSex.MALE : CardSex.FEMALE, myNumber(p.sequence()));
        cards.add(SimulatedCard.of(id, h.registerName() + "（" + situation + "）", facts, PIN, tries));
    }

    /** The first person (in register order) not used by another card who satisfies the rule. */
    private Optional<Holder> find(Predicate<Holder> rule) {
        for (SyntheticHousehold household : population.households()) {
            for (SyntheticPerson person : household.members()) {
                Holder h = new Holder(household, person);
                if (!used.contains(person.sequence()) && rule.test(h)) {
                    return Optional.of(h);
                }
            }
        }
        return Optional.empty();
    }

    /** A Japanese adult 世帯主 with an exact birth date and a name inside JIS X 0208 with no variant form. */
    private boolean ordinary(Holder h) {
        String name = h.person().familyName() + h.person().givenName();
        int age = h.person().ageOn(referenceDate);
        return exactJapanese(h) && "世帯主".equals(h.person().relationship()) && age >= 20 && age <= 80
                && JisCharacters.isWithin(name, JisStandard.JIS_X_0208) && VariantCharacters.fold(name).equals(name);
    }

    private static boolean exactJapanese(Holder h) {
        return !h.person().foreign() && h.person().precision() == BirthDatePrecision.EXACT;
    }

    /** 住居表示 without 方書: 「3番12号」. */
    private static boolean isJukyo(String detail) {
        return detail.matches("[0-9]+番[0-9]+号");
    }

    /** The address as the card writes it: the prefecture, the municipality and the register's address. */
    private String registerAddress(Holder h) {
        return prefecture + municipality + h.household().townArea().name() + h.household().addressDetail();
    }

    /** A synthetic 個人番号: 11 digits from the sequence number, and the check digit of 番号法施行令. */
    static MyNumber myNumber(int sequence) {
        String eleven = String.format("%011d", Math.floorMod(sequence * 2_654_435_761L + 31_415_926_535L,
                100_000_000_000L));
        return MyNumber.parse(eleven + CheckDigits.myNumberCheckDigit(eleven));
    }
}
