package jp.madoguchi.identity.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * A CRL at a configured location: {@code classpath:}/{@code file:} (read through Spring's resource loader) or
 * {@code http(s)://} (downloaded). The CRL is kept in memory and read again when its {@code nextUpdate} has passed
 * (an hour after reading when it has none), and for files also when the file changed. A failed read keeps the
 * previous CRL (which the verifier refuses once it is past its {@code nextUpdate}) and is retried after
 * {@code retryInterval}.
 */
final class LocationCrlSource implements CrlSource {

    private static final Logger log = LoggerFactory.getLogger(LocationCrlSource.class);
    private static final long MAX_BYTES = 512L * 1024 * 1024;
    private static final Duration WITHOUT_NEXT_UPDATE = Duration.ofHours(1);

    private final String location;
    private final ResourceLoader resources;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration retryInterval;

    private X509CRL crl;
    private Instant readAt;
    private long lastModified = -1;
    private Instant lastFailure;

    LocationCrlSource(String location, ResourceLoader resources, HttpClient http, Duration timeout,
            Duration retryInterval) {
        this.location = location;
        this.resources = resources;
        this.http = http;
        this.timeout = timeout;
        this.retryInterval = retryInterval;
    }

    @Override
    public synchronized Optional<X509CRL> current(Instant now) {
        if (crl == null || due(now)) {
            if (lastFailure == null || !now.isBefore(lastFailure.plus(retryInterval))) {
                read(now);
            }
        }
        return Optional.ofNullable(crl);
    }

    @Override
    public String description() {
        return location;
    }

    private boolean due(Instant now) {
        Instant refresh = crl.getNextUpdate() != null ? crl.getNextUpdate().toInstant()
                : readAt.plus(WITHOUT_NEXT_UPDATE);
        return !now.isBefore(refresh) || fileChanged();
    }

    private boolean fileChanged() {
        if (isHttp()) {
            return false;
        }
        try {
            Resource resource = resources.getResource(location);
            return resource.isFile() && resource.lastModified() != lastModified;
        } catch (IOException e) {
            return true;
        }
    }

    private boolean isHttp() {
        return location.startsWith("http://") || location.startsWith("https://");
    }

    private void read(Instant now) {
        try {
            byte[] bytes;
            long modified = -1;
            if (isHttp()) {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(location))
                        .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    if (response.statusCode() != 200) {
                        throw new IOException("HTTP " + response.statusCode());
                    }
                    bytes = in.readNBytes((int) Math.min(MAX_BYTES + 1, Integer.MAX_VALUE - 8));
                }
            } else {
                Resource resource = resources.getResource(location);
                if (resource.isFile()) {
                    modified = resource.lastModified();
                }
                try (InputStream in = resource.getInputStream()) {
                    bytes = in.readNBytes((int) Math.min(MAX_BYTES + 1, Integer.MAX_VALUE - 8));
                }
            }
            if (bytes.length > MAX_BYTES) {
                throw new IOException("CRL larger than " + MAX_BYTES + " bytes");
            }
            X509CRL parsed = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(bytes));
            crl = parsed;
            readAt = now;
            lastModified = modified;
            lastFailure = null;
            log.info("CRL read: location={} issuer={} nextUpdate={}", location,
                    parsed.getIssuerX500Principal().getName(), parsed.getNextUpdate());
        } catch (IOException | CRLException | CertificateException | RuntimeException e) {
            lastFailure = now;
            log.warn("CRL could not be read: location={} error={}", location, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lastFailure = now;
        }
    }
}
