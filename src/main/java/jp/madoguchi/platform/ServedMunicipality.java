package jp.madoguchi.platform;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The municipality the resident portal serves: the one configured by {@code madoguchi.portal.municipality-code}
 * ({@code MADOGUCHI_PORTAL_MUNICIPALITY}), or the only one when the platform holds just one (a small town on one
 * machine). A shared service runs one portal per municipality.
 */
@Component
public class ServedMunicipality {

    private final MunicipalityDirectory municipalities;
    private final String configuredCode;

    ServedMunicipality(MunicipalityDirectory municipalities,
            @Value("${madoguchi.portal.municipality-code:}") String configuredCode) {
        this.municipalities = municipalities;
        this.configuredCode = configuredCode;
    }

    public Optional<Municipality> current() {
        if (!configuredCode.isBlank()) {
            return municipalities.find(configuredCode);
        }
        List<Municipality> all = municipalities.all();
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    /** The portal's display name: 「長野県窓口町」, or 「窓口」 when no municipality is served yet. */
    public String displayName() {
        return current().map(Municipality::fullName).orElse("窓口");
    }
}
