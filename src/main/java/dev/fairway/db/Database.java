package dev.fairway.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs units of work against the pool under a request's deadline. A read is one autocommit round
 * trip; a write is one transaction. Statement settings ({@code statement_timeout}, and the schema
 * behind a transaction pooler) are set with {@code SET LOCAL}, never on the session, because a
 * transaction pooler hands the session to someone else after every transaction.
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
        return run(operation, deadline, false, work);
    }

    /**
     * Runs work in one transaction, committed when it returns, rolled back when it throws. The
     * work may be run again after a failure that left nothing committed, or whose COMMIT may or
     * may not have happened: it must be idempotent (see {@link SqlWork}).
     */
    public <T> T write(String operation, Deadline deadline, SqlWork<T> work) {
        return run(operation, deadline, true, work);
    }

    private <T> T run(String operation, Deadline deadline, boolean transaction, SqlWork<T> work) {
        List<DatabaseException> earlier = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(operation, deadline, transaction, work, attempt);
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

    private <T> T attempt(String operation, Deadline deadline, boolean transaction, SqlWork<T> work, int attempt) {
        Phase phase = Phase.CONNECT;
        try {
            if (deadline.expired()) {
                throw new DeadlineExceededException(operation);
            }
            try (Connection connection = pool.borrow(deadline.remaining())) {
                phase = Phase.WORK;
                if (!transaction) {
                    return work.run(new DeadlineSession(connection, deadline, operation, settings, true, attempt));
                }
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


    /** Where in a unit of work a failure happened: it decides whether the work may have committed. */
    public enum Phase {
        /** Getting a connection: nothing was sent. */
        CONNECT,
        /** Running the work's statements: nothing is committed. */
        WORK,
        /** COMMIT was sent: the transaction may or may not have committed. */
        COMMIT
    }
}
