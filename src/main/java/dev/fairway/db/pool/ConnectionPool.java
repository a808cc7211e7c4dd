package dev.fairway.db.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.pool.HikariPool;
import dev.fairway.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The HikariCP pool. It is HikariCP's {@link HikariPool} rather than its DataSource because only
 * the pool lets each borrow wait for less than the configured time: a request near its deadline
 * must not wait the full pool timeout.
 *
 * <p>The pool starts even when the database is down and connects as soon as it comes back.
 */
public final class ConnectionPool implements AutoCloseable {

    /** What the pool sends to check that an idle connection still answers. */
    static final String LIVENESS_QUERY = "";
    /** How long a failed direct connect counts: a little over the probe's interval. */
    static final Duration UNREACHABLE_FRESHNESS = Duration.ofMillis(500);

    private final HikariPool pool;
    private final PoolSettings settings;
    private final DatabaseUrl url;
    private final ConnectionAdderWaker adder;
    /** For a URL with several servers: what finds the primary among them; null for one server. */
    private final NewestPrimaryDataSource primaries;
    /** When a direct connect last failed while the pool was empty (System.nanoTime), or 0. */
    private volatile long unreachableSince;

    private ConnectionPool(HikariPool pool, PoolSettings settings, DatabaseUrl url, ConnectionAdderWaker adder,
                           NewestPrimaryDataSource primaries) {
        this.pool = pool;
        this.settings = settings;
        this.url = url;
        this.adder = adder;
        this.primaries = primaries;
        if (primaries != null) {
            primaries.onPrimaryChanged(this::evictAll);
        }
    }

