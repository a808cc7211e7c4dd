package dev.fairway.support;

import dev.fairway.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL for the whole test run, started on first use; every test gets a fresh
 * database in it, so tests do not see each other's rows.
 */
public final class TestPostgres {

    private static final AtomicInteger databases = new AtomicInteger();
    private static volatile EmbeddedPostgres postgres;

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the run is ending anyway
                }
            }));
        }
        return postgres;
    }

    public static int port() {
        return server().getPort();
    }

    /** A new, empty database, and its URL. */
    public static DatabaseUrl newDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        execute("create database " + name);
        return url(port(), name);
    }

    /** The URL of {@code database} on a server listening on {@code port} (the test server, or a proxy to it). */
    public static DatabaseUrl url(int port, String database) {
        return DatabaseUrl.parse("postgresql://postgres@localhost:" + port + "/" + database + "?sslmode=disable");
    }

    /** Runs SQL as the superuser in the {@code postgres} database. */
    public static void execute(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
