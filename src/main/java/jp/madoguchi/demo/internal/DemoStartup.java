package jp.madoguchi.demo.internal;

import java.util.Comparator;
import java.util.List;
import jp.madoguchi.platform.DemoContent;
import jp.madoguchi.platform.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** In demo mode: loads the demo data into an empty database and prints where to go and how to sign in. */
@Component
@Profile("demo")
class DemoStartup {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

    private final DemoDataLoader loader;
    private final List<DemoContent> contents;
    private final TransactionTemplate transactions;

    DemoStartup(DemoDataLoader loader, List<DemoContent> contents, TransactionTemplate transactions) {
        this.loader = loader;
        this.contents = contents.stream().sorted(Comparator.comparingInt(DemoContent::order)).toList();
        this.transactions = transactions;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        loader.loadIfEmpty();
        for (DemoContent content : contents) {
            long started = System.nanoTime();
            TenantContext.runAs(DemoDataLoader.DEMO_MUNICIPALITY.code(), () -> transactions.executeWithoutResult(
                    status -> content.addTo(DemoDataLoader.DEMO_MUNICIPALITY)));
            log.info("Demo content checked: {} in {} ms", content.name(), (System.nanoTime() - started) / 1_000_000);
        }
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 8080;
        StringBuilder banner = new StringBuilder();
        banner.append("\n\n==================== 窓口 Madoguchi (デモモード / demo mode) ====================\n");
        banner.append("  住民向けポータル / portal : http://localhost:").append(port).append("/\n");
        banner.append("  職員用画面 / office       : http://localhost:").append(port).append("/office\n");
        banner.append("  OpenAPI                   : http://localhost:").append(port).append("/v3/api-docs\n");
        banner.append("  ヘルスチェック / health    : http://localhost:").append(port).append("/actuator/health\n");
        banner.append("  団体コード / municipality : ").append(DemoDataLoader.DEMO_MUNICIPALITY.code()).append(" (")
                .append(DemoDataLoader.DEMO_MUNICIPALITY.fullName()).append(")\n");
        for (DemoDataLoader.DemoSignIn signIn : DemoDataLoader.SIGN_INS) {
            banner.append("  ").append(String.format("%-6s", signIn.role().label())).append(" ユーザーID: ")
                    .append(String.format("%-10s", signIn.loginId())).append(" パスワード: ")
                    .append(DemoDataLoader.DEMO_PASSWORD).append('\n');
        }
        banner.append("  停止 / stop: Ctrl-C (データは ./madoguchi-data に残ります)\n");
        banner.append("==============================================================================\n");
        log.info(banner.toString());
    }
}
