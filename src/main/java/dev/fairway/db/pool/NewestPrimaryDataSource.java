package dev.fairway.db.pool;

import dev.fairway.config.DatabaseUrl;
import dev.fairway.config.HostAndPort;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * The connections of a URL that names several servers ({@code h1:5432,h2:5432}): each one goes to
 * the primary with the newest timeline among the servers that answer, never to a standby, and
 * never to a primary whose timeline is older than one seen before.
 *
 * <p>Why not pgjdbc's own multi-host support: with {@code targetServerType=primary} it takes the
 * first server in the list that takes writes. After a failover, an old primary restarted without
 * its HA manager fencing it takes writes too, on the timeline it had before, and pgjdbc would send
 * new connections to it whenever it comes first in the list: bookings split across two servers
 * and tee times sold twice. A promotion always starts a new timeline, so the newest one is the
 * primary that holds the latest acknowledged writes.
 *
 * <p>How far this protects: within one Fairway process, which remembers the newest timeline it
 * saw. A freshly started instance that can reach only the old primary writes to it; only an HA
 * manager (Patroni, pg_auto_failover, a cloud's managed failover) that stops the old primary, or
 * keeps it from taking writes, protects against that.
 */
final class NewestPrimaryDataSource implements DataSource {

    /** Once a primary answered, how long the other servers have to answer too. */
    static final Duration OTHERS_GRACE = Duration.ofMillis(500);
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(NewestPrimaryDataSource.class);

    private final DatabaseUrl url;
    private final Properties properties;
    private final Duration connectTimeout;
    private final ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong newestTimeline = new AtomicLong();
    private final AtomicReference<HostAndPort> current = new AtomicReference<>();
    private volatile Runnable primaryChanged = () -> { };

    NewestPrimaryDataSource(DatabaseUrl url, Properties properties, Duration connectTimeout) {
        this.url = url;
        this.properties = properties;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(properties, connectTimeout);
    }

    /** A connection to the newest primary, made with {@code with}, waiting at most {@code wait} for the servers. */
    Connection connect(Properties with, Duration wait) throws SQLException {
        List<Found> found = askEveryServer(with, wait);
        try {
            Found chosen = choose(found);
            found.remove(chosen);
            HostAndPort previous = current.getAndSet(chosen.server().host());
            if (!chosen.server().host().equals(previous)) {
                log.info("Database primary: {} (timeline {})", chosen.server().host(), chosen.server().timeline());
                if (previous != null) {
                    // The pool's other connections go to a server that is no longer the newest
                    // primary (an old one still running takes writes that a failover loses): they go.
                    primaryChanged.run();
                }
            }
            return chosen.connection();
        } finally {
            found.forEach(Found::close);
        }
    }

    /** Runs {@code action} whenever a new connection goes to another server than the last one did. */
    void onPrimaryChanged(Runnable action) {
        this.primaryChanged = action;
    }

    /** The newest timeline seen on a primary so far, 0 before any. */
    long newestTimeline() {
        return newestTimeline.get();
    }

    /** The server the last connection went to, if any. */
    Optional<HostAndPort> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * Asks every server what it is, and remembers the newest primary timeline. Returns what each
     * that answered said.
     */
    List<ServerState> survey() {
        List<Found> found = askEveryServer(properties, connectTimeout);
        found.forEach(Found::close);
        return found.stream().map(Found::server).toList();
    }

    /** A server that answered, with its open connection. */
    private record Found(ServerState server, Connection connection) {
        void close() {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it was only asked what it is
            }
        }
    }

    private Found choose(List<Found> found) throws SQLException {
        Optional<Found> newest = found.stream().filter(f -> f.server().primary())
                .max(Comparator.comparingLong(f -> f.server().timeline()));
        if (newest.isEmpty()) {
            throw new NoPrimaryException("none of the database servers " + url.hosts() + " takes writes right now"
                    + (found.isEmpty() ? " (none answered)" : " (" + found.size() + " answered as standbys)"));
        }
        long seen = newestTimeline.get();
        if (newest.get().server().timeline() < seen) {
            throw new NoPrimaryException("the only primary among " + url.hosts() + " is on timeline "
                    + newest.get().server().timeline() + ", older than timeline " + seen + " seen before: it is an old "
                    + "primary that came back after a failover, and takes no bookings from Fairway");
        }
        return newest.get();
    }

    /** Connects to every server at once; waits for all, or for the first primary and a moment for the rest. */
    private List<Found> askEveryServer(Properties with, Duration wait) {
        List<CompletableFuture<Found>> asked = new ArrayList<>();
        for (HostAndPort host : url.hosts()) {
            asked.add(CompletableFuture.supplyAsync(() -> ask(host, with), probes));
        }
        long deadline = System.nanoTime() + wait.toNanos();
        long graceEnd = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, graceEnd) && !asked.stream().allMatch(CompletableFuture::isDone)) {
            if (graceEnd == Long.MAX_VALUE && asked.stream().anyMatch(f -> f.isDone() && f.join() != null
                    && f.join().server().primary())) {
                graceEnd = System.nanoTime() + OTHERS_GRACE.toNanos();
            }
            try {
                CompletableFuture.anyOf(asked.stream().filter(f -> !f.isDone()).toArray(CompletableFuture[]::new))
                        .get(Math.max(1, Math.min(deadline, graceEnd) - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // loop and look again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Found> found = new ArrayList<>();
        for (CompletableFuture<Found> answer : asked) {
            if (answer.isDone() && answer.join() != null) {
                found.add(answer.join());
            } else {
                // Too late: whatever it brings is closed when it comes.
                answer.thenAccept(late -> {
                    if (late != null) {
                        late.close();
                    }
                });
            }
        }
        found.stream().filter(f -> f.server().primary())
                .forEach(f -> newestTimeline.accumulateAndGet(f.server().timeline(), Math::max));
        return found;
    }

    /** Connects to one server and asks, in one round trip, whether it takes writes and on which timeline. */
    private Found ask(HostAndPort host, Properties with) {
        Connection connection = null;
        try {
            connection = new org.postgresql.Driver().connect(jdbcUrl(host), with);
            if (connection == null) {
                return null;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("select pg_is_in_recovery() "
                         + "or current_setting('transaction_read_only') = 'on', "
                         + "case when pg_is_in_recovery() then null else pg_walfile_name(pg_current_wal_lsn()) end")) {
                row.next();
                boolean standby = row.getBoolean(1);
                String walFile = row.getString(2);
                // A WAL file's name starts with its timeline, eight hex digits.
                long timeline = walFile == null ? 0 : Long.parseLong(walFile.substring(0, 8), 16);
                return new Found(new ServerState(host, !standby, timeline), connection);
            }
        } catch (SQLException | RuntimeException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // it failed already
                }
            }
            return null;
        }
    }

    private String jdbcUrl(HostAndPort host) {
        return "jdbc:postgresql://" + host.authority() + "/" + URLEncoder.encode(url.database(), StandardCharsets.UTF_8);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the user and password come from the database URL");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // pgjdbc logs through java.util.logging; nothing to set
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the URL's connect timeout applies
    }

    @Override
    public int getLoginTimeout() {
        return (int) connectTimeout.toSeconds();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
