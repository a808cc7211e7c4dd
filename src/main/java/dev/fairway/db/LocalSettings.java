package dev.fairway.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The settings a transaction runs with, set transaction-locally ({@code set_config(..., true)},
 * the function form of {@code SET LOCAL}) so that no session state outlives the transaction. The
 * values are bound parameters, so the SQL text never changes and PostgreSQL can keep the
 * statement prepared.
 */
final class LocalSettings {

    private final Duration statementTimeout;
    private final String schema;
    private final String sql;

    /** @param schema the schema to put on the search path, or null to leave it to the connection */
    LocalSettings(Duration statementTimeout, String schema) {
        this.statementTimeout = statementTimeout;
        this.schema = schema;
        this.sql = schema == null
                ? "select set_config('statement_timeout', ?, true); "
                : "select set_config('statement_timeout', ?, true), set_config('search_path', ?, true); ";
    }

    String sql() {
        return sql;
    }

    /** Binds the values: the statement timeout cut to what is left of the deadline. Returns how many it bound. */
    int bind(PreparedStatement statement, Deadline deadline) throws SQLException {
        long millis = Math.max(1, Math.min(statementTimeout.toMillis(), deadline.remaining().toMillis()));
        statement.setString(1, Long.toString(millis));
        if (schema == null) {
            return 1;
        }
        statement.setString(2, '"' + schema + '"');
        return 2;
    }
}
