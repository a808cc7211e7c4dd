package dev.fairway.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a transaction runs with, set transaction-locally ({@code set_config(..., true)},
 * the function form of {@code SET LOCAL}) so that no session state outlives the transaction. The
 * values are bound parameters, so the SQL text never changes and PostgreSQL can keep the
 * statement prepared.
 *
 * <p>Every statement is bounded by {@code statement_timeout}; a write also by {@code lock_timeout},
 * so a lock held by a transaction whose client died fails the waiter (55P03, retried) instead of
 * holding it for its whole deadline; a transaction also by {@code idle_in_transaction_session_timeout},
 * so the server ends a transaction whose client went away, and its locks with it.
 */
final class LocalSettings {

    private final Duration statementTimeout;
    private final Duration lockTimeout;
    private final Duration idleInTransactionTimeout;
    private final String schema;
    private final Map<Database.Mode, List<Setting>> settings = new EnumMap<>(Database.Mode.class);
    private final Map<Database.Mode, String> sql = new EnumMap<>(Database.Mode.class);

    /** One setting: its name, and whether its value is cut to what is left of the attempt. */
    private enum Setting {
        STATEMENT_TIMEOUT("statement_timeout"),
        LOCK_TIMEOUT("lock_timeout"),
        IDLE_IN_TRANSACTION_TIMEOUT("idle_in_transaction_session_timeout"),
        SYNCHRONOUS_COMMIT("synchronous_commit"),
        SEARCH_PATH("search_path");

        private final String name;

        Setting(String name) {
            this.name = name;
        }
    }

    /**
     * @param schema             the schema to put on the search path, or null to leave it to the connection
     * @param waitForSyncStandby whether writes commit only once a synchronous standby has them
     */
    LocalSettings(Duration statementTimeout, Duration lockTimeout, Duration idleInTransactionTimeout, String schema,
                  boolean waitForSyncStandby) {
        this.statementTimeout = statementTimeout;
        this.lockTimeout = lockTimeout;
        this.idleInTransactionTimeout = idleInTransactionTimeout;
        this.schema = schema;
        for (Database.Mode mode : Database.Mode.values()) {
            List<Setting> chosen = new ArrayList<>(List.of(Setting.STATEMENT_TIMEOUT));
            if (mode != Database.Mode.READ) {
                chosen.add(Setting.LOCK_TIMEOUT); // reads take no row locks
            }
            if (mode == Database.Mode.TRANSACTION) {
                chosen.add(Setting.IDLE_IN_TRANSACTION_TIMEOUT); // autocommit is never idle in a transaction
            }
            boolean durable = waitForSyncStandby && mode != Database.Mode.READ;
            if (durable) {
                chosen.add(Setting.SYNCHRONOUS_COMMIT);
            }
            if (schema != null) {
                chosen.add(Setting.SEARCH_PATH);
            }
            settings.put(mode, List.copyOf(chosen));
            List<String> expressions = new ArrayList<>(chosen.stream()
                    .map(s -> "set_config('" + s.name + "', ?, true)").toList());
            if (durable) {
                // A transaction id makes even a write that found its work already done (a retry, a
                // replay) commit through the standby, so its answer, too, waits for the standby to
                // have everything committed before it.
                expressions.add("pg_current_xact_id()");
            }
            sql.put(mode, "select " + String.join(", ", expressions) + "; ");
        }
    }

    /** The statement that sets {@code mode}'s settings, to send in front of SQL in the same round trip. */
    String sql(Database.Mode mode) {
        return sql.get(mode);
    }

    /**
     * Binds {@code mode}'s values, the timeouts cut to what is left of {@code attempt}. Returns how
     * many it bound.
     */
    int bind(Database.Mode mode, PreparedStatement statement, Deadline attempt) throws SQLException {
        List<Setting> chosen = settings.get(mode);
        long left = Math.max(1, attempt.remaining().toMillis());
        for (int i = 0; i < chosen.size(); i++) {
            String value = switch (chosen.get(i)) {
                case STATEMENT_TIMEOUT -> Long.toString(Math.min(statementTimeout.toMillis(), left));
                case LOCK_TIMEOUT -> Long.toString(Math.min(lockTimeout.toMillis(), left));
                case IDLE_IN_TRANSACTION_TIMEOUT -> Long.toString(idleInTransactionTimeout.toMillis());
                case SYNCHRONOUS_COMMIT -> "on";
                case SEARCH_PATH -> '"' + schema + '"';
            };
            statement.setString(i + 1, value);
        }
        return chosen.size();
    }
}
