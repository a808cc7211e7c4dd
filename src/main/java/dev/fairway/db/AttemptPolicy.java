package dev.fairway.db;

import java.util.function.IntFunction;

/**
 * Runs the attempts of a unit of work: decides after each failed one whether, and when, there is
 * another. The resilience package's policy is the one the service runs with.
 */
@FunctionalInterface
public interface AttemptPolicy {

    /**
     * Runs {@code attempt} (given the attempt number, from 1) until it succeeds, fails for good,
     * or the policy stops it; throws the last failure, carrying the earlier ones as suppressed.
     */
    <T> T call(String operation, Deadline deadline, IntFunction<T> attempt);
}
