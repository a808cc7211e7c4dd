package dev.fairway.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs units of work against the pool under a request's deadline. Reads run in autocommit mode,
 * one round trip per statement; writes run in one transaction, or, when each of their statements
 * is atomic by itself, in autocommit mode too, which saves the COMMIT round trip. Statement
 * settings ({@code statement_timeout}, and the schema behind a transaction pooler) are set
 * transaction-locally, never on the session, because a transaction pooler hands the session to
 * someone else after every transaction.
 */
public final class Database {

    /** Until issue 5's policy: attempts of a unit of work that failed transiently or ambiguously. */
    static final int MAX_ATTEMPTS = 3;
    static final Duration BACKOFF = Duration.ofMillis(50);

    private final ConnectionPool pool;
    private final LocalSettings settings;

    public Database(ConnectionPool pool) {
        this.pool = pool;
        // Without a transaction pooler the schema is set once per connection by the driver.
        String schema = pool.url().transactionPooler() ? pool.url().schema().orElse(null) : null;
        this.settings = new LocalSettings(pool.settings().statementTimeout(), schema);
    }

    /** Runs read-only work in autocommit mode: each statement is its own round trip and transaction. */
    public <T> T read(String operation, Deadline deadline, SqlWork<T> work) {
        return run(operation, deadline, Mode.READ, work);
    }

    /**
     * Runs work in one transaction, committed when it returns, rolled back when it throws. The
     * work may be run again after a failure that left nothing committed, or whose COMMIT may or
     * may not have happened: it must be idempotent (see {@link SqlWork}).
     */
    public <T> T write(String operation, Deadline deadline, SqlWork<T> work) {
        return run(operation, deadline, Mode.TRANSACTION, work);
    }

    /**
     * Runs work whose every statement is atomic by itself in autocommit mode: each statement
     * commits as it completes, in its own round trip. A lost connection therefore always leaves
     * the last statement's outcome unknown, and the work is run again, so it must be idempotent.
     */
    public <T> T writeStatements(String operation, Deadline deadline, SqlWork<T> work) {
        return run(operation, deadline, Mode.STATEMENTS, work);
    }

    private <T> T run(String operation, Deadline deadline, Mode mode, SqlWork<T> work) {
        List<DatabaseException> earlier = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(operation, deadline, mode, work, attempt);
            } catch (DatabaseException e) {
                if (e.failureClass() == FailureClass.PERMANENT || attempt >= MAX_ATTEMPTS || !deadline.allows(BACKOFF)) {
                    earlier.forEach(e::addSuppressed);
                    throw e;
                }
                earlier.add(e);
                try {
                    Thread.sleep(BACKOFF);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private <T> T attempt(String operation, Deadline deadline, Mode mode, SqlWork<T> work, int attempt) {
        Phase phase = Phase.CONNECT;
        try {
            if (deadline.expired()) {
                throw new DeadlineExceededException(operation);
            }
            try (Connection connection = pool.borrow(deadline.remaining())) {
                if (mode != Mode.TRANSACTION) {
                    phase = mode == Mode.READ ? Phase.WORK : Phase.COMMIT;
                    return work.run(new DeadlineSession(connection, deadline, operation, settings, true, attempt));
                }
                phase = Phase.WORK;
                connection.setAutoCommit(false);
                DeadlineSession session = new DeadlineSession(connection, deadline, operation, settings, false, attempt);
                T result = work.run(session);
                phase = Phase.COMMIT;
                session.beforeStatement();
                connection.commit();
                return result;
            }
        } catch (SQLException e) {
            throw new DatabaseException(operation, phase, e);
        }
    }

    /** How a unit of work meets transactions. */
    private enum Mode {
        /** Autocommit, read-only. */
        READ,
        /** One transaction. */
        TRANSACTION,
        /** Autocommit writes: every statement commits by itself. */
        STATEMENTS
    }

    /** Where in a unit of work a failure happened: it decides whether the work may have committed. */
    public enum Phase {
        /** Getting a connection: nothing was sent. */
        CONNECT,
        /** Running the work's statements: nothing is committed. */
        WORK,
        /** COMMIT was sent (or a statement that commits by itself): it may or may not have committed. */
        COMMIT
    }
}
