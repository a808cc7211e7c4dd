package dev.fairway.config;

/**
 * How fast one client may call the API.
 *
 * @param enabled           {@code FAIRWAY_RATE_LIMIT}: off turns every limit off
 * @param requestsPerSecond {@code FAIRWAY_RATE_LIMIT_REQUESTS_PER_SECOND}: per client address, bursts of twice that
 * @param bookingsPerMinute {@code FAIRWAY_RATE_LIMIT_BOOKINGS_PER_MINUTE}: bookings and sign-ins, per
 *                          client address and per golfer (or email)
 * @param trustedProxies    {@code FAIRWAY_TRUSTED_PROXIES}: whose {@code X-Forwarded-For} names the client
 */
public record RateLimitSettings(boolean enabled, int requestsPerSecond, int bookingsPerMinute,
                                TrustedProxies trustedProxies) {

    public static final int REQUESTS_PER_SECOND = 20;
    public static final int BOOKINGS_PER_MINUTE = 10;

    public static RateLimitSettings defaults() {
        return new RateLimitSettings(true, REQUESTS_PER_SECOND, BOOKINGS_PER_MINUTE, TrustedProxies.NONE);
    }

    /** No limits: for tests that load the service from one address. */
    public static RateLimitSettings off() {
        return new RateLimitSettings(false, REQUESTS_PER_SECOND, BOOKINGS_PER_MINUTE, TrustedProxies.NONE);
    }

    static RateLimitSettings read(EnvironmentValues env) {
        return new RateLimitSettings(env.flag("FAIRWAY_RATE_LIMIT", true),
                env.integer("FAIRWAY_RATE_LIMIT_REQUESTS_PER_SECOND", REQUESTS_PER_SECOND, 1, 100_000),
                env.integer("FAIRWAY_RATE_LIMIT_BOOKINGS_PER_MINUTE", BOOKINGS_PER_MINUTE, 1, 100_000),
                env.text("FAIRWAY_TRUSTED_PROXIES").map(TrustedProxies::parse).orElse(TrustedProxies.NONE));
    }
}
