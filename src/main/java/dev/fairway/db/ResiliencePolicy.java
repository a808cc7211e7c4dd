package dev.fairway.db;

import dev.fairway.config.ResilienceSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Decides, for every failed attempt of a unit of work, whether and when it is tried again, and
 * keeps a failing database from being hammered. Built on Resilience4j: its {@link Retry} runs the
 * attempts, waits, and counts; its {@link CircuitBreaker} fails calls fast while the database is
 * down. The decisions are Fairway's:
 * <ul>
 *   <li>only transient and ambiguous failures are retried (an ambiguous one because the work is
 *       idempotent: its next run looks up what the lost COMMIT did);</li>
 *   <li>the wait is exponential backoff with full jitter, and no wait runs past the deadline;</li>
 *   <li>every retry is taken from a process-wide {@link RetryBudget}; when it is spent the call
 *       fails at once.</li>
 * </ul>
 */
public final class ResiliencePolicy {

    /** What the policy reports; logging and metrics listen. */
    public interface Listener {
        /** A call (a unit of work, with all its attempts) begins. */
        default void callStarted(String operation) {
        }

        /** An attempt failed (whether or not it will be retried). */
        default void attemptFailed(String operation, DatabaseException failure) {
        }

        /** A failure that could have been retried was not, because the retry budget is spent. */
        default void budgetExhausted(String operation, DatabaseException failure) {
        }

        /** A call failed for good after {@code attempts} attempts, its failure retryable in kind. */
        default void gaveUp(String operation, int attempts, DatabaseException failure) {
        }
    }

    public static final String BREAKER_NAME = "database";
    /** Time an attempt needs at least, so a retry is not started just to hit the deadline. */
    static final Duration SHORTEST_ATTEMPT = Duration.ofMillis(50);

    private final ResilienceSettings settings;
    private final RetryRegistry retries;
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
        this.retries = RetryRegistry.of(RetryConfig.<Object>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(e -> e instanceof DatabaseException d && d.plannedRetry() != null)
                .intervalBiFunction((Integer attempt, Either<Throwable, Object> outcome) ->
                        outcome.swap().getOrNull() instanceof DatabaseException d && d.plannedRetry() != null
                                ? d.plannedRetry().toMillis() : 0L)
                .failAfterMaxAttempts(false)
                .build());
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

    public RetryRegistry retries() {
        return retries;
    }

    public ResilienceSettings settings() {
        return settings;
    }

    /**
     * Runs {@code attempt} (given the attempt number, from 1) until it succeeds, fails for good,
     * or the policy stops it. Earlier failures ride on the last one as suppressed exceptions.
     */
    public <T> T call(String operation, Deadline deadline, IntFunction<T> attempt) {
        budget.recordCall();
        listeners.forEach(l -> l.callStarted(operation));
        List<DatabaseException> failures = new ArrayList<>();
        int[] attempts = {0};
        try {
            return retries.retry(operation).executeSupplier(() -> {
                int n = ++attempts[0];
                try {
                    return guarded(operation, () -> attempt.apply(n));
                } catch (DatabaseException e) {
                    e.planRetry(null);
                    listeners.forEach(l -> l.attemptFailed(operation, e));
                    plan(operation, e, n, deadline);
                    failures.add(e);
                    throw e;
                }
            });
        } catch (DatabaseException e) {
            for (DatabaseException earlier : failures) {
                if (earlier != e) {
                    e.addSuppressed(earlier);
                }
            }
            if (e.failureClass() != FailureClass.PERMANENT && !(e instanceof CircuitOpenException)) {
                listeners.forEach(l -> l.gaveUp(operation, attempts[0], e));
            }
            throw e;
        }
    }

    /** One attempt through the circuit breaker: refused at once while it is open. */
    private <T> T guarded(String operation, java.util.function.Supplier<T> attempt) {
        if (!breaker.tryAcquirePermission()) {
            throw new CircuitOpenException(operation, settings.breakerOpenDuration());
        }
        long start = System.nanoTime();
        try {
            T result = attempt.get();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (DatabaseException e) {
            if (e.failureClass() == FailureClass.PERMANENT || FailureClassifier.contention(e.getCause())) {
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

    private void plan(String operation, DatabaseException failure, int attempt, Deadline deadline) {
        if (failure.failureClass() == FailureClass.PERMANENT || failure instanceof CircuitOpenException
                || attempt >= settings.maxAttempts()) {
            return;
        }
        Duration wait = backoff.before(attempt);
        Duration left = deadline.remaining().minus(SHORTEST_ATTEMPT);
        if (left.isNegative() || left.isZero()) {
            return;
        }
        if (wait.compareTo(left) > 0) {
            wait = left; // never sleep past the deadline
        }
        if (!budget.tryAcquireRetry()) {
            listeners.forEach(l -> l.budgetExhausted(operation, failure));
            return;
        }
        failure.planRetry(wait);
    }
}
