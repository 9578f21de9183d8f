package jp.madoguchi.card.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.card.CardFacts;
import jp.madoguchi.card.CardMatch;
import jp.madoguchi.card.CardMatch.Outcome;
import jp.madoguchi.card.CardRegisterMatcher;
import jp.madoguchi.card.CardSex;
import jp.madoguchi.card.FieldComparison.Agreement;
import jp.madoguchi.card.FieldComparison.Field;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.kit.RegisterDate;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.AccessPurpose;
import jp.madoguchi.resident.ResidentRegister;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Matching card facts to the demo register: the demo's simulated cards (built from the same synthetic population
 * as the register), and hand-made facts for the tolerant comparisons.
 */
@MadoguchiIntegrationTest
class CardRegisterMatcherTest {

    static final String DEMO = DemoDataLoader.DEMO_MUNICIPALITY.code();
    static final String VIA = "test:card-match";

    @Autowired CardRegisterMatcher matcher;
    @Autowired ResidentRegister register;
    @Autowired SimulatedCardDeck deck;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @BeforeEach
    void signIn() {
        jp.madoguchi.support.StaffInContext.signInCounterClerk(DEMO);
        TenantContext.set(DEMO);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        TenantContext.clear();
    }

    CardFacts demoCard(String id) {
        SimulatedCard card = deck.find(id).orElseThrow(() -> new AssertionError("demo card " + id + " is missing"));
        card.resetTries();
        return InputAssistApReader.read(card.connect(), DemoCards.PIN.toCharArray());
    }

    CardMatch match(CardFacts facts) {
        return matcher.match(facts, Channel.COUNTER, VIA);
    }

    long listedEvents(String atena) {
        return transactions.execute(s -> jdbc.sql("""
                select count(*) from audit_event where event_type = 'resident.listed' and subject_id = :atena
                  and via = :via and purpose = '来庁受付の本人確認'
                """).param("atena", atena).param("via", VIA).query(Long.class).single());
    }

    long listedEventsTotal() {
        return transactions.execute(s -> jdbc.sql("select count(*) from audit_event where via = :via")
                .param("via", VIA).query(Long.class).single());
    }

    @Test
    void theDemoHasACardForEachSituation() {
        assertThat(deck.all()).extracting(SimulatedCard::id).contains("demo-match", "demo-notation",
                "demo-variant-taka", "demo-variant-saki", "demo-variant-ivs", "demo-moved", "demo-foreign",
                "demo-unregistered", "demo-locked");
        assertThat(deck.find("demo-locked").orElseThrow().remainingTries()).isZero();
    }

    @Test
    void aCardThatAgreesIsMatchedWithEveryFieldTheSame() {
        CardMatch m = match(demoCard("demo-match"));
        assertThat(m.outcome()).isEqualTo(Outcome.MATCHED);
        CardMatch.Candidate person = m.matched().orElseThrow();
        assertThat(person.comparisons()).extracting(c -> c.agreement()).containsOnly(Agreement.SAME);
        assertThat(person.hasDifferences()).isFalse();
        assertThat(m.message()).isEqualTo("住民記録と照合できました。");
        assertThat(listedEvents(person.resident().atenaNumber())).isPositive();
    }

    @Test
    void notationDifferencesMatchAndAreNamedButNeedNoAttention() {
        CardMatch m = match(demoCard("demo-notation"));
        assertThat(m.outcome()).isEqualTo(Outcome.MATCHED);
        CardMatch.Candidate person = m.matched().orElseThrow();
        assertThat(person.comparison(Field.NAME).agreement()).isEqualTo(Agreement.NOTATION);
        assertThat(person.comparison(Field.ADDRESS).agreement()).isEqualTo(Agreement.NOTATION);
        assertThat(person.comparison(Field.ADDRESS).cardValue()).contains("－").contains("1丁目").doesNotContain("一丁目");
        assertThat(person.comparison(Field.ADDRESS).note()).startsWith("表記の違いのみです");
        assertThat(person.hasDifferences()).isFalse();
    }

    @Test
    void anotherGlyphOfTheNameIsShownNotHidden() {
        for (String id : List.of("demo-variant-taka", "demo-variant-saki", "demo-variant-ivs")) {
            CardFacts facts = demoCard(id);
            CardMatch m = match(facts);
            assertThat(m.outcome()).as(id).isEqualTo(Outcome.MATCHED);
            var name = m.matched().orElseThrow().comparison(Field.NAME);
            assertThat(name.agreement()).as(id).isEqualTo(Agreement.VARIANT_CHARACTERS);
            assertThat(name.cardValue()).isNotEqualTo(name.registerValue());
            assertThat(name.note()).isEqualTo("氏名の字形が異なります：カード " + facts.name() + " / 住民記録 "
                    + name.registerValue());
            assertThat(m.message()).contains("相違点があります");
        }
        var taka = match(demoCard("demo-variant-taka")).matched().orElseThrow().comparison(Field.NAME);
        assertThat(taka.cardValue()).startsWith("高");
        assertThat(taka.registerValue()).startsWith("髙");
    }

