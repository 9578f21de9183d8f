package jp.madoguchi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** The shipped JPKI roots parse, are self-signed CA certificates, and only the signing roots are trusted by default. */
class SignatureTrustAnchorsTest {

    @Test
    void theShippedJpkiRootsAreSelfSignedCaCertificates() throws Exception {
        for (String file : List.of("sign_ca_2015.pem", "sign_ca_2023.pem", "auth_ca_2015.pem", "auth_ca_2023.pem")) {
            List<X509Certificate> certificates = TrustMaterial.readCertificates(new DefaultResourceLoader(),
                    "classpath:jpki/" + file);
            assertThat(certificates).as(file).hasSize(1);
            X509Certificate c = certificates.getFirst();
            assertThat(c.getBasicConstraints()).as(file + " is a CA").isGreaterThanOrEqualTo(0);
            assertThat(c.getKeyUsage()[5]).as(file + " may sign certificates").isTrue();
            assertThat(c.getKeyUsage()[6]).as(file + " may sign CRLs").isTrue();
            assertThat(c.getSubjectX500Principal()).isEqualTo(c.getIssuerX500Principal());
            c.verify(c.getPublicKey());
            assertThat(c.getSubjectX500Principal().getName()).contains("O=JPKI");
        }
    }

    @Test
    void byDefaultTheSigningRootsAreTheTrustAnchors() {
        TrustMaterial trust = TrustMaterial.configured(new JpkiProperties(null, null, null, null),
                new DefaultResourceLoader(), List.of());

        assertThat(trust.anchors()).hasSize(2).allSatisfy(c -> assertThat(c.getSubjectX500Principal().getName())
                .contains("JPKI for digital signature"));
        assertThat(trust.anchors()).anySatisfy(c -> assertThat(c.getNotAfter().toInstant())
                .isAfter(LocalDate.of(2033, 7, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
    }

    @Test
    void aMissingTrustAnchorStopsTheStartWithItsLocation() {
        assertThatThrownBy(() -> TrustMaterial.configured(new JpkiProperties(List.of("classpath:jpki/none.pem"), null,
                null, null), new DefaultResourceLoader(), List.of()))
                .hasMessageContaining("トラストアンカーを読み込めません").hasMessageContaining("classpath:jpki/none.pem");
    }
}
