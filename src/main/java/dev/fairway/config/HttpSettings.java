package dev.fairway.config;

import java.util.Optional;

/**
 * How the HTTP server is reached.
 *
 * @param host         {@code FAIRWAY_HOST}: the address to listen on; empty for every interface
 * @param metricsToken {@code FAIRWAY_METRICS_TOKEN}: when set, {@code /metrics} answers only a
 *                     request that carries it as a bearer token; empty for a public {@code /metrics}
 * @param rateLimits   {@code FAIRWAY_RATE_LIMIT*}, {@code FAIRWAY_TRUSTED_PROXIES}: how fast one client may call
 */
public record HttpSettings(Optional<String> host, Optional<Secret> metricsToken, RateLimitSettings rateLimits) {

    public static HttpSettings defaults() {
        return new HttpSettings(Optional.empty(), Optional.empty(), RateLimitSettings.defaults());
    }

    /** These settings, listening on {@code address}. */
    public HttpSettings withHost(String address) {
        return new HttpSettings(Optional.of(address), metricsToken, rateLimits);
    }

    /** These settings, limiting clients as {@code limits} says. */
    public HttpSettings withRateLimits(RateLimitSettings limits) {
        return new HttpSettings(host, metricsToken, limits);
    }
}
