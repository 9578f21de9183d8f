package jp.madoguchi.notification.internal;

import java.time.Clock;
import java.util.List;
import jp.madoguchi.platform.MunicipalityDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** For tests outside this package: sends a municipality's outbox over SMTP to a local test server (GreenMail). */
public final class TestSmtp {

    private TestSmtp() {
    }

    public static int dispatch(String municipalityCode, int smtpPort, JdbcClient jdbc, TransactionTemplate tx,
            MunicipalityDirectory municipalities, Clock clock) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtpPort);
        return new OutboxDispatcher(jdbc, tx, municipalities, List.of(new SmtpEmailNotifier(sender, "madoguchi@example.jp")),
                clock).dispatch(municipalityCode);
    }
}
