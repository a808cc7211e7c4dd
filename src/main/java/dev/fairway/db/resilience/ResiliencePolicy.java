package dev.fairway.db.resilience;

import dev.fairway.config.ResilienceSettings;
import dev.fairway.db.AttemptPolicy;
import dev.fairway.db.CircuitOpenException;
import dev.fairway.db.DatabaseException;
import dev.fairway.db.Deadline;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Decides, for every failed attempt of a unit of work, whether and when it is tried again, and
 * keeps a failing database from being hammered:
 * <ul>
 *   <li>only transient and ambiguous failures are retried (an ambiguous one because the work is
 *       idempotent: its next run looks up what the lost COMMIT did);</li>
 *   <li>the wait is exponential backoff with full jitter ({@link Backoff}), and no wait runs past
 *       the deadline;</li>
 *   <li>every retry is taken from a process-wide {@link RetryBudget}; when it is spent the call
 *       fails at once;</li>
 *   <li>every attempt goes through Resilience4j's {@link CircuitBreaker}, which fails calls fast
 *       while the database is down; lock waits and the request's own mistakes do not count.</li>
 * </ul>
 *
 * <p>It runs the attempts itself, and decides in one place ({@link #nextWait}): whether to retry
 * and how long to wait depend on the call's deadline and on the process's budget, which a retry
 * configuration shared by every call of an operation (Resilience4j's {@code Retry}) cannot see
 * without carrying them on the exception from one callback to the next.
 */
public final class ResiliencePolicy implements AttemptPolicy {

    /** What the policy reports; logging and metrics listen. */
    public interface Listener {
        /** A call (a unit of work, with all its attempts) begins. */
        default void callStarted(String operation) {
        }

        /** An attempt failed (whether or not it will be retried). */
        default void attemptFailed(String operation, DatabaseException failure) {
        }

        /** Attempt {@code attempt} failed and is retried after {@code wait}. */
        default void retrying(String operation, int attempt, Duration wait, DatabaseException failure) {
        }

        /** A failure that could have been retried was not, because the retry budget is spent. */
        default void budgetExhausted(String operation, DatabaseException failure) {
        }

        /** A call failed for good after {@code attempts} attempts, its failure retryable in kind. */
        default void gaveUp(String operation, int attempts, DatabaseException failure) {
        }

        /** A call succeeded, at attempt {@code attempts}. */
        default void succeeded(String operation, int attempts) {
        }

        /** A call failed for good after {@code attempts} attempts, whatever the failure. */
        default void failed(String operation, int attempts, DatabaseException failure) {
        }
    }

    public static final String BREAKER_NAME = "database";
    /** Time an attempt needs at least, so a retry is not started just to hit the deadline. */
    static final Duration SHORTEST_ATTEMPT = Duration.ofMillis(50);

    private final ResilienceSettings settings;
    private final CircuitBreakerRegistry breakers;
    private final CircuitBreaker breaker;
    private final RetryBudget budget;
    private final Backoff backoff;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public ResiliencePolicy(ResilienceSettings settings, LongSupplier clockMillis) {
        this.settings = settings;
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffCap());
        this.budget = new RetryBudget(settings.budgetRatio(), settings.budgetPerSecond(), settings.budgetWindow(),
                clockMillis);
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerWindowCalls())
                .minimumNumberOfCalls(settings.breakerMinimumCalls())
                .failureRateThreshold(settings.breakerFailureRate())
                .waitDurationInOpenState(settings.breakerOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(settings.breakerHalfOpenCalls())
                .build());
        this.breaker = breakers.circuitBreaker(BREAKER_NAME);
    }

    /** Tells {@code listener} what the policy does from now on. */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public CircuitBreakerRegistry breakers() {
        return breakers;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public ResilienceSettings settings() {
        return settings;
    }

    @Override
    public <T> T call(String operation, Deadline deadline, IntFunction<T> attempt) {
        budget.recordCall();
        listeners.forEach(l -> l.callStarted(operation));
        List<DatabaseException> failures = new ArrayList<>();
        for (int n = 1; ; n++) {
            int number = n;
            try {
                T result = guarded(operation, () -> attempt.apply(number));
                listeners.forEach(l -> l.succeeded(operation, number));
                return result;
            } catch (DatabaseException e) {
                listeners.forEach(l -> l.attemptFailed(operation, e));
                Optional<Duration> wait = nextWait(operation, e, n, deadline);
                if (wait.isEmpty()) {
                    throw gaveUp(operation, n, e, failures);
                }
                failures.add(e);
                listeners.forEach(l -> l.retrying(operation, number, wait.get(), e));
                if (!sleep(wait.get())) {
                    throw gaveUp(operation, n, e, failures);
                }
            }
        }
    }

    /**
     * The one decision: after attempt {@code attempt} failed with {@code failure}, how long to
     * wait before the next, or empty for no next.
     */
    private Optional<Duration> nextWait(String operation, DatabaseException failure, int attempt, Deadline deadline) {
        if (FailureClassifier.classify(failure) == FailureClass.PERMANENT || failure instanceof CircuitOpenException
                || attempt >= settings.maxAttempts()) {
            return Optional.empty();
        }
        Duration left = deadline.remaining().minus(SHORTEST_ATTEMPT);
        if (left.isNegative() || left.isZero()) {
            return Optional.empty();
        }
        if (!budget.tryAcquireRetry()) {
            listeners.forEach(l -> l.budgetExhausted(operation, failure));
            return Optional.empty();
        }
        Duration wait = backoff.before(attempt);
        return Optional.of(wait.compareTo(left) > 0 ? left : wait); // never sleep past the deadline
    }

    private DatabaseException gaveUp(String operation, int attempts, DatabaseException last,
                                     List<DatabaseException> earlier) {
        earlier.forEach(last::addSuppressed);
        listeners.forEach(l -> l.failed(operation, attempts, last));
        if (FailureClassifier.classify(last) != FailureClass.PERMANENT && !(last instanceof CircuitOpenException)) {
            listeners.forEach(l -> l.gaveUp(operation, attempts, last));
        }
        return last;
    }

    /** One attempt through the circuit breaker: refused at once while it is open. */
    private <T> T guarded(String operation, Supplier<T> attempt) {
        if (!breaker.tryAcquirePermission()) {
            throw new CircuitOpenException(operation, settings.breakerOpenDuration());
        }
        long start = System.nanoTime();
        try {
            T result = attempt.get();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (DatabaseException e) {
            if (FailureClassifier.classify(e) == FailureClass.PERMANENT || FailureClassifier.contention(e.getCause())) {
                // The database answered: the request was wrong, or other transactions held what it
                // needed. Its health is not in question.
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            } else {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            }
            throw e;
        } catch (RuntimeException e) {
            breaker.releasePermission();
            throw e;
        }
    }

    /** Waits {@code wait}; false when interrupted (the service is stopping), with the flag kept. */
    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
