package jp.madoguchi.certificate.internal;

import java.nio.file.Path;
import jp.madoguchi.platform.pdf.JapaneseFonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The certificate font and settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CertificateSettings.class)
class CertificateConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CertificateConfiguration.class);

    /**
     * The font certificates are printed with: IPAmj明朝 when the Debian package fonts-ipamj-mincho is installed
     * (names in the MJ character set), else the platform's font (bundled Noto Sans JP unless configured).
     */
    @Bean
    CertificateFont certificateFont(CertificateSettings settings, JapaneseFonts platformFont) {
        JapaneseFonts chosen = switch (settings.font()) {
            case "auto" -> JapaneseFonts.installedMincho().orElse(platformFont);
            case "platform" -> platformFont;
            default -> JapaneseFonts.fromFile(Path.of(settings.font()));
        };
        log.info("Certificate font: {}", chosen.origin().describe());
        return new CertificateFont(chosen);
    }
}
