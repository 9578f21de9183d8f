package jp.madoguchi.notification.internal;

import java.time.Clock;
import java.util.List;
import jp.madoguchi.platform.MunicipalityDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For other modules' tests: sends a municipality's due outbox messages over SMTP to a local test server (GreenMail),
 * through the real dispatcher and e-mail notifier.
 */
public final class SmtpTestDispatch {

    private SmtpTestDispatch() {
    }

    public static int send(JdbcClient jdbc, TransactionTemplate tx, MunicipalityDirectory municipalities, Clock clock,
            String municipalityCode, int smtpPort) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtpPort);
        return new OutboxDispatcher(jdbc, tx, municipalities,
                List.of(new SmtpEmailNotifier(sender, "madoguchi@example.jp")), clock).dispatch(municipalityCode);
    }
}
