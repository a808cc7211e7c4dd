package dev.fairway.db.postgres;

import dev.fairway.db.SqlFailures;

import dev.fairway.db.pool.DriverProperties;

import dev.fairway.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on a PostgreSQL channel over a connection of its own (LISTEN is session state: it
 * needs a direct connection, never a transaction pooler's). A lost connection is noticed within
 * {@link #HEARTBEAT} plus a socket timeout, told to the handler, and re-established with backoff;
 * every (re)connection is told too, because whatever was sent while no one listened is lost.
 */
public final class NotificationListener implements AutoCloseable {

    /** What the listener reports. */
    public interface Handler {
        void notified(String payload);

        /** Listening (again): notifications from before this moment were missed. */
        void subscribed();

        /** The connection is gone: until {@link #subscribed()} nothing will be heard. */
        void lost();
    }

    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);
    public static final String APPLICATION_NAME = "fairway-listen";
    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    private final DatabaseUrl url;
    private final String channel;
    private final Handler handler;
    private volatile boolean closed;
    private volatile Connection current;
    private Thread worker;

    public NotificationListener(DatabaseUrl url, String channel, Handler handler) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.url = url;
        this.channel = channel;
        this.handler = handler;
    }

    public void start() {
        worker = Thread.ofVirtual().name("listen-" + channel).start(this::run);
    }

    private void run() {
        DoublingWait wait = new DoublingWait(FIRST_RETRY, MAX_RETRY);
        boolean everConnected = false;
        boolean connected = false;
        while (!closed) {
            try (Connection connection = connect()) {
                current = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                connected = true;
                if (everConnected) {
                    log.info("Listening on {} again", channel);
                }
                everConnected = true;
                wait.reset();
                handler.subscribed();
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (connected) {
                    log.warn("Lost the connection listening on {}: {}; reconnecting", channel, SqlFailures.describe(e));
                }
            } finally {
                current = null;
            }
            if (connected) {
                connected = false;
                handler.lost();
            }
            if (!wait.sleep()) {
                return;
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        try (Statement heartbeat = connection.createStatement()) {
            while (!closed) {
                PGNotification[] notifications = postgres.getNotifications((int) HEARTBEAT.toMillis());
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        handler.notified(notification.getParameter());
                    }
                }
                heartbeat.execute("select 1"); // a dead or silent connection fails here, within the socket timeout
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = url.connectionProperties();
        DriverProperties.setTimeouts(properties, SOCKET_TIMEOUT, SOCKET_TIMEOUT);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        Connection connection = new org.postgresql.Driver().connect(url.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("pgjdbc did not accept " + url.jdbcUrl());
        }
        return connection;
    }

    @Override
    public void close() {
        closed = true;
        Connection connection = current;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        if (worker != null) {
            worker.interrupt();
        }
    }
}
