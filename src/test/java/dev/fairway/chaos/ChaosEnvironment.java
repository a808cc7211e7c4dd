package dev.fairway.chaos;

import dev.fairway.Service;
import dev.fairway.config.MailSettings;
import dev.fairway.config.CacheSettings;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.config.ResilienceSettings;
import dev.fairway.config.Secret;
import dev.fairway.config.Settings;
import dev.fairway.db.postgres.EmbeddedDatabase;
import dev.fairway.support.Db;
import dev.fairway.support.FairwayProcess;
import dev.fairway.support.Http;
import dev.fairway.support.TcpProxy;
import dev.fairway.support.TestService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL of its own (so it can be stopped and started), a fault proxy in front of it, and
 * Fairway talking to it through the proxy, with one course to read and book: everything a
 * fault-injection scenario needs, each fault real.
 */
public final class ChaosEnvironment implements AutoCloseable {

    public static final String COURSE = "chaos";
    /** Bookings go to this date: far enough ahead to be bookable, the same for every run. */
    public static final LocalDate BOOKING_DATE = LocalDate.now(ZoneOffset.UTC).plusDays(30);

    private final Path dataDir;
    private final int postgresPort;
    private final TcpProxy proxy;
    private EmbeddedDatabase database;
    private Service service;

    private ChaosEnvironment(Path dataDir, int postgresPort) {
        this.dataDir = dataDir;
        this.postgresPort = postgresPort;
        this.database = EmbeddedDatabase.start(dataDir, postgresPort);
        this.proxy = TcpProxy.to(postgresPort);
    }

    public static ChaosEnvironment start() {
        try {
            ChaosEnvironment env = new ChaosEnvironment(Files.createTempDirectory("fairway-chaos"), FairwayProcess.freePort());
            env.startService();
            return env;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startService() {
        DatabaseUrl viaProxy = database.urlThrough(proxy.port());
        Settings settings = new Settings(Optional.of(viaProxy), Optional.empty(), 0, TestService.HTTP, new Secret(TestService.ADMIN_TOKEN),
                false, dataDir, ResilienceSettings.defaults(), CacheSettings.defaults(), MailSettings.defaults());
        service = TestService.startReady(settings, Clock.systemUTC());
        createCourse(http());
    }

    /** Stores the scenario's course, {@link #COURSE}: every day, all day, every 10 minutes, 4 players. */
    public static void createCourse(Http http) {
        String hours = "[{\"firstTeeTime\": \"00:00\", \"lastTeeTime\": \"23:50\"}]";
        StringBuilder week = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.append(week.isEmpty() ? "" : ", ").append('"').append(day).append("\": ").append(hours);
        }
        Http.Answer put = http.put("/api/courses/" + COURSE, "{\"name\": \"Chaos Links\", \"timeZone\": \"UTC\", "
                + "\"teeTimeIntervalMinutes\": 10, \"maxPlayersPerTeeTime\": 4, \"bookingWindowDays\": 730, "
                + "\"weeklyHours\": {" + week + "}}", "Authorization", "Bearer " + TestService.ADMIN_TOKEN);
        if (put.status() != 201 && put.status() != 200) {
            throw new IllegalStateException("could not create the course: " + put.status() + " " + put.body());
        }
    }

    public Service service() {
        return service;
    }

    public Http http() {
        return new Http(service.port());
    }

    public TcpProxy proxy() {
        return proxy;
    }

    /** SQL straight to PostgreSQL, around the proxy, as the superuser. */
    public Db db() {
        return new Db(database.superuserUrl(EmbeddedDatabase.DATABASE));
    }

    /** SQL straight to the server's {@code postgres} database: for what Fairway's database refuses. */
    public Db serverDb() {
        return new Db(database.superuserUrl("postgres"));
    }

    /** The database cannot be reached: open connections are reset, new ones refused (the port is closed). */
    public void refuseConnections() {
        proxy.refuseConnections();
        proxy.resetAll();
    }

    /** Connections are accepted and then nothing comes back, as from a host that vanished. */
    public void blackhole() {
        proxy.acceptConnections();
        proxy.blackhole(true);
    }

    /** PostgreSQL itself stops (a fast shutdown: its sessions are ended). */
    public void stopDatabase() {
        database.close();
        database = null;
    }

    public void startDatabase() {
        if (database == null) {
            database = EmbeddedDatabase.start(dataDir, postgresPort);
        }
    }

    /**
     * Makes the server refuse writes (25006) or take them again: new sessions of Fairway's
     * database are read-only, and Fairway's sessions are ended so it meets them, as after a demotion.
     */
    public void readOnly(boolean on) {
        serverDb().execute("alter database " + EmbeddedDatabase.DATABASE
                + (on ? " set default_transaction_read_only = on" : " reset default_transaction_read_only"));
        if (on) {
            terminateSessions();
        }
    }

    /** Ends every session Fairway has open, as an administrator or a failover would. */
    public int terminateSessions() {
        return (int) db().count(TERMINATE_FAIRWAY_SESSIONS);
    }

    private static final String TERMINATE_FAIRWAY_SESSIONS = "select count(pg_terminate_backend(pid)) "
            + "from pg_stat_activity where application_name = 'fairway' and pid <> pg_backend_pid()";

    /** Sets max_connections and restarts PostgreSQL so it takes effect. */
    public void restartWithMaxConnections(int max) {
        db().execute("alter system set max_connections = " + max);
        stopDatabase();
        startDatabase();
    }

    /** Another client that takes every free connection slot of the server. */
    public Hog hogConnections() {
        Hog hog = new Hog();
        hog.takeFreeSlots();
        return hog;
    }

    /** Connections held by another client; closing it gives them back. */
    public final class Hog implements AutoCloseable {
        private final List<Connection> held = new ArrayList<>();

        /** Takes slots until the server refuses (53300 too many clients). */
        public int takeFreeSlots() {
            int taken = 0;
            while (true) {
                try {
                    DatabaseUrl url = database.superuserUrl(EmbeddedDatabase.DATABASE);
                    held.add(DriverManager.getConnection(url.jdbcUrl(), url.connectionProperties()));
                    taken++;
                } catch (SQLException full) {
                    return taken;
                }
            }
        }

        public int held() {
            return held.size();
        }

        /** Ends Fairway's sessions through one of the held connections: the server has no slot for another. */
        public void terminateFairwaySessions() throws SQLException {
            try (var statement = held.getFirst().createStatement()) {
                statement.execute(TERMINATE_FAIRWAY_SESSIONS);
            }
        }

        @Override
        public void close() throws SQLException {
            for (Connection connection : held) {
                connection.close();
            }
            held.clear();
        }
    }

    /** The sum of a Prometheus metric's samples, over all its tags, from {@code /metrics}. */
    public double metric(String name) {
        double sum = 0;
        for (String line : http().get("/metrics").body().split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Everything back to normal: database running, proxy forwarding. */
    public void heal() {
        startDatabase();
        proxy.heal();
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
        proxy.close();
        if (database != null) {
            database.close();
        }
    }
}
