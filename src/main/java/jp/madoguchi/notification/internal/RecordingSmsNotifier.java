package jp.madoguchi.notification.internal;

import jp.madoguchi.notification.ContactChannel;
import jp.madoguchi.notification.Notifier;
import jp.madoguchi.notification.OutgoingMessage;

/**
 * SMS for the demo: the outbox row is the record (it becomes SENT and keeps the text); nothing leaves the machine.
 * A real SMS gateway is another {@link Notifier} for {@link ContactChannel#SMS}.
 */
class RecordingSmsNotifier implements Notifier {

    @Override
    public ContactChannel channel() {
        return ContactChannel.SMS;
    }

    @Override
    public void deliver(OutgoingMessage message) {
        // recorded by the outbox row the dispatcher marks SENT
    }
}
