package dev.fairway.db.check;

import dev.fairway.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tells whether a pooler sits between us and PostgreSQL, and in which mode, from how backend
 * process ids behave across two client connections.
 *
 * <p>Connection A asks for its backend's pid, then B opens a transaction and asks for its own,
 * then A asks again. Directly, or through a session-mode pooler, A keeps its backend and B gets
 * another. Through a transaction-mode pooler, A's backend went back to the pool after its first
 * statement: B usually gets it, and A then gets a different one (or waits for B's).
 */
final class PoolerDetector {

    /** How long A's second query may wait for a backend before we conclude B holds the only one. */
    private static final Duration WAIT_FOR_SHARED_BACKEND = Duration.ofSeconds(2);

    private final DatabaseUrl url;

    PoolerDetector(DatabaseUrl url) {
        this.url = url;
    }

    Finding detect(Connection a, Connection b) throws SQLException {
        int connectedPort = url.primaryHost().port();
        int serverPort = serverPort(a);
        long pidA1 = backendPid(a);
        long pidA2;
        long pidB;
        b.setAutoCommit(false);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            pidB = backendPid(b);
            Future<Long> second = executor.submit(() -> backendPid(a));
            try {
                pidA2 = second.get(WAIT_FOR_SHARED_BACKEND.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                pidA2 = -1; // A waits for the backend B holds: only a transaction pooler does that
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while probing for a pooler", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
            } finally {
                b.rollback();
            }
        }
        boolean transactionMode = pidB == pidA1 || pidA2 != pidA1;
        boolean forwarded = serverPort > 0 && serverPort != connectedPort;
        return new Finding(transactionMode, forwarded, serverPort, looksLikeHostedPooler());
    }

    private boolean looksLikeHostedPooler() {
        String host = url.primaryHost().host().toLowerCase(Locale.ROOT);
        return host.contains("pooler") || host.contains("pgbouncer") || host.contains("supavisor");
    }

    private static long backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int serverPort(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select coalesce(inet_server_port(), 0)")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * What the probe found.
     *
     * @param transactionMode backends are shared between client connections: a transaction pooler
     * @param forwarded       the server listens on another port than we connected to: a proxy or pooler
     * @param serverPort      the port PostgreSQL itself listens on (0 over a Unix socket)
     * @param hostedPooler    the host name looks like a hosted pooler's
     */
    record Finding(boolean transactionMode, boolean forwarded, int serverPort, boolean hostedPooler) {
    }
}
