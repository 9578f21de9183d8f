package jp.madoguchi.identity.internal;

import java.time.Clock;
import java.util.List;
import jp.madoguchi.identity.SignatureVerifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The identity module's beans: the OpenID Connect provider (when enabled) and the signature verifier. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OidcProperties.class, JpkiProperties.class})
class IdentityConfiguration {

    @Bean
    OidcProvider oidcProvider(OidcProperties properties, Clock clock,
            @Value("${madoguchi.portal.base-url:http://localhost:8080}") String portalBaseUrl) {
        return new OidcProvider(properties.enabled()
                ? new OidcRelyingParty(properties.withDefaultRedirectUriBase(portalBaseUrl), clock) : null);
    }

    @Bean
    SignatureVerifier signatureVerifier(JpkiProperties properties, ResourceLoader resources,
            List<TrustContribution> contributions, Clock clock) {
        return new CmsSignatureVerifier(TrustMaterial.configured(properties, resources, contributions), clock);
    }
}
