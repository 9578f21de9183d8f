package jp.madoguchi.platform;

import java.util.List;
import java.util.Optional;

/** The municipalities (tenants) this platform serves. */
public interface MunicipalityDirectory {

    Optional<Municipality> find(String code);

    /** The tenant of the current unit of work. */
    default Municipality current() {
        String code = TenantContext.require();
        return find(code).orElseThrow(() -> new IllegalStateException("Unknown municipality " + code));
    }

    List<Municipality> all();

    /** Adds a municipality; the code must be a well-formed 地方公共団体コード. Idempotent. */
    void register(Municipality municipality);
}
