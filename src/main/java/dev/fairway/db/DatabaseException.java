package dev.fairway.db;

import java.sql.SQLException;

/**
 * A unit of work failed. It names the operation and the phase it failed in, and carries the
 * SQL failure; its message holds no data of the request (pgjdbc is told to leave row details out).
 * What the failure means (whether to retry, what to tell a client) is the resilience
 * classifier's to say, from what this carries.
 */
public class DatabaseException extends RuntimeException {

    private final String operation;
    private final Phase phase;

    public DatabaseException(String operation, Phase phase, SQLException cause) {
        this(operation, phase, operation + " failed while " + phase.name().toLowerCase(java.util.Locale.ROOT) + ": "
                + SqlFailures.describe(cause), cause);
    }

    protected DatabaseException(String operation, Phase phase, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.phase = phase;
    }

    public String operation() {
        return operation;
    }

    public Phase phase() {
        return phase;
    }

    /** The SQL failure, or null when the database was not asked (an open circuit breaker). */
    public SQLException sqlCause() {
        return getCause() instanceof SQLException sql ? sql : null;
    }

    /** The SQLSTATE of the innermost SQL failure that has one, or null. */
    public String sqlState() {
        return SqlFailures.sqlState(getCause());
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
}
