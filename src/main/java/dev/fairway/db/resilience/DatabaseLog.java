package dev.fairway.db.resilience;

import dev.fairway.db.DatabaseException;

import dev.fairway.log.LogThrottle;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines of the resilience policy, with nothing of the request in them: a line per retry,
 * when a call gives up, and per circuit-breaker state change, each kind of failure at most once a
 * second (a failure that repeats on every request says how often it happened instead of filling
 * the log), and one per budget window while the retry budget is spent.
 */
public final class DatabaseLog implements ResiliencePolicy.Listener {

    private static final Logger log = LoggerFactory.getLogger("dev.fairway.db.Database");
    private static final Duration BUDGET_LOG_INTERVAL = Duration.ofSeconds(10);
    private static final Duration CYCLING_LOG_INTERVAL = Duration.ofSeconds(10);

    private final AtomicLong lastBudgetLog = new AtomicLong(Long.MIN_VALUE);
    private final LogThrottle throttle = new LogThrottle();
    private final LogThrottle cyclingThrottle = new LogThrottle(CYCLING_LOG_INTERVAL, System::nanoTime);
    private final int maxAttempts;

    private DatabaseLog(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** Logs what {@code policy} does, from now on. */
    public static DatabaseLog attachTo(ResiliencePolicy policy) {
        DatabaseLog databaseLog = new DatabaseLog(policy.settings().maxAttempts());
        CircuitBreaker breaker = policy.breaker();
        breaker.getEventPublisher().onStateTransition(event -> databaseLog.breakerMoved(
                event.getStateTransition().getFromState(), event.getStateTransition().getToState(), policy));
        return databaseLog;
    }

    @Override
    public void retrying(String operation, int attempt, Duration wait, DatabaseException failure) {
        long heldBack = throttle.admit(FailureLabel.kind(failure));
        if (heldBack >= 0) {
            log.warn("Database operation failed (attempt {}/{}), retrying in {}ms: {} [{}]{}", attempt, maxAttempts,
                    wait.toMillis(), FailureLabel.of(failure), operation, LogThrottle.heldBack(heldBack));
        }
    }

    @Override
    public void gaveUp(String operation, int attempts, DatabaseException failure) {
        long heldBack = throttle.admit(FailureLabel.kind(failure));
        if (heldBack >= 0) {
            log.warn("Database operation failed after {} attempt{}, giving up: {} [{}]{}", attempts,
                    attempts == 1 ? "" : "s", FailureLabel.of(failure), operation, LogThrottle.heldBack(heldBack));
        }
    }

    /**
     * Logs a state change of the breaker. Opening from closed and closing always show; while the
     * database stays down the breaker cycles open, half-open, open every second, which shows once
     * per {@link #CYCLING_LOG_INTERVAL}, saying how often it cycled.
     */
    private void breakerMoved(CircuitBreaker.State from, CircuitBreaker.State to, ResiliencePolicy policy) {
        boolean cycling = from != CircuitBreaker.State.CLOSED && to != CircuitBreaker.State.CLOSED;
        long heldBack = cycling ? cyclingThrottle.admit("breaker") : 0;
        if (heldBack >= 0) {
            log.warn("Database circuit breaker {} -> {}: {}{}", from, to, meaning(to, policy),
                    LogThrottle.heldBack(heldBack));
        }
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
