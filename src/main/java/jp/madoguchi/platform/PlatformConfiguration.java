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

    /** The OpenAPI description served at {@code /v3/api-docs}. */
    @Bean
    io.swagger.v3.oas.models.OpenAPI openApi() {
        return new io.swagger.v3.oas.models.OpenAPI().info(new io.swagger.v3.oas.models.info.Info()
                .title("Madoguchi API")
                .version("v1")
                .description("窓口 Madoguchi の HTTP API。職員向け API は職員のセッションが必要で、住民記録の参照には "
                        + "X-Access-Purpose ヘッダで利用目的を示します。エラーは RFC 9457 の problem details です。"));
    }
}
