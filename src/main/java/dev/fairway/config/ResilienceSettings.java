package dev.fairway.config;

import java.time.Duration;

/**
 * How the database runner copes with failure: the request deadline, retries with backoff, the
 * retry budget and the circuit breaker. Read from {@code FAIRWAY_DB_*} by the config package.
 *
 * @param requestDeadline          no request waits longer than this, pool wait and every attempt included
 * @param maxAttempts              attempts of one unit of work, the first included
 * @param backoffBase              full-jitter backoff: the n-th retry waits random(0, min(cap, base * 2^(n-1)))
 * @param backoffCap               the largest backoff
 * @param budgetRatio              retries allowed per call made, over the budget window
 * @param budgetPerSecond          retries allowed per second on top of that, over the window
 * @param budgetWindow             the retry budget's sliding window
 * @param breakerFailureRate       percent of failed calls in the breaker's window that opens it
 * @param breakerMinimumCalls      calls in the window before the rate counts
 * @param breakerWindowCalls       the breaker's sliding window: the last this many calls
 * @param breakerOpenDuration      how long an open breaker fails calls fast before it probes
 * @param breakerHalfOpenCalls     probe calls in the half-open state
 * @param attemptTimeout           no attempt of a unit of work runs longer: a connection that went
 *                                 silent costs one attempt, not the whole request
 * @param lockTimeout              longest wait for a row or advisory lock held by another
 *                                 transaction, after which the attempt fails (55P03) and is retried
 * @param idleInTransactionTimeout a transaction of ours that waits this long for its client's next
 *                                 statement is ended by the server: a dead client's locks do not outlive it
 * @param requireSyncStandby       writes commit only once a synchronous standby has them, and are
 *                                 refused while the primary has none: a failover then loses no
 *                                 acknowledged booking
 */
public record ResilienceSettings(
        Duration requestDeadline,
        int maxAttempts,
        Duration backoffBase,
        Duration backoffCap,
        double budgetRatio,
        int budgetPerSecond,
        Duration budgetWindow,
        int breakerFailureRate,
        int breakerMinimumCalls,
        int breakerWindowCalls,
        Duration breakerOpenDuration,
        int breakerHalfOpenCalls,
        Duration attemptTimeout,
        Duration lockTimeout,
        Duration idleInTransactionTimeout,
        boolean requireSyncStandby) {

    public static final Duration REQUEST_DEADLINE = Duration.ofSeconds(5);
    public static final int MAX_ATTEMPTS = 3;
    public static final Duration BACKOFF_BASE = Duration.ofMillis(100);
    public static final Duration BACKOFF_CAP = Duration.ofSeconds(1);
    public static final double BUDGET_RATIO = 0.2;
    public static final int BUDGET_PER_SECOND = 10;
    public static final Duration BUDGET_WINDOW = Duration.ofSeconds(10);
    public static final int BREAKER_FAILURE_RATE = 50;
    /** Enough calls that a few unlucky ones at low traffic do not open it: the failure must be sustained. */
    public static final int BREAKER_MINIMUM_CALLS = 20;
    /**
     * The last calls, not the last seconds: after busy healthy seconds a time window holds so many
     * successes that an outage takes seconds to outweigh them; the last 50 calls turn within
     * moments at any load.
     */
    public static final int BREAKER_WINDOW_CALLS = 50;
    /** Short, so a database that came back is found within 2 s. */
    public static final Duration BREAKER_OPEN_DURATION = Duration.ofSeconds(1);
    public static final int BREAKER_HALF_OPEN_CALLS = 2;
    /**
     * Every statement of ours takes milliseconds; an attempt that has not finished in 1.5 s is on a
     * connection that went silent or behind a lock, and a fresh attempt does better. Three of them
     * fit in the request deadline.
     */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1500);
    /** Under the attempt timeout, so a lock wait ends as a retryable 55P03, not a cancelled statement. */
    public static final Duration LOCK_TIMEOUT = Duration.ofSeconds(1);
    /**
     * Our transactions never wait for their client between statements for more than a moment;
     * a transaction idle for a second has lost its client, and its locks are freed within 2 s.
     */
    public static final Duration IDLE_IN_TRANSACTION_TIMEOUT = Duration.ofSeconds(1);

    public static ResilienceSettings defaults() {
        return new ResilienceSettings(REQUEST_DEADLINE, MAX_ATTEMPTS, BACKOFF_BASE, BACKOFF_CAP, BUDGET_RATIO,
                BUDGET_PER_SECOND, BUDGET_WINDOW, BREAKER_FAILURE_RATE, BREAKER_MINIMUM_CALLS, BREAKER_WINDOW_CALLS,
                BREAKER_OPEN_DURATION, BREAKER_HALF_OPEN_CALLS, ATTEMPT_TIMEOUT, LOCK_TIMEOUT,
                IDLE_IN_TRANSACTION_TIMEOUT, false);
    }

    /** These settings, with writes waiting for a synchronous standby or not. */
    public ResilienceSettings withRequireSyncStandby(boolean required) {
        return new ResilienceSettings(requestDeadline, maxAttempts, backoffBase, backoffCap, budgetRatio, budgetPerSecond,
                budgetWindow, breakerFailureRate, breakerMinimumCalls, breakerWindowCalls, breakerOpenDuration,
                breakerHalfOpenCalls, attemptTimeout, lockTimeout, idleInTransactionTimeout, required);
    }
}
