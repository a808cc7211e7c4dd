package dev.fairway.db.check;

import dev.fairway.config.DatabaseUrl;
import dev.fairway.config.HostAndPort;
import dev.fairway.db.postgres.Migrations;
import dev.fairway.db.pool.PoolSettings;
import dev.fairway.db.postgres.Replication;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.Driver;

/**
 * {@code fairway check-db}: connects to the configured database step by step (DNS, TCP, TLS, login,
 * server, pooler, latency, migrations), times each step, and explains each failure with its fix.
 * No step waits longer than the connect timeout.
 */
public final class ConnectionCheck {

    private static final int LATENCY_SAMPLES = 10;

    private final DatabaseUrl url;
    private final Duration stepTimeout;
    private final FailureDiagnosis diagnosis;
    private final HostAndPort server;

    public ConnectionCheck(DatabaseUrl url) {
        this.url = url;
        this.stepTimeout = PoolSettings.forUrl(url).connectTimeout();
        this.diagnosis = new FailureDiagnosis(url);
        this.server = url.primaryHost();
    }

    public CheckReport run() {
        List<StepResult> steps = new ArrayList<>();
        steps.add(urlStep());
        NetworkChecks network = new NetworkChecks(url, stepTimeout, diagnosis);
        NetworkChecks.Resolution dns = network.resolve();
        steps.add(dns.result());
        if (dns.address() == null) {
            return finish(steps);
        }
        steps.add(timed(Step.TCP, () -> network.tcpConnect(dns.address())));
        if (lastPassed(steps)) {
            steps.add(timed(Step.TLS, () -> network.tlsProbe(dns.address())));
        }
        if (!lastPassed(steps)) {
            return finish(steps);
        }
        try (Connection a = timedLogin(steps)) {
            if (a == null) {
                return finish(steps);
            }
            steps.add(timed(Step.SERVER, () -> serverVersion(a)));
            steps.add(timed(Step.REPLICATION, () -> replication(a)));
            try (Connection b = connect()) {
                steps.add(timed(Step.POOLER, () -> pooler(a, b)));
            } catch (SQLException e) {
                steps.add(StepResult.warn(Step.POOLER, Duration.ZERO, "could not open a second connection",
                        diagnosis.forLogin(e)));
            }
            steps.add(timed(Step.LATENCY, () -> latency(a)));
        } catch (SQLException e) {
            // closing the connection failed; every step already has its result
        }
        steps.add(timed(Step.MIGRATIONS, this::migrations));
        return finish(steps);
    }

    private CheckReport finish(List<StepResult> steps) {
        Set<Step> done = steps.stream().map(StepResult::step).collect(Collectors.toSet());
        for (Step step : Step.values()) {
            if (!done.contains(step)) {
                steps.add(StepResult.skipped(step, "not run: an earlier step failed"));
            }
        }
        return new CheckReport(url.redacted(), steps);
    }

    private static boolean lastPassed(List<StepResult> steps) {
        return steps.getLast().outcome() != StepResult.Outcome.FAIL;
    }

    private StepResult urlStep() {
        String finding = url.hosts().size() > 1
                ? "servers " + url.hosts().stream().map(HostAndPort::toString).collect(Collectors.joining(", "))
                        + "; checking the first"
                : "server " + server + ", database " + url.database() + ", user " + url.user();
        if (!url.warnings().isEmpty()) {
            return StepResult.warn(Step.URL, Duration.ZERO, finding, String.join("; ", url.warnings()));
        }
        return StepResult.ok(Step.URL, Duration.ZERO, finding);
    }

