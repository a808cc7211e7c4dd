package dev.fairway.db.pool;

import dev.fairway.config.DatabaseUrl;
import java.time.Duration;
import java.util.Properties;

/** The pgjdbc properties of a connection Fairway opens: the URL's, plus timeouts and pooler safety. */
public final class DriverProperties {

    private DriverProperties() {
    }

    public static Properties forPool(DatabaseUrl url, PoolSettings settings) {
        Properties properties = url.connectionProperties();
        properties.putIfAbsent("ApplicationName", "fairway");
        properties.putIfAbsent("tcpKeepAlive", "true");
        // Server error details quote row values (a customer's email in a constraint violation);
        // keep them out of exception messages, which reach logs.
        properties.setProperty("logServerErrorDetail", "false");
        setTimeouts(properties, settings.connectTimeout(), settings.socketTimeout());
        if (url.transactionPooler()) {
            // A transaction pooler hands each transaction to any server connection, where a named
            // prepared statement of ours may not exist, or may exist twice.
            properties.setProperty("prepareThreshold", "0");
        } else {
            url.schema().ifPresent(schema -> properties.setProperty("currentSchema", schema));
        }
        return properties;
    }

    /**
     * The properties of a connection to one server of a URL that names several: Fairway finds the
     * primary among them itself ({@link NewestPrimaryDataSource}), so pgjdbc connects to the one
     * server it is given, whatever it is.
     */
    static Properties forServerOfMany(DatabaseUrl url, PoolSettings settings) {
        Properties properties = forPool(url, settings);
        properties.remove("targetServerType");
        return properties;
    }

    /**
     * pgjdbc's timeouts are whole seconds: rounded up, so a short timeout never becomes zero
     * (which pgjdbc reads as no timeout at all).
     *
     * @param connect the longest connect and log-in
     * @param socket  the longest wait for any answer; zero for none
     */
    public static void setTimeouts(Properties properties, Duration connect, Duration socket) {
        properties.setProperty("connectTimeout", Long.toString(ceilSeconds(connect)));
        properties.setProperty("loginTimeout", Long.toString(ceilSeconds(connect)));
        properties.setProperty("socketTimeout", Long.toString(ceilSeconds(socket)));
    }

    private static long ceilSeconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }
}
