package dev.fairway.db.resilience;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import dev.fairway.db.CircuitOpenException;
import dev.fairway.db.DatabaseException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The database's figures in Micrometer: calls and how they ended, retries, failures by SQLSTATE
 * and class, retry-budget exhaustions, and Resilience4j's circuit-breaker meters
 * ({@code resilience4j_circuitbreaker_state}).
 */
public final class DatabaseMetrics implements ResiliencePolicy.Listener {

    private final MeterRegistry registry;
    private final Counter budgetExhausted;
    /** Every unit of work counts a call: its counter is looked up once per operation, not per call. */
    private final Map<String, Counter> calls = new ConcurrentHashMap<>();
    private final Map<String, Counter> retries = new ConcurrentHashMap<>();
    private final Map<String, Counter> results = new ConcurrentHashMap<>();

    private DatabaseMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.budgetExhausted = Counter.builder("fairway.db.retry.budget.exhausted")
                .description("Retryable failures not retried because the process-wide retry budget was spent")
                .register(registry);
    }

    public static DatabaseMetrics attachTo(ResiliencePolicy policy, MeterRegistry registry) {
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(policy.breakers()).bindTo(registry);
        return new DatabaseMetrics(registry);
    }

    @Override
    public void retrying(String operation, int attempt, java.time.Duration wait, DatabaseException failure) {
        retries.computeIfAbsent(operation, name -> Counter.builder("fairway.db.retries")
                .description("Attempts of database units of work that were retries")
                .tag("operation", name)
                .register(registry))
                .increment();
    }

    @Override
    public void succeeded(String operation, int attempts) {
        result(operation, attempts == 1 ? "succeeded" : "succeeded_after_retry");
    }

    @Override
    public void failed(String operation, int attempts, DatabaseException failure) {
        result(operation, failure instanceof CircuitOpenException ? "not_tried" : attempts == 1 ? "failed" : "failed_after_retry");
    }

    private void result(String operation, String result) {
        results.computeIfAbsent(operation + " " + result, key -> Counter.builder("fairway.db.call.results")
                .description("Database units of work by how they ended")
                .tag("operation", operation)
                .tag("result", result)
                .register(registry))
                .increment();
    }

    @Override
    public void callStarted(String operation) {
        calls.computeIfAbsent(operation, name -> Counter.builder("fairway.db.calls")
                .description("Database units of work started (each with all its attempts)")
                .tag("operation", name)
                .register(registry))
                .increment();
    }

    /** HikariCP's pool meters ({@code hikaricp_connections_active} and the rest) in the same registry. */
    public static MetricsTrackerFactory poolMetrics(MeterRegistry registry) {
        return new MicrometerMetricsTrackerFactory(registry);
    }

    @Override
    public void attemptFailed(String operation, DatabaseException failure) {
        String state = failure instanceof CircuitOpenException ? "circuit_open"
                : String.valueOf(FailureClassifier.sqlState(failure.getCause()));
        Counter.builder("fairway.db.failures")
                .description("Failed attempts of database units of work, by SQLSTATE and failure class")
                .tag("sqlstate", state)
                .tag("class", FailureClassifier.classify(failure).name().toLowerCase(Locale.ROOT))
                .tag("operation", operation)
                .register(registry)
                .increment();
    }

    @Override
    public void budgetExhausted(String operation, DatabaseException failure) {
        budgetExhausted.increment();
    }
}
