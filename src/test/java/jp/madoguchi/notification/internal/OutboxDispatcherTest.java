package jp.madoguchi.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.notification.ContactChannel;
import jp.madoguchi.notification.Notifications;
import jp.madoguchi.notification.Notifier;
import jp.madoguchi.notification.OutgoingMessage;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox over real SMTP (GreenMail): a message is sent only after its transaction committed, never for a
 * rolled-back one; a failed delivery is retried later; without an e-mail channel it is held for staff to read.
 */
@MadoguchiIntegrationTest
class OutboxDispatcherTest {

    static final String DEMO = DemoDataLoader.DEMO_MUNICIPALITY.code();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired Notifications notifications;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired MunicipalityDirectory municipalities;
    @Autowired Clock clock;

    OutboxDispatcher dispatcher(Clock at, Notifier... notifiers) {
        return new OutboxDispatcher(jdbc, tx, municipalities, List.of(notifiers), at);
    }

    SmtpEmailNotifier email() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(ServerSetupTest.SMTP.getPort());
        return new SmtpEmailNotifier(sender, "madoguchi@example.jp");
    }

    long enqueue(String recipient, String subject) {
        return TenantContext.callAs(DEMO, () -> tx.execute(s -> notifications.enqueue(new OutgoingMessage(
                ContactChannel.EMAIL, recipient, subject, "窓口 花子 様\n\n予約を受け付けました。", "test", "1"))));
    }

    String status(long id) {
        return TenantContext.callAs(DEMO, () -> tx.execute(s -> jdbc.sql(
                "select status from notification_outbox where id = :id").param("id", id).query(String.class).single()));
    }

    @Test
    void aCommittedMessageIsSentOverSmtpInUtf8AndARolledBackOneNever() throws Exception {
        long id = enqueue("smtp-ok@example.jp", "【予約完了】住民票・証明書");
        try {
            TenantContext.runAs(DEMO, () -> tx.executeWithoutResult(s -> {
                notifications.enqueue(new OutgoingMessage(ContactChannel.EMAIL, "rolled-back@example.jp", "件名",
                        "本文", "test", "2"));
                throw new IllegalStateException("the booking failed");
            }));
        } catch (IllegalStateException expected) {
            // the work rolled back, and its message with it
        }
        dispatcher(clock, email()).dispatch(DEMO);
        assertThat(status(id)).isEqualTo("SENT");
        MimeMessage[] received = smtp.getReceivedMessages();
        List<String> recipients = new java.util.ArrayList<>();
        MimeMessage mine = null;
        for (MimeMessage m : received) {
            String to = GreenMailUtil.getAddressList(m.getAllRecipients());
            recipients.add(to);
            if (to.contains("smtp-ok@example.jp")) {
                mine = m;
            }
        }
        assertThat(recipients).contains("smtp-ok@example.jp").doesNotContain("rolled-back@example.jp");
        assertThat(mine).isNotNull();
        assertThat(mine.getSubject()).isEqualTo("【予約完了】住民票・証明書");
        assertThat(((String) mine.getContent()).strip()).startsWith("窓口 花子 様");
    }

    @Test
    void aFailedDeliveryIsRetriedLaterAndWithoutAChannelTheMessageIsHeld() {
        long id = enqueue("retry@example.jp", "再送の試験");
        Notifier broken = new Notifier() {
            @Override
            public ContactChannel channel() {
                return ContactChannel.EMAIL;
            }

            @Override
            public void deliver(OutgoingMessage message) throws DeliveryException {
                throw new DeliveryException("SMTP down", null);
            }
        };
        dispatcher(clock, broken).dispatch(DEMO);
        assertThat(status(id)).isEqualTo("PENDING");
        dispatcher(clock, email()).dispatch(DEMO);
        assertThat(status(id)).as("not due yet").isEqualTo("PENDING");
        Clock later = Clock.fixed(clock.instant().plus(Duration.ofMinutes(2)), ZoneOffset.UTC);
        dispatcher(later, email()).dispatch(DEMO);
        assertThat(status(id)).isEqualTo("SENT");
        assertThat(smtp.getReceivedMessages()).anyMatch(m -> {
            try {
                return m.getSubject().equals("再送の試験");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        });

        long held = enqueue("held@example.jp", "保留の試験");
        dispatcher(clock, new RecordingSmsNotifier()).dispatch(DEMO);
        assertThat(status(held)).isEqualTo("HELD");
    }
}
