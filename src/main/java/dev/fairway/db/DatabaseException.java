package dev.fairway.db;

import java.sql.SQLException;

/**
 * A unit of work failed. It names the operation and the phase it failed in, and carries the
 * SQL failure; its message holds no data of the request (pgjdbc is told to leave row details out).
 */
public class DatabaseException extends RuntimeException {

    private final String operation;
    private final Database.Phase phase;
    /** Set by the resilience policy: how long to wait before the retry it granted, or null for none. */
    private volatile java.time.Duration plannedRetry;

    public DatabaseException(String operation, Database.Phase phase, SQLException cause) {
        this(operation, phase, operation + " failed while " + phase.name().toLowerCase() + ": "
                + SqlFailures.describe(cause), cause);
    }

    protected DatabaseException(String operation, Database.Phase phase, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.phase = phase;
    }

    java.time.Duration plannedRetry() {
        return plannedRetry;
    }

    void planRetry(java.time.Duration wait) {
        this.plannedRetry = wait;
    }

    public String operation() {
        return operation;
    }

    public Database.Phase phase() {
        return phase;
    }

    /** The SQL failure, or null when the database was not asked (an open circuit breaker). */
    public SQLException sqlCause() {
        return getCause() instanceof SQLException sql ? sql : null;
    }

    /** The SQLSTATE of the innermost SQL failure that has one, or null. */
    public String sqlState() {
        return FailureClassifier.sqlState(getCause());
    }

    /** The constraint a violation names (unique, check, foreign key), or null. */
    public String constraint() {
        for (Throwable t = getCause(); t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null
                    && psql.getServerErrorMessage().getConstraint() != null) {
                return psql.getServerErrorMessage().getConstraint();
            }
        }
        return null;
    }

    public FailureClass failureClass() {
        return FailureClassifier.classify(this);
    }

    /**
     * Whether the failure says the database cannot serve right now (rather than that the request
     * or the code is wrong): a client should try again later.
     */
    public boolean unavailable() {
        return failureClass() != FailureClass.PERMANENT;
    }

    /** Why the database cannot serve right now, when {@link #unavailable()}. */
    public Unavailability unavailability() {
        return FailureClassifier.unavailability(this instanceof CircuitOpenException ? this : getCause());
    }
}
