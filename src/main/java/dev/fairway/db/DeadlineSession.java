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
 * Runs statements on one connection so that none outlives the request's deadline: before each
 * statement the socket's read timeout is cut to what is left of the deadline.
 *
 * <p>The {@code SET LOCAL} settings travel in front of a statement, in its round trip. In
 * autocommit mode every statement carries them: PostgreSQL runs the statements of one round trip
 * as one implicit transaction, so they hold for that statement alone. In a transaction only the
 * first statement carries them, and they hold until COMMIT. Either way no session state is left
 * behind for a transaction pooler to hand to someone else.
 */
final class DeadlineSession implements SqlSession {

    /** Lets the server's own statement timeout, which leaves the connection usable, fire first. */
    static final Duration NETWORK_MARGIN = Duration.ofMillis(200);
    private static final Executor DIRECT = Runnable::run;

    private final Connection connection;
    private final Deadline deadline;
    private final String operation;
    private final String settings;
    private final boolean everyStatement;
    private boolean settingsSent;

    /**
     * @param settings       {@code SET LOCAL ...; } statements to send in front of SQL
     * @param everyStatement whether every statement carries them (autocommit) or only the first (a transaction)
     */
    DeadlineSession(Connection connection, Deadline deadline, String operation, String settings, boolean everyStatement) {
        this.connection = connection;
        this.deadline = deadline;
        this.operation = operation;
        this.settings = settings;
        this.everyStatement = everyStatement;
    }

    private String withSettings(String sql) {
        if (everyStatement || !settingsSent) {
            settingsSent = true;
            return settings + sql;
        }
        return sql;
    }

    @Override
    public <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        beforeStatement();
        try (PreparedStatement statement = connection.prepareStatement(withSettings(sql))) {
            binder.bind(statement);
            boolean resultSet = statement.execute();
            while (!resultSet) {
                if (statement.getUpdateCount() == -1) {
                    throw new SQLException("the statement returned no rows to read: " + sql);
                }
                resultSet = statement.getMoreResults();
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.getResultSet()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        }
    }

    @Override
    public int update(String sql, Binder binder) throws SQLException {
        beforeStatement();
        try (PreparedStatement statement = connection.prepareStatement(withSettings(sql))) {
            binder.bind(statement);
            statement.execute();
            int count = statement.getUpdateCount();
            while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
                count = statement.getUpdateCount();
            }
            return count;
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
