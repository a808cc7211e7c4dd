package dev.fairway.teesheet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
     * Until when a booker is suspended as of {@code now}, given their latest no-shows that count
     * ({@code latestFirst}: at tee times from {@link #countsFrom}, the latest first, at most
     * {@code strikes} of them); empty when not. The end is the earlier of {@code suspendDays} after
     * the latest and the moment the oldest of those leaves the {@code withinDays} window (from then
     * the booker no longer has {@code strikes} no-shows within it), so the {@code until} a booker is
     * told is when they may book again.
     */
    public Optional<Instant> suspendedUntil(List<Instant> latestFirst, Instant now) {
        if (latestFirst.size() < strikes) {
            return Optional.empty();
        }
        Instant served = latestFirst.getFirst().plus(Duration.ofDays(suspendDays));
        Instant aged = latestFirst.get(strikes - 1).plus(Duration.ofDays(withinDays));
        Instant until = served.isBefore(aged) ? served : aged;
        return now.isBefore(until) ? Optional.of(until) : Optional.empty();
    }
}
