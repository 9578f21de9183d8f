package jp.madoguchi.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server keeps its data across restarts, stops cleanly, and refuses a second user of its directory. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path root;

    @Test
    void dataSurvivesARestartWithoutANewInitdb() throws Exception {
        Path data = root.resolve("postgres");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, "pw-one");
                Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "pw-one");
                Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('残る')");
        }
        assertThat(data.resolve("postmaster.pid")).as("stopped cleanly").doesNotExist();
        long controlFileBefore = Files.getLastModifiedTime(data.resolve("PG_VERSION")).toMillis();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, "ignored-on-restart");
                Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "pw-one");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("残る");
        }
        assertThat(Files.getLastModifiedTime(data.resolve("PG_VERSION")).toMillis()).isEqualTo(controlFileBefore);
    }

    @Test
    void aServerLeftRunningByAKilledJvmIsStoppedAndReplacedAtTheNextStart() throws Exception {
        Path data = root.resolve("postgres");
        EmbeddedPostgresServer orphan = EmbeddedPostgresServer.start(data, 0, "pw");
        try (Connection c = DriverManager.getConnection(orphan.jdbcUrl("postgres"), "postgres", "pw");
                Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('孤児から')");
        }
        orphan.releaseWithoutStopping();
        assertThat(data.resolve("postmaster.pid")).as("the orphan still runs").exists();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, "pw");
                Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "pw");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select v from kept")) {
            assertThat(server.port()).isNotEqualTo(orphan.port());
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("孤児から");
            assertThatThrownBy(() -> DriverManager.getConnection(orphan.jdbcUrl("postgres"), "postgres", "pw"))
                    .as("the orphan was stopped").isInstanceOf(java.sql.SQLException.class);
        }
    }

    @Test
    void aSecondServerOnTheSameDirectoryIsRefused() {
        Path data = root.resolve("postgres");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, "pw")) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, 0, "pw"))
                    .hasMessageContaining("別の Madoguchi が使用中です");
        }
    }
}
