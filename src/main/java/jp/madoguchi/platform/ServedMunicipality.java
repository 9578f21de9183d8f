package jp.madoguchi.platform;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The municipality the public side (portal, ticket machine, call display) serves: the one configured by
 * {@code madoguchi.portal.municipality-code} ({@code MADOGUCHI_PORTAL_MUNICIPALITY}), else the only one when the
 * platform holds just one (a small town on one machine), else the demo municipality when there is exactly one. A
 * shared service runs one portal per municipality. Looked up at most every 10 seconds: it changes only by
 * configuration or when the first municipality is created.
 */
@Component
public class ServedMunicipality {

    private static final long CACHE_NANOS = 10_000_000_000L;

    private final MunicipalityDirectory municipalities;
    private final String configuredCode;
    private volatile Municipality cached;
    private volatile long cachedAt;

    ServedMunicipality(MunicipalityDirectory municipalities,
            @Value("${madoguchi.portal.municipality-code:}") String configuredCode) {
        this.municipalities = municipalities;
        this.configuredCode = configuredCode;
    }

    public Optional<Municipality> current() {
        Municipality m = cached;
        if (m != null && System.nanoTime() - cachedAt < CACHE_NANOS) {
            return Optional.of(m);
        }
        Optional<Municipality> resolved = resolve();
        resolved.ifPresent(found -> {
            cached = found;
            cachedAt = System.nanoTime();
        });
        return resolved;
    }

    private Optional<Municipality> resolve() {
        if (!configuredCode.isBlank()) {
            return municipalities.find(configuredCode);
        }
        List<Municipality> all = municipalities.all();
        if (all.size() == 1) {
            return Optional.of(all.get(0));
        }
        List<Municipality> demo = all.stream().filter(Municipality::demo).toList();
        return demo.size() == 1 ? Optional.of(demo.get(0)) : Optional.empty();
    }

    /** The portal's display name: 「長野県窓口町」, or 「窓口」 when no municipality is served yet. */
    public String displayName() {
        return current().map(Municipality::fullName).orElse("窓口");
    }
}
