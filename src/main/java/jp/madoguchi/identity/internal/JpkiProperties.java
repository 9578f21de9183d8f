package jp.madoguchi.identity.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code madoguchi.jpki.*}: what signature verification trusts.
 *
 * @param trustAnchors root certificates (PEM or DER) signatures must chain to, as resource locations
 *     ({@code classpath:}, {@code file:}); by default the JPKI signing roots shipped under {@code jpki/}
 * @param crls CRL sources: {@code classpath:}, {@code file:} or {@code http(s)://} locations (DER or PEM); each is
 *     read when first needed and again after its {@code nextUpdate} (files also when changed)
 * @param crlHttpTimeout connect and read timeout of an HTTP CRL download
 * @param crlRetryInterval after a failed CRL download, how long to wait before trying again
 */
@ConfigurationProperties("madoguchi.jpki")
public record JpkiProperties(List<String> trustAnchors, List<String> crls, Duration crlHttpTimeout,
        Duration crlRetryInterval) {

    static final List<String> SHIPPED_SIGNING_ROOTS = List.of("classpath:jpki/sign_ca_2015.pem",
            "classpath:jpki/sign_ca_2023.pem");

    public JpkiProperties {
        trustAnchors = trustAnchors == null ? SHIPPED_SIGNING_ROOTS : List.copyOf(trustAnchors);
        crls = crls == null ? List.of() : List.copyOf(crls);
        crlHttpTimeout = crlHttpTimeout == null ? Duration.ofSeconds(30) : crlHttpTimeout;
        crlRetryInterval = crlRetryInterval == null ? Duration.ofMinutes(5) : crlRetryInterval;
    }
}
