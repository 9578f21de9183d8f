package jp.madoguchi.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Platform-wide beans. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** 日本標準時: municipal business days, deadlines and office hours are in JST whatever the server's zone. */
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Bean
    Clock clock() {
        return Clock.system(JAPAN);
    }
}
