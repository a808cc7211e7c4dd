package dev.fairway.db.pool;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells HikariCP to drop a connection whose server refused a write as read-only (25006): it is a
 * standby, or a primary being demoted, and stays one. The connection that replaces it goes
 * through the URL's hosts again, and with {@code target_session_attrs=read-write} finds the primary.
 */
final class ReadOnlyConnectionEviction implements SQLExceptionOverride {

    static final String READ_ONLY_SQL_TRANSACTION = "25006";

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        return READ_ONLY_SQL_TRANSACTION.equals(failure.getSQLState()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
