package dev.fairway.db.resilience;

import dev.fairway.db.CircuitOpenException;
import dev.fairway.db.DeadlineExceededException;

import dev.fairway.db.Phase;

import dev.fairway.db.resilience.FailureClassifier;
import dev.fairway.db.resilience.FailureLabel;

import static dev.fairway.db.Phase.COMMIT;
import static dev.fairway.db.Phase.CONNECT;
import static dev.fairway.db.Phase.WORK;
import static dev.fairway.db.resilience.FailureClass.AMBIGUOUS;
import static dev.fairway.db.resilience.FailureClass.PERMANENT;
import static dev.fairway.db.resilience.FailureClass.TRANSIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureClassifierTest {

    /** SQLSTATE, its name, its class before COMMIT, its class while COMMIT was in flight. */
    static Stream<Arguments> states() {
        return Stream.of(
                // class 08: connection exception; the connection is gone
                Arguments.of("08000", "connection_exception", TRANSIENT, AMBIGUOUS),
                Arguments.of("08001", "sqlclient_unable_to_establish_sqlconnection", TRANSIENT, AMBIGUOUS),
                Arguments.of("08003", "connection_does_not_exist", TRANSIENT, AMBIGUOUS),
                Arguments.of("08004", "sqlserver_rejected_establishment_of_sqlconnection", TRANSIENT, AMBIGUOUS),
                Arguments.of("08006", "connection_failure", TRANSIENT, AMBIGUOUS),
                Arguments.of("08007", "transaction_resolution_unknown", TRANSIENT, AMBIGUOUS),
                Arguments.of("08P01", "protocol_violation", TRANSIENT, AMBIGUOUS),
                // the server ends the session
                Arguments.of("57P01", "admin_shutdown", TRANSIENT, AMBIGUOUS),
                Arguments.of("57P02", "crash_shutdown", TRANSIENT, AMBIGUOUS),
                Arguments.of("57P05", "idle_session_timeout", TRANSIENT, AMBIGUOUS),
                Arguments.of("25P03", "idle_in_transaction_session_timeout", TRANSIENT, AMBIGUOUS),
                // refused before anything ran, or rolled back for certain: never ambiguous
                Arguments.of("57P03", "cannot_connect_now", TRANSIENT, TRANSIENT),
                Arguments.of("53300", "too_many_connections", TRANSIENT, TRANSIENT),
                Arguments.of("53400", "configuration_limit_exceeded", TRANSIENT, TRANSIENT),
                Arguments.of("40001", "serialization_failure", TRANSIENT, TRANSIENT),
                Arguments.of("40P01", "deadlock_detected", TRANSIENT, TRANSIENT),
                Arguments.of("55P03", "lock_not_available", TRANSIENT, TRANSIENT),
                // our own statement timeout cut an attempt short: rolled back, try again
                Arguments.of("57014", "query_canceled (statement timeout)", TRANSIENT, TRANSIENT),
                // a standby or a demoted primary refused the write: another server may take it
                Arguments.of("25006", "read_only_sql_transaction", TRANSIENT, TRANSIENT),
                // permanent: the same request fails the same way
                Arguments.of("22001", "string_data_right_truncation", PERMANENT, PERMANENT),
                Arguments.of("22P02", "invalid_text_representation", PERMANENT, PERMANENT),
                Arguments.of("23505", "unique_violation", PERMANENT, PERMANENT),
                Arguments.of("23514", "check_violation", PERMANENT, PERMANENT),
                Arguments.of("23503", "foreign_key_violation", PERMANENT, PERMANENT),
                Arguments.of("28P01", "invalid_password", PERMANENT, PERMANENT),
                Arguments.of("28000", "invalid_authorization_specification", PERMANENT, PERMANENT),
                Arguments.of("3D000", "invalid_catalog_name", PERMANENT, PERMANENT),
                Arguments.of("42P01", "undefined_table", PERMANENT, PERMANENT),
                Arguments.of("42703", "undefined_column", PERMANENT, PERMANENT),
                Arguments.of("42601", "syntax_error", PERMANENT, PERMANENT),
                Arguments.of("XX000", "internal_error", PERMANENT, PERMANENT));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("states")
    void classifies_each_sqlstate_by_the_phase_it_failed_in(String state, String name, FailureClass beforeCommit,
                                                            FailureClass duringCommit) {
        SQLException failure = new SQLException("server said no", state);

        assertThat(FailureClassifier.classify(failure, CONNECT)).isEqualTo(beforeCommit);
        assertThat(FailureClassifier.classify(failure, WORK)).isEqualTo(beforeCommit);
        assertThat(FailureClassifier.classify(failure, COMMIT)).isEqualTo(duringCommit);
        assertThat(FailureClassifier.name(state)).isIn(state + " " + name, state + " connection_exception",
                state + " data_exception", state + " integrity_constraint_violation",
                state + " invalid_authorization_specification", state + " syntax_error_or_access_rule_violation",
                state + " internal_error", state);
    }

    @Test
    void socket_errors_without_a_sqlstate_are_transient_and_ambiguous_during_commit() {
        for (Exception socket : new Exception[] {new SocketException("Connection reset"), new EOFException(),
                new SocketTimeoutException("Read timed out"), new ConnectException("Connection refused")}) {
            SQLException failure = new SQLException("I/O error", (String) null, socket);
            assertThat(FailureClassifier.classify(failure, WORK)).as(socket.toString()).isEqualTo(TRANSIENT);
            assertThat(FailureClassifier.classify(failure, COMMIT)).as(socket.toString()).isEqualTo(AMBIGUOUS);
        }
    }

    @Test
    void pgjdbc_wraps_a_reset_in_08006_with_the_socket_error_inside() {
        SQLException reset = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new SocketException("Connection reset"));

        assertThat(FailureClassifier.classify(reset, WORK)).isEqualTo(TRANSIENT);
        assertThat(FailureClassifier.classify(reset, COMMIT)).isEqualTo(AMBIGUOUS);
        assertThat(FailureLabel.of(reset)).isEqualTo("08006 connection reset");
    }

    @Test
    void the_pools_no_connection_available_timeout_is_transient() {
        SQLException timeout = new SQLTransientConnectionException(
                "fairway - Connection is not available, request timed out after 2000ms (total=10, active=10, idle=0, waiting=3)");

        assertThat(FailureClassifier.classify(timeout, CONNECT)).isEqualTo(TRANSIENT);
    }

    @Test
    void a_passed_deadline_and_an_open_breaker_are_transient() {
        assertThat(FailureClassifier.classify(new DeadlineExceededException("op"), WORK)).isEqualTo(TRANSIENT);
        assertThat(FailureClassifier.classify(new CircuitOpenException("op", java.time.Duration.ofSeconds(1)))).isEqualTo(TRANSIENT);
    }

    @Test
    void a_503_tells_a_busy_database_from_an_unreachable_or_read_only_one() {
        assertThat(FailureClassifier.unavailability(new SQLException("lock timeout", "55P03"))).isEqualTo(Unavailability.BUSY);
        assertThat(FailureClassifier.unavailability(new SQLException("statement timeout", "57014"))).isEqualTo(Unavailability.BUSY);
        assertThat(FailureClassifier.unavailability(new SQLException("too many", "53300"))).isEqualTo(Unavailability.BUSY);
        assertThat(FailureClassifier.unavailability(new SQLTransientConnectionException("pool empty"))).isEqualTo(Unavailability.BUSY);
        assertThat(FailureClassifier.unavailability(new SQLException("read-only", "25006"))).isEqualTo(Unavailability.READ_ONLY);
        assertThat(FailureClassifier.unavailability(new SQLException(
                "Could not find a server with specified targetServerType: primary", "08001"))).isEqualTo(Unavailability.READ_ONLY);
        assertThat(FailureClassifier.unavailability(new SQLException("reset", "08006"))).isEqualTo(Unavailability.UNREACHABLE);
        assertThat(FailureClassifier.unavailability(new SQLTransientConnectionException("pool", "08001",
                new SQLException("refused", "08001")))).isEqualTo(Unavailability.UNREACHABLE);
    }

    @Test
    void a_pool_timeout_or_a_deadline_passed_before_asking_is_contention_unless_a_failed_connection_is_behind_it() {
        assertThat(FailureClassifier.contention(new SQLTransientConnectionException(
                "fairway - Connection is not available, request timed out after 2000ms (total=10, active=10, idle=0, waiting=3)")))
                .as("every connection in use by this instance").isTrue();
        assertThat(FailureClassifier.contention(new SQLTransientConnectionException("pool", "08001",
                new SQLException("refused", "08001")))).as("the database refused a new connection").isFalse();
        assertThat(FailureClassifier.contention(new SQLTransientConnectionException("pool", null,
                new java.net.SocketTimeoutException("connect timed out")))).as("a new connection timed out").isFalse();
        assertThat(FailureClassifier.contention(new DeadlineExceededException("op"))).as("no time left to ask").isTrue();
    }

    @Test
    void lock_waits_and_conflicts_are_contention_not_ill_health() {
        assertThat(FailureClassifier.contention(new SQLException("lock timeout", "55P03"))).isTrue();
        assertThat(FailureClassifier.contention(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(FailureClassifier.contention(new SQLException("statement timeout", "57014"))).isFalse();
        assertThat(FailureClassifier.contention(new SQLException("read-only", "25006"))).isFalse();
    }

    @Test
    void an_unknown_failure_is_permanent() {
        assertThat(FailureClassifier.classify(new SQLException("odd"), WORK)).isEqualTo(PERMANENT);
        assertThat(FailureClassifier.classify(new IllegalStateException("bug"), WORK)).isEqualTo(PERMANENT);
    }
}
