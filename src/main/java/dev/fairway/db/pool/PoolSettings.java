package dev.fairway.db.pool;

import dev.fairway.config.DatabaseUrl;
import java.time.Duration;

/**
 * How the connection pool behaves, with defaults chosen for a database reached over a network that
 * drops connections now and then (a hosted pooler, a cloud load balancer). The URL's Prisma-style
 * parameters override the matching default.
 *
 * @param maximumSize       most connections open at once ({@code connection_limit})
 * @param minimumIdle       connections kept open while idle
 * @param poolWait          longest wait for a free pooled connection ({@code pool_timeout});
 *                          zero means only the request's deadline bounds it
 * @param connectTimeout    longest TCP + TLS + authentication handshake ({@code connect_timeout})
 * @param socketTimeout     longest wait for any answer on an open connection ({@code socket_timeout});
 *                          zero means none
 * @param keepaliveTime     how often an idle connection is pinged so middleboxes do not drop it
 * @param maxLifetime       age at which a connection is retired and replaced
 * @param idleTimeout       how long a connection above {@code minimumIdle} may stay idle
 * @param validationTimeout longest liveness check of a connection
 * @param statementTimeout  server-side limit of one statement, set per transaction
 */
public record PoolSettings(
        int maximumSize,
        int minimumIdle,
        Duration poolWait,
        Duration connectTimeout,
        Duration socketTimeout,
        Duration keepaliveTime,
        Duration maxLifetime,
        Duration idleTimeout,
        Duration validationTimeout,
        Duration statementTimeout) {

    /** Ten connections keep a 2-core instance's request threads busy without crowding a shared database. */
    public static final int MAXIMUM_SIZE = 10;
    public static final int MINIMUM_IDLE = 2;
    /**
     * Seconds, not a minute: a request that cannot get a connection soon fails into the retry
     * logic and its deadline instead of queueing behind a database that is not there.
     */
    public static final Duration POOL_WAIT = Duration.ofSeconds(2);
    /** A handshake with a pooler in the same region takes well under a second; 5 s allows a cold one. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** A little over the statement timeout, so a slow legitimate statement ends server-side first. */
    public static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(35);
    /** Below the idle limits of cloud NATs and load balancers (AWS NLB 350 s, Azure 4 min). */
    public static final Duration KEEPALIVE_TIME = Duration.ofSeconds(60);
    /** Well under PgBouncer's server_lifetime (1 h) and RDS Proxy's idle client timeout (30 min). */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(2);
    /**
     * HikariCP's least: a connection idle for over half a second is checked before it is handed
     * out, and one that went silent must cost a request a moment, not a second.
     */
    public static final Duration VALIDATION_TIMEOUT = Duration.ofMillis(250);
    public static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    public static PoolSettings defaults() {
        return new PoolSettings(MAXIMUM_SIZE, MINIMUM_IDLE, POOL_WAIT, CONNECT_TIMEOUT, SOCKET_TIMEOUT,
                KEEPALIVE_TIME, MAX_LIFETIME, IDLE_TIMEOUT, VALIDATION_TIMEOUT, STATEMENT_TIMEOUT);
    }

    /** The defaults, overridden by what the URL says. */
    public static PoolSettings forUrl(DatabaseUrl url) {
        PoolSettings d = defaults();
        int maximum = url.connectionLimit().orElse(d.maximumSize);
        return new PoolSettings(
                maximum,
                Math.min(d.minimumIdle, maximum),
                url.poolTimeout().orElse(d.poolWait),
                url.connectTimeout().filter(t -> !t.isZero()).orElse(d.connectTimeout),
                url.socketTimeout().orElse(d.socketTimeout),
                d.keepaliveTime,
                d.maxLifetime,
                d.idleTimeout,
                d.validationTimeout,
                d.statementTimeout);
    }
}
