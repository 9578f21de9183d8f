package jp.madoguchi.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The embedded database (default): one PostgreSQL cluster in {@code madoguchi.database.embedded.data-directory},
 * database {@code madoguchi}, owned by the role {@code madoguchi_owner} (used only by Flyway), and the application
 * role {@code madoguchi_app}, which owns nothing and cannot bypass row-level security.
 *
 * <p>Passwords are generated at the first start and kept in {@code secrets.properties} beside the cluster
 * (readable by the owner only).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "madoguchi.database.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

    static final String DATABASE = "madoguchi";
    static final String OWNER = "madoguchi_owner";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /**
     * The running cluster with its role passwords. A throwaway one (tests) lives in a temporary directory that is
     * deleted when the cluster stops.
     */
    record EmbeddedDatabase(EmbeddedPostgresServer server, Properties secrets, Path throwawayRoot)
            implements AutoCloseable {

        String password(String role) {
            return secrets.getProperty(role);
        }

        @Override
        public void close() throws IOException {
            server.close();
            if (throwawayRoot != null) {
                try (var paths = Files.walk(throwawayRoot)) {
                    for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) throws IOException {
        DatabaseProperties.Embedded embedded = properties.embedded();
        Path root = embedded.ephemeral() ? Files.createTempDirectory("madoguchi-db")
                : embedded.dataDirectory().toAbsolutePath();
        Files.createDirectories(root);
        Properties secrets = loadOrCreateSecrets(root.resolve("secrets.properties"));
        EmbeddedDatabase database = new EmbeddedDatabase(EmbeddedPostgresServer.start(root.resolve("postgres"),
                embedded.port(), secrets.getProperty("postgres")), secrets, embedded.ephemeral() ? root : null);
        try {
            bootstrap(database, properties.appUser());
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw new IllegalStateException("Could not prepare the embedded database", e);
        }
        return database;
    }

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(EmbeddedDatabase database, DatabaseProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("madoguchi");
        dataSource.setJdbcUrl(database.server().jdbcUrl(DATABASE));
        dataSource.setUsername(properties.appUser());
        dataSource.setPassword(database.password("app"));
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(EmbeddedDatabase database) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), database.server().jdbcUrl(DATABASE), OWNER,
                database.password("owner"));
    }

    /** Creates the roles and the database when they do not exist yet; idempotent. */
    private static void bootstrap(EmbeddedDatabase database, String appUser) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.server().jdbcUrl("postgres"), "postgres",
                database.password("postgres")); Statement s = c.createStatement()) {
            createRoleIfMissing(c, OWNER, database.password("owner"), "NOSUPERUSER NOCREATEDB NOCREATEROLE");
            createRoleIfMissing(c, appUser, database.password("app"),
                    "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT");
            try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, DATABASE);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER
                                + " ENCODING 'UTF8' TEMPLATE template0");
                        log.info("Created the database {}", DATABASE);
                    }
                }
            }
            s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            s.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + OWNER + ", " + appUser);
        }
    }

    private static void createRoleIfMissing(Connection c, String role, String password, String attributes)
            throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            exists.setString(1, role);
            try (ResultSet rs = exists.executeQuery(); Statement s = c.createStatement()) {
                // Role names come from configuration, passwords are hex: both are safe to inline.
                if (!role.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("Invalid role name: " + role);
                }
                if (rs.next()) {
                    s.execute("ALTER ROLE " + role + " WITH LOGIN " + attributes + " PASSWORD '" + password + "'");
                } else {
                    s.execute("CREATE ROLE " + role + " WITH LOGIN " + attributes + " PASSWORD '" + password + "'");
                }
            }
        }
    }

    /** The role passwords: read from {@code file}, or generated at the first start and kept there (mode 600). */
    private static Properties loadOrCreateSecrets(Path file) throws IOException {
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                secrets.load(reader);
            }
            return secrets;
        }
        SecureRandom random = new SecureRandom();
        for (String key : new String[] {"postgres", "owner", "app"}) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            secrets.setProperty(key, HexFormat.of().formatHex(bytes));
        }
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            secrets.store(writer, "Generated passwords of the embedded PostgreSQL roles. Keep private.");
        }
        return secrets;
    }
}
