package dev.fairway.db.postgres;

import dev.fairway.db.pool.PoolSettings;

import dev.fairway.config.DatabaseUrl;
import java.time.Duration;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** Brings the schema up to date with Flyway, from {@code db/migration} on the class path. */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";
    /** How many times Flyway retries its advisory lock (one second apart) before giving up. */
    private static final int LOCK_RETRIES = 30;

    /** A migration may run long DDL, but a dead connection must not hold it forever. */
    public static final Duration SOCKET_TIMEOUT = Duration.ofMinutes(10);

    private final DatabaseUrl url;
    private final Duration socketTimeout;

    public Migrations(DatabaseUrl url) {
        this(url, SOCKET_TIMEOUT);
    }

    /** @param socketTimeout the longest wait for any answer from the database */
    public Migrations(DatabaseUrl url, Duration socketTimeout) {
        this.url = url;
        this.socketTimeout = socketTimeout;
    }

    /** Applies every pending migration and returns how many it applied. */
    public int migrate() {
        MigrateResult result = flyway().migrate();
        return result.migrationsExecuted;
    }

    /** What is applied and what is pending, without changing anything. */
    public MigrationState state() {
        MigrationInfoService info = flyway().info();
        int applied = info.applied().length;
        int pending = info.pending().length;
        String current = info.current() == null ? "none" : info.current().getVersion().getVersion();
        String latest = Arrays.stream(info.all())
                .reduce((first, second) -> second)
                .map(MigrationInfo::getVersion)
                .map(Object::toString)
                .orElse("none");
        return new MigrationState(applied, pending, current, latest);
    }

    private Flyway flyway() {
        var configuration = Flyway.configure()
                .dataSource(dataSource())
                .locations(LOCATION)
                .cleanDisabled(true)
                .lockRetryCount(LOCK_RETRIES)
                .connectRetries(0);
        // The lock is taken with pg_advisory_xact_lock inside the migration's transaction: a
        // session-level advisory lock would outlive its transaction behind a transaction pooler.
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(true);
        url.schema().ifPresent(schema -> configuration.schemas(schema).defaultSchema(schema).createSchemas(true));
        return configuration.load();
    }

    private DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url.jdbcUrl());
        url.connectionProperties().forEach((name, value) -> {
            try {
                dataSource.setProperty(name.toString(), value.toString());
            } catch (java.sql.SQLException e) {
                throw new IllegalArgumentException("pgjdbc refused property " + name, e);
            }
        });
        dataSource.setConnectTimeout((int) PoolSettings.CONNECT_TIMEOUT.toSeconds());
        dataSource.setLoginTimeout((int) PoolSettings.CONNECT_TIMEOUT.toSeconds());
        dataSource.setSocketTimeout((int) Math.max(1, socketTimeout.toSeconds()));
        dataSource.setTcpKeepAlive(true);
        if (url.transactionPooler()) {
            dataSource.setPrepareThreshold(0);
        }
        return dataSource;
    }

    /**
     * Where the schema stands.
     *
     * @param applied number of applied migrations
     * @param pending number of migrations not applied yet
     * @param current version of the last applied migration, or "none"
     * @param latest  version of the newest known migration, or "none"
     */
    public record MigrationState(int applied, int pending, String current, String latest) {

        public boolean upToDate() {
            return pending == 0;
        }
    }
}
