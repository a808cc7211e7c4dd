package dev.fairway.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Runs statements on one connection so that none outlives the attempt's deadline (the request's,
 * or the attempt's own time limit when that comes first): before each statement the socket's
 * read timeout is cut to what is left of it.
 *
 * <p>The transaction-local settings travel in front of a statement, in its round trip. In
 * autocommit mode every statement carries them: PostgreSQL runs the statements of one round trip
 * as one implicit transaction, so they hold for that statement alone. In a transaction only the
 * first statement carries them, and they hold until COMMIT. Either way no session state is left
 * behind for a transaction pooler to hand to someone else.
 */
final class DeadlineSession implements SqlSession {

    /**
     * Lets the server's own statement timeout, which leaves the connection usable, fire first;
     * small, because it is also how far past the request's deadline an answer can be late.
     */
    static final Duration NETWORK_MARGIN = Duration.ofMillis(100);
    private static final Executor DIRECT = Runnable::run;

    private final Connection connection;
    private final Deadline deadline;
    private final String operation;
    private final LocalSettings settings;
    private final Database.Mode mode;
    private final int attempt;
    private final boolean waitForSyncStandby;
    private boolean settingsSent;

    /**
     * @param deadline the attempt's deadline: no statement may outlive it
     * @param settings the settings to send in front of SQL: in front of every statement in
     *                 autocommit mode, of the first one in a transaction
     */
    DeadlineSession(Connection connection, Deadline deadline, String operation, LocalSettings settings,
                    Database.Mode mode, int attempt, boolean waitForSyncStandby) {
        this.attempt = attempt;
        this.waitForSyncStandby = waitForSyncStandby;
        this.connection = connection;
        this.deadline = deadline;
        this.operation = operation;
        this.settings = settings;
        this.mode = mode;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    private boolean settingsDue() {
        return mode != Database.Mode.TRANSACTION || !settingsSent;
    }

    /** Prepares {@code sql}, with the settings in front of it when asked, and binds everything. */
    private PreparedStatement prepare(String sql, Binder binder, boolean withSettings) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(withSettings ? settings.sql(mode) + sql : sql);
        try {
            int offset = 0;
            if (withSettings) {
                offset = settings.bind(mode, statement, deadline);
                settingsSent = true;
            }
            binder.bind(new Params(statement, offset));
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    @Override
    public <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        beforeStatement();
        boolean withSettings = settingsDue();
        try (PreparedStatement statement = prepare(sql, binder, withSettings)) {
            boolean resultSet = statement.execute();
            if (withSettings) {
                resultSet = statement.getMoreResults(); // past the settings' own result
            }
            if (!resultSet) {
                throw new SQLException("the statement returned no rows to read: " + sql);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.getResultSet()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            confirmCommitted(statement);
            return rows;
        }
    }

    @Override
    public int update(String sql, Binder binder) throws SQLException {
        beforeStatement();
        boolean withSettings = settingsDue();
        try (PreparedStatement statement = prepare(sql, binder, withSettings)) {
            statement.execute();
            if (withSettings) {
                statement.getMoreResults(); // past the settings' own result
            }
            int changed = statement.getUpdateCount();
            confirmCommitted(statement);
            return changed;
        }
    }

    /** An autocommit write committed as it completed: it counts only once the standby has it. */
    private void confirmCommitted(PreparedStatement statement) throws SQLException {
        if (waitForSyncStandby && mode == Database.Mode.STATEMENTS) {
            SyncStandbyWait.confirm(statement.getWarnings());
            SyncStandbyWait.confirm(connection.getWarnings());
        }
    }

    void beforeStatement() throws SQLException {
        if (deadline.expired()) {
            throw new DeadlineExceededException(operation);
        }
        connection.setNetworkTimeout(DIRECT, networkTimeoutMillis(deadline));
    }

    static int networkTimeoutMillis(Deadline deadline) {
        return (int) Math.max(1, deadline.remaining().plus(NETWORK_MARGIN).toMillis());
    }
}
