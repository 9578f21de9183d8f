package jp.madoguchi.notification.internal;

import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.notification.ContactChannel;
import jp.madoguchi.notification.Notifier;
import jp.madoguchi.notification.OutgoingMessage;

/**
 * SMS for the demo: records the message (the outbox row becomes SENT and keeps the text) and keeps the last 100 in
 * memory; nothing leaves the machine. A real SMS gateway is another {@link Notifier} for {@link ContactChannel#SMS}.
 */
class RecordingSmsNotifier implements Notifier {

    private final List<OutgoingMessage> recorded = new ArrayList<>();

    @Override
    public ContactChannel channel() {
        return ContactChannel.SMS;
    }

    @Override
    public synchronized void deliver(OutgoingMessage message) {
        recorded.add(message);
        if (recorded.size() > 100) {
            recorded.remove(0);
        }
    }

    synchronized List<OutgoingMessage> recorded() {
        return List.copyOf(recorded);
    }
}