    @Test
    void anAddressNotYetUpdatedOnTheCardIsAMismatch() {
        CardMatch m = match(demoCard("demo-moved"));
        assertThat(m.outcome()).isEqualTo(Outcome.MATCHED);
        CardMatch.Candidate person = m.matched().orElseThrow();
        assertThat(person.comparison(Field.NAME).agreement()).isEqualTo(Agreement.SAME);
        assertThat(person.comparison(Field.ADDRESS).agreement()).isEqualTo(Agreement.DIFFERENT);
        assertThat(person.comparison(Field.ADDRESS).note())
                .isEqualTo("住所がカードと住民記録で異なります（カードの住所変更が未了の可能性）。");
        assertThat(person.hasDifferences()).isTrue();
    }

    @Test
    void aForeignResidentsLatinNameMatches() {
        CardMatch m = match(demoCard("demo-foreign"));
        assertThat(m.outcome()).isEqualTo(Outcome.MATCHED);
        assertThat(m.matched().orElseThrow().comparison(Field.BIRTH_DATE).registerValue()).matches("[0-9]{4}年.*");
    }

    @Test
    void aCardMatchingNobodyShowsNobodyAndAuditsNobody() {
        long before = listedEventsTotal();
        CardMatch m = match(demoCard("demo-unregistered"));
        assertThat(m.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(m.candidates()).isEmpty();
        assertThat(m.message()).startsWith("カードの氏名・生年月日に一致する住民記録がありません");
        assertThat(listedEventsTotal()).isEqualTo(before);
    }

    @Test
    void widthSpacesAndCaseDoNotHideAPerson() {
        CardFacts card = demoCard("demo-foreign");
        CardFacts shouted = new CardFacts(jp.madoguchi.kit.CharacterWidth.alphanumericsToFullWidth(
                card.name().toLowerCase(java.util.Locale.ROOT)), card.address(), card.birthDate(), card.sex(),
                card.myNumber());
        CardMatch m = match(shouted);
        assertThat(m.outcome()).isEqualTo(Outcome.MATCHED);
        assertThat(m.matched().orElseThrow().comparison(Field.NAME).agreement()).isEqualTo(Agreement.NOTATION);
    }

    @Test
    void aNameNotOnTheCardYetGivesCandidatesAtTheSameAddress() {
        CardFacts card = demoCard("demo-match");
        CardFacts renamed = new CardFacts("改姓\u3000太郎", card.address(), card.birthDate(), card.sex(),
                card.myNumber());
        CardMatch m = match(renamed);
        assertThat(m.outcome()).isEqualTo(Outcome.CANDIDATES);
        assertThat(m.candidates()).isNotEmpty();
        assertThat(m.candidates().getFirst().comparison(Field.NAME).agreement()).isEqualTo(Agreement.DIFFERENT);
        assertThat(m.candidates().getFirst().comparison(Field.ADDRESS).agreement()).isEqualTo(Agreement.SAME);
        assertThat(m.message()).contains("氏名が一致する住民記録はありません");
    }

    @Test
    void aDifferentSexIsShown() {
        CardFacts card = demoCard("demo-match");
        CardSex other = card.sex() == CardSex.MALE ? CardSex.FEMALE : CardSex.MALE;
        CardMatch m = match(new CardFacts(card.name(), card.address(), card.birthDate(), other, card.myNumber()));
        assertThat(m.outcome()).isEqualTo(Outcome.MATCHED);
        assertThat(m.matched().orElseThrow().comparison(Field.SEX).agreement()).isEqualTo(Agreement.DIFFERENT);
        assertThat(m.matched().orElseThrow().comparison(Field.SEX).note()).isEqualTo("性別がカードと住民記録で異なります。");
    }

    @Test
    void aPartlyUnknownBirthDateIsNotMatchedAutomatically() {
        CardFacts card = demoCard("demo-match");
        CardMatch m = match(new CardFacts(card.name(), card.address(), RegisterDate.seirekiYear(1950), card.sex(),
                card.myNumber()));
        assertThat(m.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(m.message()).contains("年月日の一部が不詳");
    }

    @Test
    void theRegisterAuditsOnlyTheRecordsTheFilterKeeps() {
        Map<String, Object> someone = transactions.execute(s -> jdbc.sql("""
                select birth_date_code from resident_record where superseded_at is null and birth_date_code ~ '^[1-5]'
                  and length(birth_date_code) = 7
                group by birth_date_code having count(*) >= 2 order by birth_date_code limit 1
                """).query().singleRow());
        LocalDate day = RegisterDate.fromCode((String) someone.get("birth_date_code")).toLocalDate().orElseThrow();
        var all = register.searchByBirthDate(day, r -> true, AccessPurpose.VISIT_IDENTIFICATION, Channel.COUNTER,
                "test:birth-all");
        assertThat(all).hasSizeGreaterThanOrEqualTo(2);
        String kept = all.getFirst().atenaNumber();
        var one = register.searchByBirthDate(day, r -> r.atenaNumber().equals(kept),
                AccessPurpose.VISIT_IDENTIFICATION, Channel.COUNTER, "test:birth-one");
        assertThat(one).extracting(r -> r.atenaNumber()).containsExactly(kept);
        long audited = transactions.execute(s -> jdbc.sql(
                "select count(*) from audit_event where via = 'test:birth-one'").query(Long.class).single());
        assertThat(audited).isEqualTo(1);
    }
}
