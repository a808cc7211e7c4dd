package dev.fairway.db;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * While the circuit breaker is not closed, sends it a probe ({@code select 1}) a few times a
 * second, so it closes as soon as the database is back even when no request arrives to probe
 * it, and a returning database is found within about the breaker's open duration.
 */
public final class BreakerRecoveryProbe implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final CircuitBreaker breaker;
    private final ConnectionPool pool;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("breaker-probe").factory());

    public BreakerRecoveryProbe(CircuitBreaker breaker, ConnectionPool pool) {
        this.breaker = breaker;
        this.pool = pool;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::probe, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probe() {
        if (breaker.getState() == CircuitBreaker.State.CLOSED || !breaker.tryAcquirePermission()) {
            return;
        }
        long start = System.nanoTime();
        try (Connection connection = pool.borrow(PROBE_TIMEOUT)) {
            connection.setNetworkTimeout(Runnable::run, (int) PROBE_TIMEOUT.toMillis());
            try (Statement statement = connection.createStatement()) {
                statement.execute("select 1");
            }
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } catch (SQLException | RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
