package jp.madoguchi.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * What signature verification trusts: the configured trust anchors ({@code madoguchi.jpki.trust-anchors}), the
 * configured CRLs ({@code madoguchi.jpki.crls}) and what {@link TrustContribution}s add (only the demo CA, in demo
 * mode). Anchors are read once at start-up: a missing or unreadable anchor stops the start with its location.
 */
final class TrustMaterial {

    private static final Logger log = LoggerFactory.getLogger(TrustMaterial.class);

    private final List<X509Certificate> anchors;
    private final List<CrlSource> crlSources;

    TrustMaterial(List<X509Certificate> anchors, List<CrlSource> crlSources) {
        this.anchors = List.copyOf(anchors);
        this.crlSources = List.copyOf(crlSources);
    }

    static TrustMaterial configured(JpkiProperties properties, ResourceLoader resources,
            List<TrustContribution> contributions) {
        List<X509Certificate> anchors = new ArrayList<>();
        for (String location : properties.trustAnchors()) {
            anchors.addAll(readCertificates(resources, location));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.crlHttpTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        List<CrlSource> crls = new ArrayList<>();
        for (String location : properties.crls()) {
            crls.add(new LocationCrlSource(location, resources, http, properties.crlHttpTimeout(),
                    properties.crlRetryInterval()));
        }
        for (TrustContribution contribution : contributions) {
            anchors.addAll(contribution.trustAnchors());
            crls.addAll(contribution.crlSources());
        }
        log.info("Signature trust: {} trust anchors, {} CRL sources", anchors.size(), crls.size());
        return new TrustMaterial(anchors, crls);
    }

    /** Every certificate (PEM or DER, one or several) at {@code location}; fails with the location. */
    static List<X509Certificate> readCertificates(ResourceLoader resources, String location) {
        Resource resource = resources.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new IllegalStateException("トラストアンカーに証明書がありません: " + location);
            }
            return certificates;
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("トラストアンカーを読み込めません（madoguchi.jpki.trust-anchors）: " + location,
                    e);
        }
    }

    List<X509Certificate> anchors() {
        return anchors;
    }

    /** The CRLs currently available from every source (each source re-reads when due). */
    List<X509CRL> crls(Instant now) {
        List<X509CRL> crls = new ArrayList<>();
        for (CrlSource source : crlSources) {
            source.current(now).ifPresent(crls::add);
        }
        return crls;
    }
}
