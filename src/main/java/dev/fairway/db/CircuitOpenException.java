package dev.fairway.db;

import java.time.Duration;

/** The circuit breaker is open: the call failed fast, without asking the database. */
public final class CircuitOpenException extends DatabaseException {

    private final Duration retryAfter;

    public CircuitOpenException(String operation, Duration retryAfter) {
        super(operation, Phase.CONNECT, operation + " was not tried: the database circuit breaker is open "
                + "after repeated failures", null);
        this.retryAfter = retryAfter;
    }

    /** When the breaker will let a probe through. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
