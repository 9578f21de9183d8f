package jp.madoguchi.notification;

import java.util.Objects;

/**
 * A message to one recipient.
 *
 * @param channel e-mail or SMS
 * @param recipient the e-mail address or the phone number
 * @param subject the subject (e-mail; ignored by SMS)
 * @param body the text
 * @param subjectType what it is about (e.g. {@code reservation_booking}), for staff and for tests; no personal data
 * @param subjectId the identifier of that record
 */
public record OutgoingMessage(ContactChannel channel, String recipient, String subject, String body,
        String subjectType, String subjectId) {

    public OutgoingMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
