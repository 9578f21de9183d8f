package jp.madoguchi.reservation.internal;

import java.util.concurrent.Callable;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.ServedMunicipality;
import jp.madoguchi.platform.TenantContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The municipality whose portal, ticket machine and display a public request belongs to ({@link
 * ServedMunicipality}); public requests run inside its tenant.
 */
@Component
class PortalTenant {

    private final ServedMunicipality served;

    PortalTenant(ServedMunicipality served) {
        this.served = served;
    }

    /** The portal's municipality (see {@link ServedMunicipality}). */
    Municipality municipality() {
        return served.current().orElseThrow(PortalTenant::notConfigured);
    }

    <T> T call(Callable<T> work) {
        return TenantContext.callAs(municipality().code(), work);
    }

    private static ResponseStatusException notConfigured() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND,
                "ポータルの自治体が設定されていません（MADOGUCHI_PORTAL_MUNICIPALITY）");
    }
}
