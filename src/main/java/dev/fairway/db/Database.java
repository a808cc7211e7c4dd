package dev.fairway.db;

import dev.fairway.config.ResilienceSettings;
import dev.fairway.db.pool.ConnectionPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Runs units of work against the pool under a request's deadline, the attempts through an
 * {@link AttemptPolicy} (the service's: retries, budget, circuit breaker). Reads run in autocommit mode,
 * one round trip per statement; writes run in one transaction, or, when each of their statements
 * is atomic by itself, in autocommit mode too, which saves the COMMIT round trip. Statement
 * settings ({@code statement_timeout}, and the schema behind a transaction pooler) are set
 * transaction-locally, never on the session, because a transaction pooler hands the session to
 * someone else after every transaction.
 */
public final class Database {

    private final ConnectionPool pool;
    private final AttemptPolicy policy;
    private final LocalSettings settings;
    private final Duration attemptTimeout;
    private final boolean waitForSyncStandby;
    private final WriteGuard guard;

    /**
     * @param limits the time limits of an attempt, its lock waits and its transaction's idle time
     * @param guard  whether writes may be tried now (not without a synchronous standby, when one is required)
     */
    public Database(ConnectionPool pool, AttemptPolicy policy, ResilienceSettings limits, WriteGuard guard) {
        this.pool = pool;
        this.policy = policy;
        this.guard = guard;
        this.waitForSyncStandby = limits.requireSyncStandby();
        // Without a transaction pooler the schema is set once per connection by the driver.
        String schema = pool.url().transactionPooler() ? pool.url().schema().orElse(null) : null;
        this.settings = new LocalSettings(pool.settings().statementTimeout(), limits.lockTimeout(),
                limits.idleInTransactionTimeout(), schema, waitForSyncStandby);
        this.attemptTimeout = limits.attemptTimeout();
    }

    /** How many connections the pool holds at most. */
    public int connections() {
        return pool.settings().maximumSize();
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
        if (mode != Mode.READ && guard.refusesWrites()) {
            throw new NoSynchronousStandbyException(operation);
        }
        return policy.call(operation, deadline, attempt -> attempt(operation, deadline, mode, work, attempt));
    }

    private <T> T attempt(String operation, Deadline request, Mode mode, SqlWork<T> work, int attempt) {
        Phase phase = Phase.CONNECT;
        // A connection that went silent holds an attempt until this passes, not the whole request.
        Deadline deadline = request.earlierOf(Deadline.after(attemptTimeout));
        try {
            if (deadline.expired()) {
                throw new DeadlineExceededException(operation);
            }
            try (Connection connection = pool.borrow(deadline.remaining())) {
                try {
                    if (mode != Mode.TRANSACTION) {
                        phase = mode == Mode.READ ? Phase.WORK : Phase.COMMIT;
                        return work.run(new DeadlineSession(connection, deadline, operation, settings, mode, attempt,
                                waitForSyncStandby));
                    }
                    phase = Phase.WORK;
                    connection.setAutoCommit(false);
                    DeadlineSession session = new DeadlineSession(connection, deadline, operation, settings, mode, attempt,
                            waitForSyncStandby);
                    T result = work.run(session);
                    phase = Phase.COMMIT;
                    session.beforeStatement();
                    connection.commit();
                    if (waitForSyncStandby) {
                        SyncStandbyWait.confirm(connection.getWarnings());
                    }
                    return result;
                } catch (SQLException | RuntimeException e) {
                    if (phase == Phase.WORK && mode == Mode.TRANSACTION) {
                        rollBackWithin(connection, request);
                    }
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException(operation, phase, e);
        }
    }

    /**
     * Rolls a failed transaction back before its connection goes back to the pool (which would
     * otherwise do it with whatever read timeout the last statement had), within what is left of
     * the request; a connection whose request has no time left is abandoned instead.
     */
    private static void rollBackWithin(Connection connection, Deadline request) {
        try {
            if (connection.isClosed() || connection.getAutoCommit()) {
                return;
            }
            if (request.expired()) {
                connection.abort(Runnable::run);
                return;
            }
            connection.setNetworkTimeout(Runnable::run, DeadlineSession.networkTimeoutMillis(request));
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken: the pool drops it when it comes back.
        }
    }

    /** How a unit of work meets transactions. */
    enum Mode {
        /** Autocommit, read-only. */
        READ,
        /** One transaction. */
        TRANSACTION,
        /** Autocommit writes: every statement commits by itself. */
        STATEMENTS
    }
}
