package dev.fairway.db.resilience;

import dev.fairway.db.SqlFailures;

import dev.fairway.db.pool.ConnectionPool;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks the database whether it answers, and always answers itself within the given time, even
 * when the database hangs. Concurrent callers share one probe, so a storm of health checks sends
 * one query, not hundreds.
 */
public final class DatabaseProbe {

    private final ConnectionPool pool;
    private final Executor executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicReference<CompletableFuture<ProbeResult>> inFlight = new AtomicReference<>();

    public DatabaseProbe(ConnectionPool pool) {
        this.pool = pool;
    }

    public ProbeResult probe(Duration budget) {
        CompletableFuture<ProbeResult> probe = inFlight.get();
        if (probe == null || probe.isDone()) {
            CompletableFuture<ProbeResult> fresh = new CompletableFuture<>();
            if (inFlight.compareAndSet(probe, fresh)) {
                // The query gets most of the budget, so it can report its own failure before the
                // caller gives up waiting and only knows that there was no answer.
                executor.execute(() -> fresh.complete(selectOne(budget.multipliedBy(4).dividedBy(5))));
            }
            probe = inFlight.get();
        }
        try {
            return probe.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return ProbeResult.down("no answer within " + budget.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.down("interrupted");
        } catch (ExecutionException e) {
            return ProbeResult.down(e.getCause().toString());
        }
    }

    private ProbeResult selectOne(Duration budget) {
        long start = System.nanoTime();
        try (Connection connection = pool.borrow(budget)) {
            connection.setNetworkTimeout(Runnable::run, (int) budget.toMillis());
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select 1")) {
                rs.next();
            }
            return ProbeResult.up(Duration.ofNanos(System.nanoTime() - start));
        } catch (SQLException e) {
            return ProbeResult.down(SqlFailures.describe(e));
        }
    }

    /**
     * The outcome of one probe.
     *
     * @param up      whether the database answered
     * @param latency how long the answer took, when it came
     * @param reason  why it is down, when it is
     */
    public record ProbeResult(boolean up, Duration latency, String reason) {

        static ProbeResult up(Duration latency) {
            return new ProbeResult(true, latency, null);
        }

        static ProbeResult down(String reason) {
            return new ProbeResult(false, null, reason);
        }
    }
}
