package jp.madoguchi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import jp.madoguchi.identity.DemoSigningCard;
import jp.madoguchi.identity.ResidentIdentity;
import jp.madoguchi.identity.SignatureVerification;
import jp.madoguchi.identity.SignatureVerification.Outcome;
import jp.madoguchi.identity.SignatureVerifier;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;

/** The demo signing card (demo profile): its signatures verify in demo mode, and only there. */
@MadoguchiIntegrationTest
class IdentityDemoSigningCardTest {

    static final byte[] CONTENT = "{\"procedure\":\"jidou-teate\",\"children\":[\"窓口　花\"]}"
            .getBytes(StandardCharsets.UTF_8);

    @Autowired DemoSigningCard card;
    @Autowired SignatureVerifier verifier;
    @Autowired DemoPersonas personas;
    @Autowired Clock clock;
    @Value("${madoguchi.identity.demo-card.directory}") Path directory;

    @Test
    void aDemoCardSignatureVerifiesWithTheHoldersFourFacts() {
        ResidentIdentity holder = personas.parentWithChild();

        SignatureVerification result = verifier.verify(CONTENT, card.sign(holder, CONTENT));

        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
        assertThat(result.signer().name()).isEqualTo(holder.name());
        assertThat(result.signer().address()).isEqualTo(holder.address());
        assertThat(result.signer().birthDate()).isEqualTo(holder.birthDate());
        assertThat(result.signer().sex()).isEqualTo(holder.sex());
        assertThat(result.signer().issuer()).contains("窓口町デモ用 JPKI 署名用認証局（テスト用）");
    }

    @Test
    void eachHolderHasACardOfTheirOwn() {
        DemoPersonas.Persona senior = personas.personas().stream().filter(p -> p.role().equals("senior-75"))
                .findFirst().orElseThrow();
        ResidentIdentity holder = personas.identity(senior.resident().atenaNumber()).orElseThrow();

        SignatureVerification result = verifier.verify(CONTENT, card.sign(holder, CONTENT));

        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
        assertThat(result.signer().name()).isEqualTo(holder.name());
        byte[] tampered = "{\"procedure\":\"jidou-teate\",\"children\":[]}".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(tampered, card.sign(holder, CONTENT)).outcome())
                .isEqualTo(Outcome.CONTENT_MISMATCH);
    }

    @Test
    void theDemoCaIsKeptAcrossRestarts() {
        byte[] signature = card.sign(personas.parentWithChild(), CONTENT);
        DemoJpkiAuthority again = new DemoJpkiAuthority(directory, "madoguchi-demo", clock);

        assertThat(again.caCertificate()).isEqualTo(((DemoJpkiAuthority) card).caCertificate());
        CmsSignatureVerifier verifierAfterRestart = new CmsSignatureVerifier(TrustMaterial.configured(
                new JpkiProperties(null, null, null, null), new DefaultResourceLoader(), List.of(again)), clock);
        assertThat(verifierAfterRestart.verify(CONTENT, signature).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void outsideDemoModeTheDemoCaIsNotTrusted() {
        // What the verifier trusts without the demo profile: the configured JPKI roots only.
        CmsSignatureVerifier production = new CmsSignatureVerifier(TrustMaterial.configured(
                new JpkiProperties(null, null, null, null), new DefaultResourceLoader(), List.of()), clock);

        SignatureVerification result = production.verify(CONTENT, card.sign(personas.parentWithChild(), CONTENT));

        assertThat(result.outcome()).isEqualTo(Outcome.UNTRUSTED_ISSUER);
    }
}
