package jp.madoguchi.reservation.internal;

import java.util.List;
import java.util.concurrent.Callable;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The municipality whose portal, ticket machine and display a public request belongs to: the configured
 * {@code madoguchi.portal.municipality-code}, else the only municipality, else the demo municipality when there
 * is exactly one (a shared service runs one portal per code). Public requests run inside its tenant.
 */
@Component
class PortalTenant {

    private final MunicipalityDirectory municipalities;
    private final String configured;

    PortalTenant(MunicipalityDirectory municipalities,
            @Value("${madoguchi.portal.municipality-code:}") String configured) {
        this.municipalities = municipalities;
        this.configured = configured;
    }

    private volatile Municipality cached;
    private volatile long cachedAt;

    /** The portal's municipality; looked up at most every 10 seconds (it changes only by configuration). */
    Municipality municipality() {
        Municipality m = cached;
        if (m != null && System.nanoTime() - cachedAt < 10_000_000_000L) {
            return m;
        }
        m = resolve();
        cached = m;
        cachedAt = System.nanoTime();
        return m;
    }

    private Municipality resolve() {
        if (!configured.isBlank()) {
            return municipalities.find(configured).orElseThrow(PortalTenant::notConfigured);
        }
        List<Municipality> all = municipalities.all();
        if (all.size() == 1) {
            return all.get(0);
        }
        List<Municipality> demo = all.stream().filter(Municipality::demo).toList();
        if (demo.size() == 1) {
            return demo.get(0);
        }
        throw notConfigured();
    }

    <T> T call(Callable<T> work) {
        return TenantContext.callAs(municipality().code(), work);
    }

    private static ResponseStatusException notConfigured() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND,
                "ポータルの自治体が設定されていません（MADOGUCHI_PORTAL_MUNICIPALITY）");
    }
}
