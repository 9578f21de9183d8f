package jp.madoguchi.notification;

/**
 * A notification channel (通知チャネル) — the plug point: one bean per channel. The dispatcher calls it after the
 * message's transaction committed; throwing {@link DeliveryException} makes the dispatcher retry later.
 */
public interface Notifier {

    /** The channel this notifier delivers. */
    ContactChannel channel();

    /** Delivers one message, or throws when it could not (the message is retried). */
    void deliver(OutgoingMessage message) throws DeliveryException;

    /** Delivery failed; the message text must not contain personal data (it is stored and may be logged). */
    final class DeliveryException extends Exception {
        public DeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
