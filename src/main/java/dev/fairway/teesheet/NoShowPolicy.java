package dev.fairway.teesheet;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When no-shows stop a booker booking: with at least {@code strikes} no-shows at tee times within
 * the last {@code withinDays} days, until {@code suspendDays} after the latest of them.
 *
 * @param strikes     no-shows that suspend (1..20)
 * @param withinDays  how far back they count (1..730)
 * @param suspendDays how long after the latest the booker is suspended (1..730)
 */
public record NoShowPolicy(int strikes, int withinDays, int suspendDays) {

    /** The earliest tee time a no-show counts from, as of {@code now}. */
    public Instant countsFrom(Instant now) {
        return now.minus(Duration.ofDays(withinDays));
    }

    /**
     * Until when a booker with {@code noShows} counted no-shows, the latest at {@code latest}, is
     * suspended as of {@code now}; empty when not.
     */
    public Optional<Instant> suspendedUntil(long noShows, Instant latest, Instant now) {
        if (noShows < strikes || latest == null) {
            return Optional.empty();
        }
        Instant until = latest.plus(Duration.ofDays(suspendDays));
        return now.isBefore(until) ? Optional.of(until) : Optional.empty();
    }
}
