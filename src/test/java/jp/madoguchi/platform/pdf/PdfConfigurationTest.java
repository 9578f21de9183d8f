package jp.madoguchi.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MadoguchiIntegrationTest
class PdfConfigurationTest {

    @Autowired
    JapaneseFonts fonts;

    @Test
    void theApplicationUsesTheBundledFontUnlessConfiguredOtherwise() {
        assertThat(fonts.origin().kind()).isEqualTo(JapaneseFonts.Kind.BUNDLED);
        assertThat(fonts.origin().fontName()).isEqualTo("NotoSansJP-Regular");
    }
}
