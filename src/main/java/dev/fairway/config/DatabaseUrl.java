package dev.fairway.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where the database is and how to talk to it, as parsed from {@code DATABASE_URL}.
 * It holds only what the URL said; defaults are applied by the pool that uses it.
 *
 * @param hosts            one or more servers, tried in order
 * @param database         the database name
 * @param user             the user name
 * @param password         the password, never printed
 * @param driverProperties pgjdbc properties (by pgjdbc's names), without user and password
 * @param connectionLimit  Prisma's {@code connection_limit}: the pool's maximum size
 * @param poolTimeout      Prisma's {@code pool_timeout}: the longest wait for a pooled connection
 * @param connectTimeout   libpq's {@code connect_timeout}
 * @param socketTimeout    Prisma's {@code socket_timeout}: the longest wait for any answer
 * @param pgbouncer        Prisma's {@code pgbouncer=true}: a transaction-mode pooler is in front
 * @param schema           Prisma's {@code schema}: the schema Fairway's tables live in
 * @param warnings         what was ignored or replaced, one sentence each, naming the parameter
 */
public record DatabaseUrl(
        List<HostAndPort> hosts,
        String database,
        String user,
        Secret password,
        Map<String, String> driverProperties,
        OptionalInt connectionLimit,
        Optional<Duration> poolTimeout,
        Optional<Duration> connectTimeout,
        Optional<Duration> socketTimeout,
        boolean pgbouncer,
        Optional<String> schema,
        List<String> warnings) {

    /** Supavisor (Supabase) and many hosted poolers serve transaction mode on this port. */
    public static final int TRANSACTION_POOLER_PORT = 6543;

    /** pgjdbc properties whose values are secrets and so are never printed. */
    static final Set<String> SECRET_PROPERTIES = Set.of("sslpassword", "password");

    public DatabaseUrl {
        hosts = List.copyOf(hosts);
        driverProperties = Map.copyOf(driverProperties);
        warnings = List.copyOf(warnings);
    }

    public static DatabaseUrl parse(String url) {
        return parse("DATABASE_URL", url);
    }

    /** Parses {@code url}; an error message names {@code setting} and never repeats the URL. */
    public static DatabaseUrl parse(String setting, String url) {
        return new DatabaseUrlParser(setting, url).parse();
    }

    /**
     * True when the server is (or must be treated as) a transaction-mode pooler: then nothing may
     * rely on session state and no named prepared statement may be used.
     */
    public boolean transactionPooler() {
        return pgbouncer || hosts.stream().anyMatch(h -> h.port() == TRANSACTION_POOLER_PORT);
    }

    public HostAndPort primaryHost() {
        return hosts.getFirst();
    }

    /** The JDBC URL, with no user, password or other property in it. */
    public String jdbcUrl() {
        String servers = hosts.stream().map(HostAndPort::authority).collect(Collectors.joining(","));
        return "jdbc:postgresql://" + servers + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    /** Driver properties including user and password: what {@code DriverManager.getConnection} takes. */
    public Properties connectionProperties() {
        Properties properties = new Properties();
        properties.putAll(driverProperties);
        properties.setProperty("user", user);
        if (!password.isEmpty()) {
            properties.setProperty("password", password.reveal());
        }
        return properties;
    }

    /** A copy pointing at another database on the same servers, with the same credentials. */
    public DatabaseUrl withDatabase(String otherDatabase) {
        return new DatabaseUrl(hosts, otherDatabase, user, password, driverProperties, connectionLimit,
                poolTimeout, connectTimeout, socketTimeout, pgbouncer, schema, warnings);
    }

    /** The URL as it may be printed: no password, no secret parameter. */
    public String redacted() {
        String servers = hosts.stream().map(HostAndPort::authority).collect(Collectors.joining(","));
        Map<String, String> shown = new TreeMap<>();
        driverProperties.forEach((k, v) -> shown.put(k, SECRET_PROPERTIES.contains(k) ? "***" : v));
        connectionLimit.ifPresent(n -> shown.put("connection_limit", Integer.toString(n)));
        poolTimeout.ifPresent(d -> shown.put("pool_timeout", Long.toString(d.toSeconds())));
        connectTimeout.ifPresent(d -> shown.put("connect_timeout", Long.toString(d.toSeconds())));
        socketTimeout.ifPresent(d -> shown.put("socket_timeout", Long.toString(d.toSeconds())));
        schema.ifPresent(s -> shown.put("schema", s));
        if (pgbouncer) {
            shown.put("pgbouncer", "true");
        }
        String query = shown.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        String credentials = password.isEmpty() ? user : user + ":***";
        return "postgresql://" + credentials + "@" + servers + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    @Override
    public String toString() {
        return redacted();
    }
}
