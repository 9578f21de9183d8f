package jp.madoguchi.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The shipped default catalog ({@code src/main/resources/catalog/default}), read and validated when the platform
 * starts: a broken file stops start-up with its file, line and reason instead of serving a partial catalog. New
 * municipalities start from it.
 */
@Component
public class DefaultCatalog {

    private static final Logger log = LoggerFactory.getLogger(DefaultCatalog.class);

    private final List<CatalogFile> files;
    private final Catalog catalog;

    DefaultCatalog(Clock clock) {
        this.files = CatalogLoader.classpathFiles(CatalogLoader.DEFAULT_LOCATION);
        this.catalog = CatalogLoader.load(files, LocalDate.now(clock));
        log.info("Default procedure catalog {} loaded: {} procedures, {} life events, {} personas", catalog.version(),
                catalog.procedures().size(), catalog.events().size(), catalog.personas().size());
    }

    public List<CatalogFile> files() {
        return files;
    }

    public Catalog catalog() {
        return catalog;
    }
}
