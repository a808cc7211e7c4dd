package dev.fairway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Fairway is configured with, read once at start from the environment (flags of the
 * same meaning override it) and validated here, so a bad value stops the start with a message
 * naming the setting.
 *
 * @param database            {@code DATABASE_URL}; empty means the embedded PostgreSQL
 * @param direct              {@code DIRECT_URL}: a connection that bypasses any pooler, for
 *                            migrations and LISTEN
 * @param port                {@code PORT}: the HTTP port
 * @param http                {@code FAIRWAY_HOST}, {@code FAIRWAY_METRICS_TOKEN}: how the HTTP server is reached
 * @param adminToken          {@code FAIRWAY_ADMIN_TOKEN}: the bearer token of admin calls
 * @param adminTokenGenerated true when no token was configured and one was made up at start
 * @param dataDir             {@code FAIRWAY_DATA_DIR}: where the embedded database keeps its files
 * @param resilience          {@code FAIRWAY_DB_*}: deadline, retries, retry budget, circuit breaker
 * @param cache               {@code FAIRWAY_CACHE_TTL_MS}, {@code FAIRWAY_CACHE_LISTEN}: the availability cache
 * @param mail                {@code FAIRWAY_SMTP_URL}, {@code FAIRWAY_MAIL_FROM}, {@code FAIRWAY_PUBLIC_URL}: email
 */
public record Settings(
        Optional<DatabaseUrl> database,
        Optional<DatabaseUrl> direct,
        int port,
        HttpSettings http,
        Secret adminToken,
        boolean adminTokenGenerated,
        Path dataDir,
        ResilienceSettings resilience,
        CacheSettings cache,
        MailSettings mail) {

    public static final int PORT = 8080;
    public static final String DATA_DIR = "./fairway-data";
    /** A generated admin token carries this many random bytes (256 bits). */
    private static final int GENERATED_TOKEN_BYTES = 32;
    /** Shorter configured tokens are refused: they could be guessed. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

    /** Reads settings from {@code values}: environment variables, with flags already laid over them. */
    public static Settings from(Map<String, String> values) {
        EnvironmentValues env = new EnvironmentValues(values);
        Optional<DatabaseUrl> database = url(env, "DATABASE_URL");
        Optional<DatabaseUrl> direct = url(env, "DIRECT_URL");
        if (direct.isPresent() && database.isEmpty()) {
            throw new InvalidSettingException("DIRECT_URL is set but DATABASE_URL is not: set both, or neither "
                    + "to use the embedded database");
        }
        int port = port(env.text("PORT").orElse(Integer.toString(PORT)));
        Optional<String> host = env.text("FAIRWAY_HOST").map(Settings::localAddress);
        Optional<Secret> metricsToken = env.text("FAIRWAY_METRICS_TOKEN").map(value -> {
            checkToken("FAIRWAY_METRICS_TOKEN", value);
            return new Secret(value);
        });
        Optional<String> token = env.text("FAIRWAY_ADMIN_TOKEN");
        token.ifPresent(value -> checkToken("FAIRWAY_ADMIN_TOKEN", value));
        Path dataDir = Path.of(env.text("FAIRWAY_DATA_DIR").orElse(DATA_DIR)).toAbsolutePath().normalize();
        return new Settings(database, direct, port, new HttpSettings(host, metricsToken, RateLimitSettings.read(env)),
                new Secret(token.orElseGet(Settings::generateToken)), token.isEmpty(), dataDir,
                ResilienceEnvironment.read(env), cache(env), mail(env, port));
    }

    /** These settings with {@code other} HTTP settings. */
    public Settings withHttp(HttpSettings other) {
        return new Settings(database, direct, port, other, adminToken, adminTokenGenerated, dataDir, resilience, cache, mail);
    }

    /** These settings with the admin token {@code token}, kept rather than generated for this run. */
    public Settings withAdminToken(Secret token) {
        return new Settings(database, direct, port, http, token, false, dataDir, resilience, cache, mail);
    }

    /** These settings with {@code other} email settings. */
    public Settings withMail(MailSettings other) {
        return new Settings(database, direct, port, http, adminToken, adminTokenGenerated, dataDir, resilience, cache, other);
    }

    public boolean embedded() {
        return database.isEmpty();
    }

    /** The URL for migrations and LISTEN: {@code DIRECT_URL} when set, else {@code DATABASE_URL}. */
    public Optional<DatabaseUrl> migrationUrl() {
        return direct.or(() -> database);
    }

    private static CacheSettings cache(EnvironmentValues env) {
        return new CacheSettings(env.millis("FAIRWAY_CACHE_TTL_MS", CacheSettings.TTL, 0, 3_600_000),
                env.flag("FAIRWAY_CACHE_LISTEN", true));
    }

    private static MailSettings mail(EnvironmentValues env, int port) {
        Optional<String> smtpText = env.text("FAIRWAY_SMTP_URL");
        boolean console = smtpText.filter(MailSettings.CONSOLE::equalsIgnoreCase).isPresent();
        Optional<SmtpUrl> smtp = console ? Optional.empty() : smtpText.map(SmtpUrl::parse);
        String from = env.text("FAIRWAY_MAIL_FROM").orElse(MailSettings.FROM);
        PublicUrl publicUrl = env.text("FAIRWAY_PUBLIC_URL").map(Settings::publicUrl).map(PublicUrl::given)
                .orElseGet(() -> PublicUrl.ofListeningPort(port));
        return new MailSettings(smtp, from, publicUrl, console);
    }

    private static URI publicUrl(String text) {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidSettingException("FAIRWAY_PUBLIC_URL must be an http or https URL with no query, such as "
                + "https://tee-times.example.com, not '" + text + "'");
    }

    private static Optional<DatabaseUrl> url(EnvironmentValues env, String name) {
        return env.text(name).map(url -> DatabaseUrl.parse(name, url));
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException("PORT must be a number from 0 to 65535 (0 picks a free port), not '"
                + text + "'");
    }

    /**
     * A host to listen on must be an address of this machine (or a name for one): anything else
     * would fail later, in the HTTP server, with a less useful message.
     */
    private static String localAddress(String host) {
        try {
            java.net.InetAddress address = java.net.InetAddress.getByName(host);
            if (address.isAnyLocalAddress() || java.net.NetworkInterface.getByInetAddress(address) != null) {
                return host;
            }
        } catch (java.io.IOException e) {
            // reported below
        }
        throw new InvalidSettingException("FAIRWAY_HOST '" + host + "' is not an address of this machine: use one of "
                + "its addresses (127.0.0.1 for this machine only, 0.0.0.0 for every IPv4 interface) or leave it "
                + "unset for every interface");
    }

    private static void checkToken(String name, String token) {
        if (token.length() < MIN_ADMIN_TOKEN_LENGTH) {
            throw new InvalidSettingException(name + " is shorter than " + MIN_ADMIN_TOKEN_LENGTH
                    + " characters: use a long random value, e.g. from `openssl rand -base64 32`");
        }
    }

    private static String generateToken() {
        byte[] bytes = new byte[GENERATED_TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