    private Connection timedLogin(List<StepResult> steps) {
        long start = System.nanoTime();
        try {
            Connection connection = connect();
            steps.add(StepResult.ok(Step.AUTHENTICATION, since(start), "logged in as " + url.user()
                    + " to database " + url.database()));
            return connection;
        } catch (SQLException e) {
            steps.add(StepResult.fail(Step.AUTHENTICATION, since(start),
                    FailureDiagnosis.firstLine(String.valueOf(e.getMessage())), diagnosis.forLogin(e)));
            return null;
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = url.connectionProperties();
        long seconds = Math.max(1, stepTimeout.toSeconds());
        properties.setProperty("connectTimeout", Long.toString(seconds));
        properties.setProperty("loginTimeout", Long.toString(seconds));
        properties.setProperty("socketTimeout", Long.toString(seconds));
        properties.setProperty("ApplicationName", "fairway check-db");
        properties.setProperty("prepareThreshold", "0");
        Connection connection = new Driver().connect(url.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("pgjdbc does not accept " + url.jdbcUrl());
        }
        return connection;
    }

    private StepResult serverVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "select current_setting('server_version'), current_setting('max_connections')")) {
            rs.next();
            return StepResult.ok(Step.SERVER, null, "PostgreSQL " + rs.getString(1) + ", max_connections "
                    + rs.getString(2));
        }
    }

    /** Whether the server takes writes, and whether a failover could lose what it acknowledged. */
    private StepResult replication(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select pg_is_in_recovery()")) {
            rs.next();
            if (rs.getBoolean(1)) {
                return StepResult.fail(Step.REPLICATION, null, "this server is a standby: it takes no bookings",
                        "point DATABASE_URL at the primary, or name primary and standbys with "
                                + "target_session_attrs=read-write (postgres://u:p@h1:5432,h2:5432/db?...)");
            }
        }
        Replication found = Replication.read(connection);
        String lose = "a failover can lose bookings already acknowledged";
        String fix = "for none to be lost, make a standby synchronous (synchronous_standby_names on the primary) and "
                + "set FAIRWAY_DB_REQUIRE_SYNC_STANDBY=true";
        if (found.synchronousStandbys() == null) {
            return StepResult.warn(Step.REPLICATION, null, "synchronous_standby_names = '"
                    + found.synchronousStandbyNames() + "'; this role may not see the standbys",
                    "grant it pg_monitor to have check-db and /health/ready tell whether " + lose);
        }
        if (!found.synchronousStandbyNames().isBlank()) {
            if (found.synchronousStandbys() > 0) {
                return StepResult.ok(Step.REPLICATION, null, "synchronous: " + found.synchronousStandbys()
                        + " standby(s) confirm every commit; a failover to one loses no acknowledged booking");
            }
            return StepResult.warn(Step.REPLICATION, null, "synchronous_standby_names = '"
                    + found.synchronousStandbyNames() + "' but no such standby is streaming",
                    "every commit waits until one is back (Fairway answers 503 meanwhile): start the standby, or "
                            + "clear synchronous_standby_names and accept that " + lose);
        }
        if (found.asynchronousStandbys() > 0) {
            return StepResult.warn(Step.REPLICATION, null, "asynchronous: " + found.asynchronousStandbys()
                    + " standby(s), commits do not wait for them: " + lose, fix);
        }
        return StepResult.ok(Step.REPLICATION, null, "no standby streaming: nothing to fail over to, and so nothing a "
                + "failover could lose");
    }

    private StepResult pooler(Connection a, Connection b) throws SQLException {
        PoolerDetector.Finding finding = new PoolerDetector(url).detect(a, b);
        if (finding.transactionMode()) {
            if (url.transactionPooler()) {
                return StepResult.ok(Step.POOLER, null, "a transaction-mode pooler; the URL says so (pgbouncer=true "
                        + "or port 6543): no server-side prepared statements, no session state");
            }
            return StepResult.fail(Step.POOLER, null, "a transaction-mode pooler is in front",
                    "add pgbouncer=true to the URL: through a transaction pooler, prepared statements fail with "
                            + "'prepared statement \"S_1\" does not exist' and session settings vanish");
        }
        if (finding.forwarded() || finding.hostedPooler()) {
            String what = finding.forwarded()
                    ? "a proxy or session-mode pooler (PostgreSQL itself listens on port " + finding.serverPort() + ")"
                    : "a session-mode pooler (by its host name)";
            return StepResult.warn(Step.POOLER, null, what,
                    "in session mode each client connection holds a server connection: keep connection_limit "
                            + "times instances under the pooler's pool size, or use its transaction-mode port "
                            + "(6543 on Supabase) with pgbouncer=true");
        }
        if (url.pgbouncer()) {
            return StepResult.warn(Step.POOLER, null, "none detected, but the URL says pgbouncer=true",
                    "harmless, but statements are not prepared server-side: drop pgbouncer=true for a direct "
                            + "connection");
        }
        return StepResult.ok(Step.POOLER, null, "none detected: a direct connection to PostgreSQL");
    }

    private StepResult latency(Connection connection) throws SQLException {
        double[] millis = new double[LATENCY_SAMPLES];
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                long start = System.nanoTime();
                try (ResultSet rs = statement.executeQuery("select 1")) {
                    rs.next();
                }
                millis[i] = (System.nanoTime() - start) / 1_000_000.0;
            }
        }
        Arrays.sort(millis);
        double median = (millis[LATENCY_SAMPLES / 2 - 1] + millis[LATENCY_SAMPLES / 2]) / 2;
        return StepResult.ok(Step.LATENCY, null, String.format("median %.2f ms over %d x SELECT 1 (min %.2f, max %.2f)",
                median, LATENCY_SAMPLES, millis[0], millis[LATENCY_SAMPLES - 1]));
    }

    private StepResult migrations() {
        try {
            Migrations.MigrationState state = new Migrations(url, stepTimeout).state();
            if (state.upToDate()) {
                return StepResult.ok(Step.MIGRATIONS, null, "up to date at version " + state.current());
            }
            return StepResult.warn(Step.MIGRATIONS, null, state.pending() + " pending (at version " + state.current()
                    + ", latest " + state.latest() + ")", "run `fairway migrate`, or start `fairway serve`, "
                    + "which migrates first");
        } catch (RuntimeException e) {
            return StepResult.warn(Step.MIGRATIONS, null, "could not read the migration history",
                    FailureDiagnosis.firstLine(String.valueOf(e.getMessage())));
        }
    }

    private StepResult timed(Step step, CheckedStep body) {
        long start = System.nanoTime();
        StepResult result;
        try {
            result = body.run();
        } catch (SQLException e) {
            result = StepResult.fail(step, null, FailureDiagnosis.firstLine(String.valueOf(e.getMessage())),
                    diagnosis.forLogin(e));
        } catch (Exception e) {
            result = StepResult.fail(step, null, String.valueOf(e.getMessage()), diagnosis.forNetwork(e));
        }
        return new StepResult(result.step(), result.outcome(), since(start), result.finding(), result.diagnosis());
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @FunctionalInterface
    private interface CheckedStep {
        StepResult run() throws Exception;
    }
}
