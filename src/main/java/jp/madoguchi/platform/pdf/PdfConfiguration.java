package jp.madoguchi.platform.pdf;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's {@link JapaneseFonts}, chosen by {@code madoguchi.pdf.font-path} (blank: the bundled font). */
@Configuration(proxyBeanMethods = false)
class PdfConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PdfConfiguration.class);

    @Bean
    JapaneseFonts japaneseFonts(@Value("${madoguchi.pdf.font-path:}") String fontPath) {
        JapaneseFonts fonts = JapaneseFonts.forSetting(fontPath);
        log.info("PDF font: {}", fonts.origin().describe());
        return fonts;
    }
}
