package dev.fairway.db.resilience;

import dev.fairway.db.CircuitOpenException;
import dev.fairway.db.DatabaseException;
import dev.fairway.db.DeadlineExceededException;
import dev.fairway.db.NoSynchronousStandbyException;
import dev.fairway.db.Phase;
import dev.fairway.db.SqlFailures;
import dev.fairway.db.pool.NoPrimaryException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides what a database failure means, by SQLSTATE and by the phase the
 * unit of work was in, from what a failure carries. Nothing else guesses.
 */
public final class FailureClassifier {

    /** SQLSTATEs (exact codes) that are transient before COMMIT is sent. Each labelled with its name. */
    private static final Map<String, String> TRANSIENT_STATES = Map.ofEntries(
            Map.entry("57P01", "admin_shutdown"),
            Map.entry("57P02", "crash_shutdown"),
            Map.entry("57P03", "cannot_connect_now"),
            Map.entry("57P05", "idle_session_timeout"),
            Map.entry("53300", "too_many_connections"),
            Map.entry("53400", "configuration_limit_exceeded"),
            Map.entry("40001", "serialization_failure"),
            Map.entry("40P01", "deadlock_detected"),
            Map.entry("55P03", "lock_not_available"),
            Map.entry("25P03", "idle_in_transaction_session_timeout"),
            // Cancelled by our own statement timeout: an attempt that hit its time limit, rolled back.
            Map.entry("57014", "query_canceled (statement timeout)"),
            // A standby, or a primary being demoted: another server may take the write.
            Map.entry("25006", "read_only_sql_transaction"));

    /**
     * Transient states that say other transactions hold what this one needs, not that the
     * database is unwell: the circuit breaker does not count them, or one hot row could stop all.
     */
    private static final Set<String> CONTENTION_STATES = Set.of("55P03", "40001", "40P01");

    /** States that say the database is working but cannot take more right now. */
    private static final Set<String> BUSY_STATES = Set.of("55P03", "40001", "40P01", "57014", "53300", "53400");

    /** SQLSTATE classes (first two characters) that are transient before COMMIT: class 08 is "connection exception". */
    private static final Map<String, String> TRANSIENT_CLASSES = Map.of("08", "connection_exception");

    /** Transient states that end the connection: in the COMMIT phase they leave the outcome unknown. */
    private static final Map<String, String> CONNECTION_LOST_STATES = Map.of(
            "57P01", "admin_shutdown", "57P02", "crash_shutdown", "57P05", "idle_session_timeout",
            "25P03", "idle_in_transaction_session_timeout");

    /** Well-known permanent classes and codes, for the name in logs; anything not transient is permanent. */
    private static final Map<String, String> PERMANENT_NAMES = Map.of(
            "22", "data_exception", "23", "integrity_constraint_violation",
            "28", "invalid_authorization_specification", "42", "syntax_error_or_access_rule_violation",
            "3D", "invalid_catalog_name", "XX", "internal_error");

    private FailureClassifier() {
    }

    /** What {@code failure} means for trying its unit of work again. */
    public static FailureClass classify(DatabaseException failure) {
        if (failure instanceof CircuitOpenException || failure instanceof NoSynchronousStandbyException) {
            return FailureClass.TRANSIENT; // not tried: nothing was sent
        }
        return classify(failure.getCause(), failure.phase());
    }

    /**
     * Whether the failure says the database cannot serve right now (rather than that the request
     * or the code is wrong): a client should try again later.
     */
    public static boolean unavailable(DatabaseException failure) {
        return classify(failure) != FailureClass.PERMANENT;
    }

    /** Why the database cannot serve right now, in the words a client is told. */
    public static Unavailability unavailability(DatabaseException failure) {
        if (failure instanceof NoSynchronousStandbyException) {
            return Unavailability.NO_SYNCHRONOUS_STANDBY;
        }
        if (failure instanceof CircuitOpenException) {
            return Unavailability.UNREACHABLE;
        }
        return unavailability(failure.getCause());
    }

    public static FailureClass classify(Throwable failure, Phase phase) {
        String state = sqlState(failure);
        boolean connectionLost = connectionLost(failure, state);
        if (connectionLost) {
            return phase == Phase.COMMIT ? FailureClass.AMBIGUOUS : FailureClass.TRANSIENT;
        }
        if (failure instanceof DeadlineExceededException || hasCause(failure, SQLTransientConnectionException.class)) {
            return FailureClass.TRANSIENT; // the pool's own "no connection available" timeout
        }
        if (state != null && TRANSIENT_STATES.containsKey(state)) {
            return FailureClass.TRANSIENT; // rolled back for certain, even when raised by COMMIT
        }
        return FailureClass.PERMANENT;
    }

    /** Why a transient failure happened, in the words a client is told. */
    static Unavailability unavailability(Throwable failure) {
        String state = sqlState(failure);
        if ("25006".equals(state) || noPrimary(failure)) {
            return Unavailability.READ_ONLY;
        }
        if (state != null && BUSY_STATES.contains(state)) {
            return Unavailability.BUSY;
        }
        if (hasCause(failure, SQLTransientConnectionException.class) && !connectionLost(failure, state)) {
            return Unavailability.BUSY; // every pooled connection was in use for the whole wait
        }
        return Unavailability.UNREACHABLE;
    }

    /** Whether the failure says nothing against the database's health: others hold what it needs. */
    public static boolean contention(Throwable failure) {
        String state = sqlState(failure);
        if (state == null) {
            // The pool's own timeout with no failed connection behind it: this instance's own
            // calls held every connection; or the request's time ran out before the database was
            // asked. Neither says the database is ill (bench/release: counting them opened the
            // breaker on a busy, healthy database and turned a slow second into an outage).
            return (hasCause(failure, SQLTransientConnectionException.class) || hasCause(failure, DeadlineExceededException.class))
                    && !connectionLost(failure, null);
        }
        return CONTENTION_STATES.contains(state);
    }

    /** pgjdbc found servers but none that takes writes ({@code target_session_attrs=read-write}). */
    private static boolean noPrimary(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof NoPrimaryException
                    || (t.getMessage() != null && t.getMessage().contains("specified targetServerType"))) {
                return true;
            }
        }
        return false;
    }

    /** The name of a SQLSTATE, for log lines: "08006 connection_failure" style, or the code alone. */
    public static String name(String state) {
        if (state == null) {
            return "no SQLSTATE";
        }
        String name = TRANSIENT_STATES.get(state);
        if (name == null && state.length() >= 2) {
            name = TRANSIENT_CLASSES.get(state.substring(0, 2));
        }
        if (name == null) {
            name = PERMANENT_NAMES.getOrDefault(state, state.length() >= 2 ? PERMANENT_NAMES.get(state.substring(0, 2)) : null);
        }
        return name == null ? state : state + " " + name;
    }

    /** The SQLSTATE of the innermost SQL failure that has one, or null. */
    public static String sqlState(Throwable failure) {
        return SqlFailures.sqlState(failure);
    }

    /** Whether the failure ended the connection (class 08, a state that ends the session, a socket error). */
    public static boolean connectionLost(Throwable failure) {
        return connectionLost(failure, sqlState(failure));
    }

    /** Class 08, a state that ends the session, or a socket error with no SQLSTATE at all. */
    private static boolean connectionLost(Throwable failure, String state) {
        if (state == null) {
            return hasCause(failure, IOException.class);
        }
        return TRANSIENT_CLASSES.containsKey(state.substring(0, Math.min(2, state.length())))
                || CONNECTION_LOST_STATES.containsKey(state);
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
