package jp.madoguchi.catalog.internal;

import java.time.LocalDate;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.catalog.CatalogVersions;
import jp.madoguchi.catalog.DefaultCatalog;
import jp.madoguchi.platform.DemoContent;
import jp.madoguchi.platform.Municipality;
import org.springframework.stereotype.Component;

/** The demo municipality gets the default catalog as its first published version, once. */
@Component
class CatalogDemoContent implements DemoContent {

    /** The demo catalog is in force from the start of fiscal 2024 (児童手当 rules changed 2024-10; see the files). */
    static final LocalDate IN_FORCE_FROM = LocalDate.of(2024, 4, 1);

    private final CatalogVersions versions;
    private final DefaultCatalog defaults;

    CatalogDemoContent(CatalogVersions versions, DefaultCatalog defaults) {
        this.versions = versions;
        this.defaults = defaults;
    }

    @Override
    public String name() {
        return "procedure catalog";
    }

    @Override
    public void addTo(Municipality municipality) {
        if (versions.versions().isEmpty()) {
            versions.importPublished(defaults.files(), IN_FORCE_FROM, "標準カタログ " + defaults.catalog().version(),
                    AuditEvent.Actor.system("demo"));
        }
    }
}
