package dev.fairway.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.postgresql.PGProperty;

/**
 * What each database URL parameter means, and where it goes: libpq's names, the ones Prisma users
 * put in their URLs, and pgjdbc's own property names (passed through as they are).
 */
final class UrlParameters {

    private static final Set<String> SSL_MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    /** libpq parameters the Java driver has no equivalent for; accepted, ignored, and said so. */
    private static final Set<String> LIBPQ_UNSUPPORTED = Set.of(
            "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout",
            "channel_binding", "gssencmode", "krbsrvname", "passfile", "service", "requiressl",
            "sslcompression", "sslcrl", "sslcrldir", "sslsni", "requirepeer", "ssl_min_protocol_version",
            "ssl_max_protocol_version", "client_encoding", "fallback_application_name", "hostaddr",
            "load_balance_hosts", "require_auth");

    private final String setting;
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> driver = new HashMap<>();
    private List<HostAndPort> hosts = List.of();
    private String user = "";
    private Secret password = Secret.NONE;
    private String database = "";
    private OptionalInt connectionLimit = OptionalInt.empty();
    private Optional<Duration> poolTimeout = Optional.empty();
    private Optional<Duration> connectTimeout = Optional.empty();
    private Optional<Duration> socketTimeout = Optional.empty();
    private boolean pgbouncer;
    private Optional<String> schema = Optional.empty();
    private String hostOverride;
    private Integer portOverride;

    UrlParameters(String setting) {
        this.setting = setting;
    }

    void hosts(List<HostAndPort> value) {
        hosts = value;
    }

    void user(String value) {
        user = value;
    }

    void password(Secret value) {
        password = value;
    }

    void database(String value) {
        database = value;
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    /** Applies one query parameter; the value is never repeated in a message. */
    void apply(String name, String value) {
        switch (name) {
            case "user" -> user = value;
            case "password" -> password = new Secret(value);
            case "dbname" -> database = value;
            case "host" -> hostOverride = value;
            case "port" -> portOverride = port(setting, value);
            case "sslmode" -> driver.put("sslmode", sslMode(value));
            case "sslaccept" -> driver.put("sslmode", sslAccept(value));
            case "sslcert", "sslkey", "sslrootcert", "sslpassword" -> driver.put(name, value);
            case "sslidentity" -> driver.put("sslkey", value);
            case "connect_timeout", "connectTimeout" -> connectTimeout(name, value);
            case "socket_timeout", "socketTimeout" -> socketTimeout = Optional.of(seconds(name, value));
            case "pool_timeout" -> poolTimeout = Optional.of(seconds(name, value));
            case "connection_limit" -> connectionLimit = OptionalInt.of(positive(name, value));
            case "pgbouncer" -> pgbouncer = bool(name, value);
            case "schema", "currentSchema" -> schema = Optional.of(schemaName(name, value));
            case "application_name" -> driver.put("ApplicationName", value);
            case "statement_cache_size" -> statementCacheSize(value);
            case "target_session_attrs" -> driver.put("targetServerType", targetServerType(value));
            case "keepalives" -> driver.put("tcpKeepAlive", Boolean.toString(!"0".equals(value)));
            case "options" -> driver.put("options", value);
            default -> passThrough(name, value);
        }
    }

    DatabaseUrl build() {
        if (hostOverride != null) {
            if (hostOverride.startsWith("/")) {
                throw invalid("parameter host names a Unix-domain socket: Fairway connects over TCP, "
                        + "use a host name such as localhost");
            }
            hosts = List.of(new HostAndPort(hostOverride, HostAndPort.POSTGRES_PORT));
        }
        if (portOverride != null) {
            hosts = hosts.stream().map(h -> new HostAndPort(h.host(), portOverride)).toList();
        }
        if (hosts.isEmpty()) {
            throw invalid("has no host: expected postgres://user:password@host:5432/database");
        }
        if (user.isEmpty()) {
            throw invalid("has no user name: put it before the host (postgres://user:password@host/db)"
                    + " or add ?user=");
        }
        if (database.isEmpty()) {
            database = user; // libpq's default
        }
        if (driver.containsKey("options") && (pgbouncer || hosts.stream().anyMatch(
                h -> h.port() == DatabaseUrl.TRANSACTION_POOLER_PORT))) {
            warnings.add("parameter options sends startup options, which PgBouncer and other transaction "
                    + "poolers reject; remove it");
        }
        return new DatabaseUrl(hosts, database, user, password, driver, connectionLimit, poolTimeout,
                connectTimeout, socketTimeout, pgbouncer, schema, warnings);
    }

    static int port(String setting, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(setting + " has a port that is not a number from 1 to 65535");
    }

    private void passThrough(String name, String value) {
        if (LIBPQ_UNSUPPORTED.contains(name)) {
            warnings.add("parameter " + name + " has no equivalent in the Java driver and is ignored");
        } else if (PGProperty.forName(name) != null) {
            driver.put(name, value);
        } else {
            warnings.add("parameter " + name + " is unknown and is ignored");
        }
    }

    private void connectTimeout(String name, String value) {
        connectTimeout = Optional.of(seconds(name, value));
        if (connectTimeout.get().isZero()) {
            warnings.add("parameter " + name + "=0 (wait forever) is replaced by Fairway's 5 s default: a connect "
                    + "that hangs would hold requests past their deadline");
        }
    }

    private void statementCacheSize(String value) {
        int size = nonNegative("statement_cache_size", value);
        driver.put("preparedStatementCacheQueries", Integer.toString(size));
        if (size == 0) {
            driver.put("prepareThreshold", "0");
        }
    }

    private String sslMode(String value) {
        String mode = value.toLowerCase(Locale.ROOT);
        if (!SSL_MODES.contains(mode)) {
            throw invalid("parameter sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full");
        }
        return mode;
    }

    private String sslAccept(String value) {
        return switch (value) {
            case "strict" -> "verify-full";
            case "accept_invalid_certs" -> "require";
            default -> throw invalid("parameter sslaccept must be strict or accept_invalid_certs");
        };
    }

    private String targetServerType(String value) {
        return switch (value) {
            case "any" -> "any";
            case "read-write", "primary" -> "primary";
            case "read-only", "standby" -> "secondary";
            case "prefer-standby" -> "preferSecondary";
            default -> throw invalid("parameter target_session_attrs must be one of any, read-write, read-only, "
                    + "primary, standby, prefer-standby");
        };
    }

    private String schemaName(String name, String value) {
        if (!value.matches("[A-Za-z_][A-Za-z0-9_$]{0,62}")) {
            throw invalid("parameter " + name + " must be a plain schema name (letters, digits, _; at most 63)");
        }
        return value;
    }

    private Duration seconds(String name, String value) {
        return Duration.ofSeconds(nonNegative(name, value));
    }

    private int positive(String name, String value) {
        int n = nonNegative(name, value);
        if (n == 0) {
            throw invalid("parameter " + name + " must be at least 1");
        }
        return n;
    }

    private int nonNegative(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("parameter " + name + " must be a whole number of 0 or more");
    }

    private boolean bool(String name, String value) {
        return EnvironmentValues.parseBoolean(value)
                .orElseThrow(() -> invalid("parameter " + name + " must be true or false"));
    }

    private InvalidSettingException invalid(String problem) {
        return new InvalidSettingException(setting + " " + problem);
    }
}
