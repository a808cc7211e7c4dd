package dev.fairway.db.resilience;

import dev.fairway.db.CircuitOpenException;

import java.sql.SQLException;

/**
 * "08006 connection reset" style: the SQLSTATE of a failure and the innermost cause's words, short
 * and free of data (pgjdbc is told to leave row details out of messages).
 */
public final class FailureLabel {

    private FailureLabel() {
    }

    /**
     * The kind of a failure, from a small closed set, for telling repeats of one failure apart
     * from other failures: its SQLSTATE, else the class of its innermost cause.
     */
    public static String kind(Throwable failure) {
        if (failure instanceof CircuitOpenException) {
            return "circuit breaker open";
        }
        String state = FailureClassifier.sqlState(failure);
        if (state != null) {
            return state;
        }
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return innermost.getClass().getName();
    }

    public static String of(Throwable failure) {
        if (failure instanceof CircuitOpenException) {
            return "circuit breaker open";
        }
        String state = FailureClassifier.sqlState(failure);
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String words = innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage();
        if (innermost instanceof SQLException && words.indexOf('\n') >= 0) {
            words = words.substring(0, words.indexOf('\n'));
        }
        words = words.length() > 120 ? words.substring(0, 120) + "..." : words;
        return state == null ? words : state + " " + words.toLowerCase(java.util.Locale.ROOT);
    }
}
