package dev.fairway.config;

import java.time.Duration;

/**
 * How long availability may be answered from memory.
 *
 * @param ttl    without a LISTEN connection, cached booked counts are used for this long;
 *               zero turns the read cache off (the last read is still kept for stale answers)
 * @param listen whether to LISTEN for changes on a direct connection, which makes cached counts
 *               valid until a change is heard
 */
public record CacheSettings(Duration ttl, boolean listen) {

    /** Short: another instance's booking shows within a second even without LISTEN. */
    public static final Duration TTL = Duration.ofSeconds(1);
    /** With LISTEN, a cached day is still re-read after this long, in case a notification was missed. */
    public static final Duration LISTENING_MAX_AGE = Duration.ofSeconds(60);

    public static CacheSettings defaults() {
        return new CacheSettings(TTL, true);
    }
}
