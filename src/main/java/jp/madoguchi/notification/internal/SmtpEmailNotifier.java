package jp.madoguchi.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.madoguchi.notification.ContactChannel;
import jp.madoguchi.notification.Notifier;
import jp.madoguchi.notification.OutgoingMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** E-mail over SMTP (Spring's {@link JavaMailSender}, configured with {@code spring.mail.*}), UTF-8 plain text. */
class SmtpEmailNotifier implements Notifier {

    private final JavaMailSender sender;
    private final String from;

    SmtpEmailNotifier(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public ContactChannel channel() {
        return ContactChannel.EMAIL;
    }

    @Override
    public void deliver(OutgoingMessage message) throws DeliveryException {
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.recipient());
            helper.setSubject(message.subject());
            helper.setText(message.body(), false);
            sender.send(mime);
        } catch (MessagingException | MailException e) {
            throw new DeliveryException("SMTP delivery failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
