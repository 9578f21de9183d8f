package jp.madoguchi.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import jp.madoguchi.card.internal.SimulatedCard;
import jp.madoguchi.card.internal.SimulatedCardDeck;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.kit.MyNumber;
import jp.madoguchi.kit.RegisterDate;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.OfficeSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The office screen マイナンバーカードで本人確認 through MockMvc, with the simulator. */
@MadoguchiIntegrationTest
class CardIdentifyWebTest {

    static final String DEMO = DemoDataLoader.DEMO_MUNICIPALITY.code();
    static final String PAGE = "/office/visits/identify";

    @Autowired MockMvc mvc;
    @Autowired SimulatedCardDeck deck;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    MockHttpSession counter() throws Exception {
        return OfficeSession.signIn(mvc, DEMO, "madoguchi", DemoDataLoader.DEMO_PASSWORD);
    }

    String read(MockHttpSession session, String card, String pin) throws Exception {
        return mvc.perform(post(PAGE).session(session).with(csrf()).param("card", card).param("pin", pin))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** A card of the test's own, so that the demo cards' counters stay as they are. */
    SimulatedCard ownCard(String id) {
        SimulatedCard demo = deck.find("demo-moved").orElseThrow();
        demo.resetTries();
        CardFacts facts = jp.madoguchi.card.internal.InputAssistApReader.read(demo.connect(), "1234".toCharArray());
        return deck.add(SimulatedCard.of(id, "テスト用", facts, "2468", 3));
    }

    @Test
    void thePageOffersTheSimulatorsCardsOnlyToCounterStaff() throws Exception {
        String page = mvc.perform(get(PAGE).session(counter())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("マイナンバーカードで本人確認").contains("シミュレーターモード")
                .contains("value=\"demo-moved\"").contains("カードを置かない").contains("type=\"password\"")
                .contains("inputmode=\"numeric\"").contains("/js/card-identify.js").doesNotContain("<script>");

        MockHttpSession accounting = OfficeSession.signIn(mvc, DEMO, "kaikei", DemoDataLoader.DEMO_PASSWORD);
        mvc.perform(get(PAGE).session(accounting)).andExpect(status().isForbidden());
    }

    @Test
    void aWrongPinSaysHowManyTriesAreLeftAndTheRightOneShowsTheMismatch() throws Exception {
        MockHttpSession session = counter();
        SimulatedCard card = ownCard("web-test-moved");
        String wrong = read(session, card.id(), "1111");
        assertThat(wrong).contains("暗証番号が違います（残り2回）").contains("aria-invalid=\"true\"")
                .doesNotContain("1111");

        String right = read(session, card.id(), "２４６８");
        assertThat(right).contains("照合結果：本人の記録が見つかりました")
                .contains("住所がカードと住民記録で異なります（カードの住所変更が未了の可能性）")
                .contains("class=\"mismatch\"").contains("要確認：相違")
                .contains("住民記録は個人番号を保持していない")
                .doesNotContain("2468");
        CardFacts facts = jp.madoguchi.card.internal.InputAssistApReader.read(card.connect(), "2468".toCharArray());
        MyNumber number = facts.myNumber();
        assertThat(right).contains(number.masked()).doesNotContain(number.digits());
        assertThat(right).contains("/office/residents/").contains("purpose=VISIT_IDENTIFICATION");

        List<Map<String, Object>> events = TenantContext.callAs(DEMO, () -> transactions.execute(s -> jdbc.sql("""
                select event_type, details::text as details from audit_event
                where via = 'office:visit-identify' and event_type like 'card.%' order by id desc limit 2
                """).query().listOfRows()));
        assertThat(events).extracting(e -> e.get("event_type")).containsExactly("card.read", "card.read-failed");
        assertThat((String) events.get(1).get("details")).contains("WRONG_PIN").contains("remainingTries")
                .doesNotContain("1111");
        assertThat((String) events.get(0).get("details")).doesNotContain(number.digits());
    }

    @Test
    void noCardAndALockedCardAreExplained() throws Exception {
        MockHttpSession session = counter();
        assertThat(read(session, "", "1234")).contains("カードが読み取れません。カードを置き直してください。");
        assertThat(read(session, "no-such-card", "1234")).contains("カードが読み取れません。カードを置き直してください。");
        assertThat(read(session, "demo-locked", "1234"))
                .contains("暗証番号がロックされています。市区町村窓口で初期化が必要です");
        assertThat(read(session, "demo-match", "12")).contains("暗証番号は4桁の数字で入力してください");
    }

    @Test
    void aCardOfSomeoneNotInTheRegisterSavesNothing() throws Exception {
        MockHttpSession session = counter();
        String page = read(session, "demo-unregistered", "1234");
        assertThat(page).contains("照合結果：該当する住民記録がありません")
                .contains("カードの氏名・生年月日に一致する住民記録がありません");
        assertThat(page).doesNotContain("住民記録を開く");
    }

    @Test
    void theSimulatorCanRestoreACardsTries() throws Exception {
        MockHttpSession session = counter();
        SimulatedCard card = ownCard("web-test-reset");
        read(session, card.id(), "0000");
        assertThat(card.remainingTries()).isEqualTo(2);
        mvc.perform(post(PAGE + "/reset").session(session).with(csrf()).param("card", card.id()))
                .andExpect(status().is3xxRedirection());
        assertThat(card.remainingTries()).isEqualTo(3);
    }

    @Test
    void theCardFactsNeverShowInToString() {
        CardFacts facts = new CardFacts("山田\u3000花子", "長野県窓口町", RegisterDate.seireki(1990, 1, 2),
                CardSex.FEMALE, MyNumber.parse("12345678901"
                        + jp.madoguchi.kit.CheckDigits.myNumberCheckDigit("12345678901")));
        assertThat(facts.toString()).doesNotContain("山田").doesNotContain("窓口町");
    }
}
