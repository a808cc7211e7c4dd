package dev.fairway.db.resilience;

import dev.fairway.db.pool.ConnectionPool;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Finds a returning database within a fraction of a second, without waiting for a request to
 * try: a few times a second, while the circuit breaker is not closed or the pool has no
 * connection at all, it connects to the database directly and asks whether it takes writes. Its outcome is the breaker's probe
 * (so the breaker closes even when no request arrives), and when the database answers and the
 * pool is empty, the pool is told to refill at once; when it does not, the empty pool fails
 * borrows at once rather than letting each wait out the pool timeout.
 */
public final class BreakerRecoveryProbe implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final CircuitBreaker breaker;
    private final ConnectionPool pool;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("database-recovery-probe").factory());

    public BreakerRecoveryProbe(CircuitBreaker breaker, ConnectionPool pool) {
        this.breaker = breaker;
        this.pool = pool;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::probe, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    void probe() {
        boolean poolEmpty = pool.totalConnections() == 0;
        boolean breakerProbe = breaker.getState() != CircuitBreaker.State.CLOSED && breaker.tryAcquirePermission();
        if (!breakerProbe && !poolEmpty) {
            return;
        }
        long start = System.nanoTime();
        ConnectionPool.Reachability found = pool.reachable(PROBE_TIMEOUT);
        if (breakerProbe) {
            // A server that answers but takes no writes has not recovered: bookings would fail again.
            if (found == ConnectionPool.Reachability.UP) {
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            } else {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS,
                        new java.sql.SQLTransientConnectionException("the recovery probe found the database "
                                + (found == ConnectionPool.Reachability.DOWN ? "unreachable" : "read-only")));
            }
        }
        if (poolEmpty) {
            if (found != ConnectionPool.Reachability.DOWN) {
                pool.refill();
            } else {
                pool.markUnreachable();
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
