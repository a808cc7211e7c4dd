package dev.fairway.db.postgres;

import dev.fairway.db.WriteGuard;

import dev.fairway.db.pool.ConnectionPool;
import dev.fairway.db.pool.ServerState;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a second, asks the primary about its standbys, so readiness can say whether a failover
 * could lose acknowledged bookings and writes can be refused while they could (when a synchronous
 * standby is required); and, for a URL with several servers, whether a primary on a newer
 * timeline than the pool's answers, so the pool leaves an old primary that came back.
 */
public final class ReplicationWatch implements WriteGuard, AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration QUERY_TIMEOUT = Duration.ofMillis(800);
    private static final Logger log = LoggerFactory.getLogger(ReplicationWatch.class);

    private final ConnectionPool pool;
    private final boolean standbyRequired;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("database-replication-watch").factory());
    private volatile Replication replication = Replication.UNKNOWN;
    /** Counts losses of a connection: a check that began before one must not report the old server. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    /** One early check at a time, however many connections are lost at once. */
    private final java.util.concurrent.atomic.AtomicBoolean recheckDue = new java.util.concurrent.atomic.AtomicBoolean();

    public ReplicationWatch(ConnectionPool pool, boolean standbyRequired) {
        this.pool = pool;
        this.standbyRequired = standbyRequired;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::check, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What the primary said last. */
    public Replication replication() {
        return replication;
    }

    public boolean standbyRequired() {
        return standbyRequired;
    }

    /**
     * Whether writes must be refused: a synchronous standby is required and the primary has none,
     * or it is not known yet whether the primary (perhaps a new one) has one.
     */
    @Override
    public boolean refusesWrites() {
        return standbyRequired && !replication.commitsWaitForAStandby();
    }

    /** The server may have changed (a failover): forget what it said, and ask it again at once. */
    @Override
    public void connectionLost() {
        generation.incrementAndGet();
        replication = Replication.UNKNOWN;
        if (recheckDue.compareAndSet(false, true)) {
            try {
                scheduler.execute(() -> {
                    recheckDue.set(false);
                    check();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // closing
            }
        }
    }

    void check() {
        long asked = generation.get();
        try {
            List<ServerState> servers = pool.survey();
            if (pool.leaveAnOldPrimary(servers)) {
                log.warn("A primary on a newer timeline answers: retiring every connection to the old primary {}",
                        servers);
            }
            Replication found = ask();
            if (generation.get() == asked) {
                replication = found;
            }
        } catch (RuntimeException e) {
            log.debug("replication check failed", e);
        }
    }

    private Replication ask() {
        try (Connection connection = pool.borrow(QUERY_TIMEOUT)) {
            connection.setNetworkTimeout(Runnable::run, (int) QUERY_TIMEOUT.toMillis());
            Replication found = Replication.read(connection);
            if (standbyRequired && replication.commitsWaitForAStandby() && !found.commitsWaitForAStandby()) {
                log.warn("The primary has no synchronous standby: bookings are refused until one is back, "
                        + "as FAIRWAY_DB_REQUIRE_SYNC_STANDBY asks");
            }
            return found;
        } catch (SQLException e) {
            return Replication.UNKNOWN;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
