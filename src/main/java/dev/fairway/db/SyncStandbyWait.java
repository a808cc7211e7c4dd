package dev.fairway.db;

import java.sql.SQLException;
import java.sql.SQLWarning;

/**
 * Reads what a commit said about its wait for a synchronous standby. When the wait is cut short
 * (our statement timeout, or the server shutting down), PostgreSQL does not fail the commit: it
 * warns that the transaction "has already committed locally, but might not have been replicated
 * to the standby", and the commit returns as if all were well. Such a commit is not acknowledged.
 */
final class SyncStandbyWait {

    /** SQLSTATE of "transaction resolution unknown": it committed here, it may not survive a failover. */
    static final String UNCONFIRMED = "08007";
    private static final String CANCELLED_WAIT = "wait for synchronous replication";

    private SyncStandbyWait() {
    }

    /** Throws when {@code warnings} say the commit was not confirmed by a synchronous standby. */
    static void confirm(SQLWarning warnings) throws SQLException {
        for (SQLWarning warning = warnings; warning != null; warning = warning.getNextWarning()) {
            if (warning.getMessage() != null && warning.getMessage().contains(CANCELLED_WAIT)) {
                throw new SQLException("the commit was not confirmed by a synchronous standby (" + warning.getMessage()
                        + ")", UNCONFIRMED, warning);
            }
        }
    }
}
