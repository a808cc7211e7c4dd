package dev.fairway.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.pool.HikariPool;
import dev.fairway.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The HikariCP pool. It is HikariCP's {@link HikariPool} rather than its DataSource because only
 * the pool lets each borrow wait for less than the configured time: a request near its deadline
 * must not wait the full pool timeout.
 *
 * <p>The pool starts even when the database is down and connects as soon as it comes back.
 */
public final class ConnectionPool implements AutoCloseable {

    private final HikariPool pool;
    private final PoolSettings settings;
    private final DatabaseUrl url;

    private ConnectionPool(HikariPool pool, PoolSettings settings, DatabaseUrl url) {
        this.pool = pool;
        this.settings = settings;
        this.url = url;
    }

    public static ConnectionPool open(String name, DatabaseUrl url, PoolSettings settings,
                                      MetricsTrackerFactory metrics) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url.jdbcUrl());
        config.setDataSourceProperties(DriverProperties.forPool(url, settings));
        config.setMaximumPoolSize(settings.maximumSize());
        config.setMinimumIdle(settings.minimumIdle());
        config.setConnectionTimeout(poolWaitMillis(settings.poolWait()));
        config.setKeepaliveTime(settings.keepaliveTime().toMillis());
        config.setMaxLifetime(settings.maxLifetime().toMillis());
        config.setIdleTimeout(settings.idleTimeout().toMillis());
        config.setValidationTimeout(settings.validationTimeout().toMillis());
        config.setAutoCommit(true);
        // Start without the database: a service that refuses to start while its database is down
        // turns a database blip into an outage of the whole fleet.
        config.setInitializationFailTimeout(-1);
        if (metrics != null) {
            config.setMetricsTrackerFactory(metrics);
        }
        return new ConnectionPool(new HikariPool(config), settings, url);
    }

    /**
     * Borrows a connection, waiting at most the pool's wait and at most {@code maxWait}.
     *
     * @throws java.sql.SQLTransientConnectionException when none became free in time
     */
    public Connection borrow(Duration maxWait) throws SQLException {
        long configured = poolWaitMillis(settings.poolWait());
        long wait = Math.max(1, Math.min(configured, maxWait.toMillis()));
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

    /** Retires every idle connection and every busy one when it is returned: after a failover, say. */
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
