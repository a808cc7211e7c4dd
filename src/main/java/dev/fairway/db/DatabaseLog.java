package dev.fairway.db;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.event.RetryOnRetryEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines of the resilience policy, in the seed's words and with nothing of the request in
 * them: one per retry, one when a call gives up, one per circuit-breaker state change, and one
 * per budget window while the retry budget is spent.
 */
public final class DatabaseLog implements ResiliencePolicy.Listener {

    private static final Logger log = LoggerFactory.getLogger("dev.fairway.db.Database");
    private static final Duration BUDGET_LOG_INTERVAL = Duration.ofSeconds(10);

    private final AtomicLong lastBudgetLog = new AtomicLong(Long.MIN_VALUE);
    private final int maxAttempts;

    private DatabaseLog(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** Logs what {@code policy} does, from now on. */
    public static DatabaseLog attachTo(ResiliencePolicy policy) {
        DatabaseLog databaseLog = new DatabaseLog(policy.settings().maxAttempts());
        policy.retries().getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher()
                .onRetry(databaseLog::retrying));
        CircuitBreaker breaker = policy.breaker();
        breaker.getEventPublisher().onStateTransition(event -> log.warn(
                "Database circuit breaker {} -> {}: {}", event.getStateTransition().getFromState(),
                event.getStateTransition().getToState(), meaning(event.getStateTransition().getToState(), policy)));
        return databaseLog;
    }

    private void retrying(RetryOnRetryEvent event) {
        log.warn("Database operation failed (attempt {}/{}), retrying in {}ms: {} [{}]", event.getNumberOfRetryAttempts(),
                maxAttempts, event.getWaitInterval().toMillis(), FailureLabel.of(event.getLastThrowable()), event.getName());
    }

    @Override
    public void gaveUp(String operation, int attempts, DatabaseException failure) {
        log.warn("Database operation failed after {} attempt{}, giving up: {} [{}]", attempts, attempts == 1 ? "" : "s",
                FailureLabel.of(failure), operation);
    }

    @Override
    public void budgetExhausted(String operation, DatabaseException failure) {
        long now = System.nanoTime();
        long last = lastBudgetLog.get();
        if (last == Long.MIN_VALUE || now - last > BUDGET_LOG_INTERVAL.toNanos()) {
            if (lastBudgetLog.compareAndSet(last, now)) {
                log.warn("Database retry budget spent: failing calls without retrying (next note in {} s): {} [{}]",
                        BUDGET_LOG_INTERVAL.toSeconds(), FailureLabel.of(failure), operation);
            }
        }
    }

    private static String meaning(CircuitBreaker.State state, ResiliencePolicy policy) {
        return switch (state) {
            case OPEN -> "too many calls failed; calls fail fast for "
                    + policy.settings().breakerOpenDuration().toMillis() + " ms";
            case HALF_OPEN -> "letting " + policy.settings().breakerHalfOpenCalls() + " probe calls through";
            case CLOSED -> "the database answers again";
            default -> state.name();
        };
    }
}
