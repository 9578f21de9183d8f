package jp.madoguchi.notification.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.notification.Notifier;
import jp.madoguchi.platform.MunicipalityDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The channels and the dispatcher. E-mail is on when Spring Boot configured a {@link JavaMailSender}
 * ({@code spring.mail.host}); the SMS channel is the recording demo one unless another SMS {@link Notifier} bean is
 * given. The dispatcher runs every {@code madoguchi.notification.dispatch-interval} (default 10 s).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {

    @Bean
    RecordingSmsNotifier recordingSmsNotifier() {
        return new RecordingSmsNotifier();
    }

    @Bean
    OutboxDispatcher outboxDispatcher(JdbcClient jdbc, TransactionTemplate transactions,
            MunicipalityDirectory municipalities, List<Notifier> notifiers, ObjectProvider<JavaMailSender> mail,
            @Value("${madoguchi.notification.mail-from:madoguchi@localhost}") String from, Clock clock) {
        List<Notifier> all = new ArrayList<>(notifiers);
        mail.ifAvailable(sender -> all.add(0, new SmtpEmailNotifier(sender, from)));
        return new OutboxDispatcher(jdbc, transactions, municipalities, all, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "madoguchi.notification.dispatch-enabled", havingValue = "true",
            matchIfMissing = true)
    DispatchSchedule dispatchSchedule(OutboxDispatcher dispatcher) {
        return new DispatchSchedule(dispatcher);
    }

    /** Runs the dispatcher periodically. */
    static final class DispatchSchedule {
        private final OutboxDispatcher dispatcher;

        DispatchSchedule(OutboxDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Scheduled(fixedDelayString = "${madoguchi.notification.dispatch-interval:10s}", initialDelay = 10_000)
        void run() {
            dispatcher.dispatchAll();
        }
    }
}
