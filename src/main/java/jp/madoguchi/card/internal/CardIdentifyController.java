package jp.madoguchi.card.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.card.CardFacts;
import jp.madoguchi.card.CardMatch;
import jp.madoguchi.card.CardReadException;
import jp.madoguchi.card.CardReader;
import jp.madoguchi.card.CardReaderMode;
import jp.madoguchi.card.CardRegisterMatcher;
import jp.madoguchi.card.CardSlots;
import jp.madoguchi.kit.CharacterWidth;
import jp.madoguchi.resident.AccessPurpose;
import jp.madoguchi.resident.ResidentQueryException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * マイナンバーカードで本人確認 — the first step of a visit (来庁受付): read the visitor's card (in simulator mode: the
 * card chosen in the picker), match it to the register and show the card's facts beside the register's record,
 * differences highlighted. The PIN is used for the one read and is never put into the model, the session or a log.
 */
@Controller
@PreAuthorize("hasRole('COUNTER') or hasRole('ADMIN')")
class CardIdentifyController {

    static final String VIA = "office:visit-identify";

    private final CardReader reader;
    private final CardSlots slots;
    private final CardRegisterMatcher matcher;

    CardIdentifyController(CardReader reader, CardSlots slots, CardRegisterMatcher matcher) {
        this.reader = reader;
        this.slots = slots;
        this.matcher = matcher;
    }

    /** The card's facts as the screen shows them; the 個人番号 only masked. */
    record CardView(String name, String address, String birthDate, String sex, String myNumberMasked) {

        static CardView of(CardFacts facts) {
            return new CardView(facts.name(), facts.address(), facts.birthDateForDisplay(), facts.sex().label(),
                    facts.myNumber().masked());
        }
    }

    @GetMapping("/office/visits/identify")
    String form(@RequestParam(required = false) String card, @RequestParam(required = false) String reset,
            Model model) {
        prepare(model, card);
        if (reset != null) {
            model.addAttribute("notice", "カードの暗証番号の残り回数を3回に戻しました（シミュレーター）。");
        }
        return "office/visit-identify";
    }

    @PostMapping("/office/visits/identify")
    String read(@RequestParam(required = false) String card, @RequestParam(required = false) String pin,
            Model model) {
        char[] pinChars = pin == null ? new char[0] : CharacterWidth.alphanumericsToHalfWidth(pin.strip())
                .toCharArray();
        try {
            CardFacts facts = reader.read(slots.counterSlot(card), pinChars, Channel.COUNTER, VIA);
            CardMatch match = matcher.match(facts, Channel.COUNTER, VIA);
            model.addAttribute("facts", CardView.of(facts));
            model.addAttribute("match", match);
            model.addAttribute("attention", match.candidates().stream().anyMatch(CardMatch.Candidate::hasDifferences));
        } catch (CardReadException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorReason", e.reason().name());
            model.addAttribute("pinInvalid", e.reason() == CardReadException.Reason.WRONG_PIN
                    || e.reason() == CardReadException.Reason.PIN_FORMAT);
        } catch (ResidentQueryException e) {
            model.addAttribute("error", e.getMessage());
        }
        // After the read: the picker shows the card's remaining tries as they are now.
        prepare(model, card);
        return "office/visit-identify";
    }

    @PostMapping("/office/visits/identify/reset")
    String reset(@RequestParam String card) {
        boolean done = slots.resetSimulatedCard(card);
        return "redirect:/office/visits/identify?card=" + URLEncoder.encode(card, StandardCharsets.UTF_8)
                + (done ? "&reset" : "");
    }

    private void prepare(Model model, String card) {
        boolean simulator = slots.mode() == CardReaderMode.SIMULATOR;
        model.addAttribute("simulator", simulator);
        model.addAttribute("cards", slots.simulatedCards());
        model.addAttribute("selectedCard", card == null ? "" : card);
        model.addAttribute("searchPurpose", AccessPurpose.VISIT_IDENTIFICATION);
        model.addAttribute("pinLength", 4);
    }
}
