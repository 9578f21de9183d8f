package jp.madoguchi.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code madoguchi.database.*}: where the data lives.
 *
 * @param mode {@code embedded} (default: a PostgreSQL of our own, data in {@code embedded.dataDirectory}) or
 *     {@code external} (the {@code spring.datasource.*} / {@code spring.flyway.*} settings, see README)
 * @param appUser the role the application connects as: no superuser, no BYPASSRLS, not the owner of the tables
 * @param embedded settings of the embedded server
 */
@ConfigurationProperties("madoguchi.database")
public record DatabaseProperties(String mode, String appUser, Embedded embedded) {

    public DatabaseProperties {
        mode = mode == null ? "embedded" : mode;
        appUser = appUser == null ? "madoguchi_app" : appUser;
        embedded = embedded == null ? new Embedded(null, 0, false) : embedded;
    }

    /**
     * @param dataDirectory where the cluster and its generated passwords live (default {@code ./madoguchi-data})
     * @param port TCP port on 127.0.0.1; 0 picks a free one at each start
     * @param ephemeral a throwaway cluster in a temporary directory, deleted on shutdown (tests)
     */
    public record Embedded(Path dataDirectory, int port, boolean ephemeral) {
        public Embedded {
            dataDirectory = dataDirectory == null ? Path.of("madoguchi-data") : dataDirectory;
        }
    }
}