    public static ConnectionPool open(String name, DatabaseUrl url, PoolSettings settings,
                                      MetricsTrackerFactory metrics) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        NewestPrimaryDataSource primaries = null;
        if (url.hosts().size() > 1) {
            primaries = new NewestPrimaryDataSource(url, DriverProperties.forServerOfMany(url, settings),
                    settings.connectTimeout());
            config.setDataSource(primaries);
        } else {
            config.setJdbcUrl(url.jdbcUrl());
            config.setDataSourceProperties(DriverProperties.forPool(url, settings));
        }
        config.setMaximumPoolSize(settings.maximumSize());
        config.setMinimumIdle(settings.minimumIdle());
        config.setConnectionTimeout(poolWaitMillis(settings.poolWait()));
        config.setKeepaliveTime(settings.keepaliveTime().toMillis());
        config.setMaxLifetime(settings.maxLifetime().toMillis());
        config.setIdleTimeout(settings.idleTimeout().toMillis());
        config.setValidationTimeout(settings.validationTimeout().toMillis());
        // With a test query HikariCP bounds the check by the validation timeout in milliseconds;
        // with the driver's isValid() it waits at least a whole second on a silent connection.
        // An empty query is the cheapest the server answers (what pgjdbc's isValid() sends too).
        config.setConnectionTestQuery(LIVENESS_QUERY);
        config.setExceptionOverride(new ReadOnlyConnectionEviction());
        config.setAutoCommit(true);
        // Start without the database: a service that refuses to start while its database is down
        // turns a database blip into an outage of the whole fleet.
        config.setInitializationFailTimeout(-1);
        if (metrics != null) {
            config.setMetricsTrackerFactory(metrics);
        }
        ConnectionAdderWaker adder = new ConnectionAdderWaker(name);
        config.setThreadFactory(adder);
        return new ConnectionPool(new HikariPool(config), settings, url, adder, primaries);
    }

    /**
     * Borrows a connection, waiting at most the pool's wait and at most {@code maxWait}.
     *
     * @throws java.sql.SQLTransientConnectionException when none became free in time
     */
    public Connection borrow(Duration maxWait) throws SQLException {
        if (unreachableSince != 0 && pool.getTotalConnections() == 0
                && System.nanoTime() - unreachableSince < UNREACHABLE_FRESHNESS.toNanos()) {
            // HikariCP would wait the whole pool timeout for a connection it cannot make.
            throw new SQLTransientConnectionException(pool.toString() + " has no connection and the database did not "
                    + "answer a connect attempt just now", "08001");
        }
        long configured = poolWaitMillis(settings.poolWait());
        // HikariCP may check the connection it found after the wait, for up to the validation timeout.
        long wait = Math.max(1, Math.min(configured, maxWait.minus(settings.validationTimeout()).toMillis()));
        return pool.getConnection(wait);
    }

    public PoolSettings settings() {
        return settings;
    }

    public DatabaseUrl url() {
        return url;
    }

    public int activeConnections() {
        return pool.getActiveConnections();
    }

    public int totalConnections() {
        return pool.getTotalConnections();
    }

    /** What a fresh connection of the pool's own found. */
    public enum Reachability {
        /** No connection, or no answer. */
        DOWN,
        /** It answers but takes no writes: a standby, or a primary being demoted. */
        READ_ONLY,
        /** It answers and takes writes. */
        UP
    }

    /**
     * Whether the database answers a fresh connection of its own within {@code timeout}, and
     * takes writes, whatever state the pool's connections are in.
     */
    public Reachability reachable(Duration timeout) {
        Properties properties = primaries != null ? DriverProperties.forServerOfMany(url, settings)
                : DriverProperties.forPool(url, settings);
        DriverProperties.setTimeouts(properties, timeout, timeout);
        try (Connection connection = primaries != null ? primaries.connect(properties, timeout)
                : new org.postgresql.Driver().connect(url.jdbcUrl(), properties);
             Statement statement = connection.createStatement();
             java.sql.ResultSet readOnly = statement.executeQuery("select current_setting('transaction_read_only')")) {
            readOnly.next();
            return "on".equals(readOnly.getString(1)) ? Reachability.READ_ONLY : Reachability.UP;
        } catch (SQLException e) {
            return e instanceof NoPrimaryException ? Reachability.READ_ONLY : Reachability.DOWN;
        }
    }

    /** For a URL with several servers, what each that answers says of itself; empty for one server. */
    public List<ServerState> survey() {
        return primaries == null ? List.of() : primaries.survey();
    }

    /**
     * For a URL with several servers: when a primary on a newer timeline than the one the pool's
     * connections go to answers (the pool's is an old primary that came back), retires them all.
     *
     * @return whether it did
     */
    public boolean leaveAnOldPrimary(List<ServerState> servers) {
        if (primaries == null || primaries.current().isEmpty()) {
            return false;
        }
        Optional<ServerState> newest = servers.stream().filter(ServerState::primary)
                .max(java.util.Comparator.comparingLong(ServerState::timeline));
        if (newest.isEmpty() || newest.get().host().equals(primaries.current().get())) {
            return false;
        }
        long currentTimeline = servers.stream().filter(s -> s.host().equals(primaries.current().get()))
                .mapToLong(ServerState::timeline).findFirst().orElse(0);
        if (newest.get().timeline() <= currentTimeline) {
            return false;
        }
        evictAll();
        return true;
    }

    /** The database is back: end the pool's connect backoff so it fills now, not in up to 5 s. */
    public void refill() {
        unreachableSince = 0;
        adder.wake();
    }

    /**
     * A direct connect just failed while the pool had no connection: borrows fail at once (as
     * the transient "08001") instead of waiting out the pool timeout, until the next probe.
     */
    public void markUnreachable() {
        unreachableSince = System.nanoTime();
    }

    public int idleConnections() {
        return pool.getIdleConnections();
    }

    /**
     * Retires every idle connection, and every busy one when it is returned: after one of them went
     * silent (the others likely crossed the same middlebox) or a failover.
     */
    public void evictAll() {
        pool.softEvictConnections();
    }

    @Override
    public void close() {
        try {
            pool.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long poolWaitMillis(Duration poolWait) {
        // HikariCP's own "no limit": the request deadline still bounds every borrow.
        return poolWait.isZero() ? Integer.MAX_VALUE : poolWait.toMillis();
    }
}
