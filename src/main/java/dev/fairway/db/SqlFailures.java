package dev.fairway.db;

import java.sql.SQLException;

/** Short, secret-free descriptions of database failures, for logs and health answers. */
public final class SqlFailures {

    private SqlFailures() {
    }

    /**
     * "08001 Connection to db:5432 refused" style: the SQLSTATE and first message line of the
     * innermost SQL failure (a pool timeout wraps the connect failure that explains it).
     */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        String state = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
                root = t;
            }
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : firstLine(root.getMessage());
        return state == null ? message : state + " " + message;
    }

    /** The SQLSTATE of the innermost SQL failure that has one, or null. */
    public static String sqlState(Throwable failure) {
        String state = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
        }
        return state;
    }

    /** Whether the failure is a read that timed out on the socket: the connection answered nothing at all. */
    public static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
