/**
 * Notifications (通知): e-mail and SMS to residents through a transactional outbox. A module calls
 * {@link jp.madoguchi.notification.Notifications#enqueue} inside its own transaction; the message is stored in the
 * outbox with that transaction and sent only after it committed, by a dispatcher that retries failures. Channels are
 * a plug point ({@link jp.madoguchi.notification.Notifier}): e-mail over SMTP when {@code spring.mail.host} is set,
 * and an SMS channel whose demo implementation only records. Without a channel, messages stay in the outbox (HELD)
 * and staff can read them at {@code /office/notifications}.
 */
package jp.madoguchi.notification;
