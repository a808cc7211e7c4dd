package dev.fairway.db.pool;

import java.sql.SQLNonTransientConnectionException;

/**
 * None of the URL's servers takes writes: all are standbys, or the only primary is an old one
 * that came back after a failover. A client should try again: a failover may be under way.
 */
public final class NoPrimaryException extends SQLNonTransientConnectionException {

    /** SQLSTATE of "the client could not establish the connection". */
    static final String STATE = "08001";

    NoPrimaryException(String message) {
        super(message, STATE);
    }
}
