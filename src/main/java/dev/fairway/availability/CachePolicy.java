package dev.fairway.availability;

import dev.fairway.config.CacheSettings;
import dev.fairway.config.DatabaseUrl;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long availability may come from memory: until another instance's change is heard, when
 * changes are heard through LISTEN; for the TTL otherwise; never, with a TTL of zero.
 */
public final class CachePolicy {

    private static final Logger log = LoggerFactory.getLogger(CachePolicy.class);

    private final CacheSettings settings;
    private final ChangeNotifications heard;

    public CachePolicy(CacheSettings settings, ChangeNotifications heard) {
        this.settings = settings;
        this.heard = heard;
    }

    /** How long a day read now may be answered from memory. */
    public Duration freshFor() {
        if (settings.ttl().isZero()) {
            return Duration.ZERO;
        }
        return heard.listening() ? CacheSettings.LISTENING_MAX_AGE : settings.ttl();
    }

    /**
     * The URL to LISTEN on: a direct connection. None behind a transaction pooler without a
     * direct URL (LISTEN needs a session of its own), nor when LISTEN is turned off.
     *
     * @param url    the service's database URL
     * @param direct a URL around any pooler, when one was given (the embedded database's own is one)
     */
    public static Optional<DatabaseUrl> listenUrl(CacheSettings settings, DatabaseUrl url, Optional<DatabaseUrl> direct) {
        if (!settings.listen()) {
            return Optional.empty();
        }
        Optional<DatabaseUrl> listenOn = direct.or(() -> url.transactionPooler() ? Optional.empty() : Optional.of(url));
        if (listenOn.isEmpty()) {
            log.warn("DATABASE_URL is a transaction pooler and DIRECT_URL is not set: other instances' bookings show "
                    + "in availability only after the cache TTL ({} ms); set DIRECT_URL to hear them at once",
                    settings.ttl().toMillis());
        }
        return listenOn;
    }
}
