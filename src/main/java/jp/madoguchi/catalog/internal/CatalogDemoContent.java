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

    private static final String NOTE_PREFIX = "標準カタログ ";

    private final CatalogVersions versions;
    private final DefaultCatalog defaults;
    private final java.time.Clock clock;

    CatalogDemoContent(CatalogVersions versions, DefaultCatalog defaults, java.time.Clock clock) {
        this.versions = versions;
        this.defaults = defaults;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "procedure catalog";
    }

    @Override
    public void addTo(Municipality municipality) {
        String note = NOTE_PREFIX + defaults.catalog().version();
        var all = versions.versions();
        if (all.isEmpty()) {
            versions.importPublished(defaults.files(), IN_FORCE_FROM, note, AuditEvent.Actor.system("demo"));
            return;
        }
        // A demo database made with an older shipped catalog follows the new one from today — unless staff have
        // published their own edits since (then the demo keeps theirs).
        var newestPublished = all.stream().filter(v -> v.status() == jp.madoguchi.catalog.CatalogVersion.Status.PUBLISHED)
                .findFirst();
        if (newestPublished.isPresent() && newestPublished.get().note() != null
                && newestPublished.get().note().startsWith(NOTE_PREFIX) && !newestPublished.get().note().equals(note)
                && versions.draft().isEmpty()) {
            versions.importPublished(defaults.files(), java.time.LocalDate.now(clock), note,
                    AuditEvent.Actor.system("demo"));
        }
    }
}
