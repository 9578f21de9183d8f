package jp.madoguchi.card.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.card.ApduChannel;
import jp.madoguchi.card.CardFacts;
import jp.madoguchi.card.CardReadException;
import jp.madoguchi.card.CardReader;
import jp.madoguchi.card.CardSlot;
import jp.madoguchi.staff.CurrentStaff;
import jp.madoguchi.staff.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a card with {@link InputAssistApReader} and appends the outcome to the audit trail in a short transaction of
 * its own, after the card has been released (no database connection is held while the card answers). The event
 * names the slot and the outcome, never the 個人番号 or the PIN.
 */
@Service
class AuditedCardReader implements CardReader {

    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    AuditedCardReader(AuditTrail audit, TransactionTemplate transactions) {
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public CardFacts read(CardSlot slot, char[] pin, Channel channel, String via) {
        try {
            CardFacts facts;
            try (ApduChannel card = slot.connect()) {
                facts = InputAssistApReader.read(card, pin);
            }
            record(channel, via, "card.read", Map.of("slot", slot.description()));
            return facts;
        } catch (CardReadException e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("slot", slot.description());
            details.put("reason", e.reason().name());
            e.remainingTries().ifPresent(n -> details.put("remainingTries", n));
            record(channel, via, "card.read-failed", details);
            throw e;
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    private void record(Channel channel, String via, String type, Map<String, Object> details) {
        AuditEvent.Actor actor = CurrentStaff.get().map(StaffMember::actor)
                .orElseGet(() -> AuditEvent.Actor.system("card-reader"));
        transactions.executeWithoutResult(status -> audit.record(new AuditEvent(type, actor, channel, null, null,
                null, via, details)));
    }
}
