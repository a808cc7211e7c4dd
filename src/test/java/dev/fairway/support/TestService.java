package dev.fairway.support;

import dev.fairway.Wiring;
import dev.fairway.Service;
import dev.fairway.config.HttpSettings;
import dev.fairway.config.MailSettings;
import dev.fairway.config.RateLimitSettings;
import dev.fairway.config.CacheSettings;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.config.ResilienceSettings;
import dev.fairway.config.Secret;
import dev.fairway.config.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Starts Fairway in this JVM on a free port, against a given database. */
public final class TestService {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    /** The tests load the service from one address: no rate limits, unless a test turns them on. */
    public static final HttpSettings HTTP = HttpSettings.defaults().withRateLimits(RateLimitSettings.off());

    private TestService() {
    }

    /**
     * Settings for {@code database}. When the tests run with {@code -Dfairway.test.pooler=pgbouncer}
     * (the build's second pass), a URL that points straight at the test PostgreSQL goes through a
     * shared transaction-mode PgBouncer instead, with {@code pgbouncer=true}, and the URL itself
     * becomes {@code DIRECT_URL}: the set-up README recommends for transaction poolers.
     */
    public static Settings settings(DatabaseUrl database) {
        return settings(database, CacheSettings.defaults());
    }

    /** Settings for {@code database} with the availability cache configured as {@code cache}. */
    public static Settings settings(DatabaseUrl database, CacheSettings cache) {
        DatabaseUrl routed = TestPooler.route(database);
        Optional<DatabaseUrl> direct = routed.equals(database) ? Optional.empty() : Optional.of(database);
        return new Settings(Optional.of(routed), direct, 0, HTTP, new Secret(ADMIN_TOKEN), false,
                Path.of("target", "unused-data-dir"), ResilienceSettings.defaults(), cache, MailSettings.defaults());
    }

    /** Starts Fairway and waits until its schema is migrated. */
    public static Service startReady(DatabaseUrl database) {
        return startReady(settings(database), Clock.systemUTC());
    }

    /** Starts Fairway telling the time by {@code clock}, and waits until its schema is migrated. */
    public static Service startReady(DatabaseUrl database, Clock clock) {
        return startReady(settings(database), clock);
    }

    /** Starts Fairway with {@code settings} and waits until its schema is migrated. */
    public static Service startReady(Settings settings, Clock clock) {
        Service service = Wiring.start(settings, clock);
        try {
            if (!service.awaitMigrated(Duration.ofSeconds(30))) {
                service.close();
                throw new IllegalStateException("Fairway did not migrate its schema within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return service;
    }
}
