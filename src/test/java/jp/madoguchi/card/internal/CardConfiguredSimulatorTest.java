package jp.madoguchi.card.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.madoguchi.card.CardReaderMode;
import jp.madoguchi.card.CardSlots;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code madoguchi.card.*} as docs/card.md writes it: bound, checked, and the configured cards readable. */
class CardConfiguredSimulatorTest {

    static Map<String, String> card(String myNumber) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("madoguchi.card.reader", "simulator");
        p.put("madoguchi.card.simulator.cards[0].id", "training-1");
        p.put("madoguchi.card.simulator.cards[0].label", "研修用カード");
        p.put("madoguchi.card.simulator.cards[0].name", "窓口　花子");
        p.put("madoguchi.card.simulator.cards[0].address", "長野県窓口町本町一丁目1番1号");
        p.put("madoguchi.card.simulator.cards[0].birth-date", "19900102");
        p.put("madoguchi.card.simulator.cards[0].sex", "2");
        p.put("madoguchi.card.simulator.cards[0].my-number", myNumber);
        p.put("madoguchi.card.simulator.cards[0].pin", "1234");
        return p;
    }

    static CardSlots slots(Map<String, String> properties) {
        CardProperties bound = new Binder(new MapConfigurationPropertySource(properties))
                .bind("madoguchi.card", CardProperties.class).get();
        return new DefaultCardSlots(bound, new SimulatedCardDeck());
    }

    @Test
    void aConfiguredCardIsOnTheSimulatorAndReadable() {
        CardSlots slots = slots(card("123456789018"));
        assertThat(slots.mode()).isEqualTo(CardReaderMode.SIMULATOR);
        assertThat(slots.simulatedCards()).extracting(c -> c.id() + " " + c.label() + " " + c.remainingTries())
                .containsExactly("training-1 研修用カード 3");
        var facts = InputAssistApReader.read(slots.counterSlot("training-1").connect(), "1234".toCharArray());
        assertThat(facts.name()).isEqualTo("窓口　花子");
        assertThat(facts.myNumber().masked()).isEqualTo("********9018");
    }

    @Test
    void aMistakeStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> slots(card("123456789012")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("madoguchi.card.simulator.cards[0].my-number: 個人番号は12桁");
        Map<String, String> badPin = card("123456789018");
        badPin.put("madoguchi.card.simulator.cards[0].pin", "12");
        assertThatThrownBy(() -> slots(badPin)).hasMessage("madoguchi.card.simulator.cards[0].pin: 暗証番号は4桁の数字です");
        Map<String, String> badDate = card("123456789018");
        badDate.put("madoguchi.card.simulator.cards[0].birth-date", "1990-01-02");
        assertThatThrownBy(() -> slots(badDate)).hasMessageContaining("cards[0]: カードのデータを正しく読み取れませんでした（生年月日");
    }

    @Test
    void pcscIsTheDefaultAndHasNoSimulatedCards() {
        CardSlots slots = slots(Map.of("madoguchi.card.pcsc.terminal", "PaSoRi"));
        assertThat(slots.mode()).isEqualTo(CardReaderMode.PCSC);
        assertThat(slots.simulatedCards()).isEmpty();
        assertThat(slots.resetSimulatedCard("x")).isFalse();
        assertThat(slots.counterSlot("ignored").description()).isEqualTo("PC/SC: PaSoRi");
    }
}
