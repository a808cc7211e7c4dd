package dev.fairway.draw;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A golfer's entry to a draw: the party, and up to five tee times in the order wanted.
 *
 * @param id           at least 128 random bits; its HMAC under the seed is its place in the draw
 * @param key          the draw
 * @param golferId     the golfer
 * @param golferEmail  where the outcome goes
 * @param golferName   the golfer's name, or null
 * @param booker       the golfer's booker key
 * @param players      the party size
 * @param holes        9 or 18
 * @param preferences  the tee times wanted, first first
 * @param status       entered or withdrawn
 * @param position     its place in the draw once drawn, else null
 * @param outcome      won or lost once drawn, else null
 * @param bookingId    the booking it won, or null
 * @param createdAt    when it was made
 */
public record DrawEntry(String id, DrawKey key, String golferId, String golferEmail, String golferName, String booker,
                        int players, int holes, List<Preference> preferences, String status, Integer position,
                        String outcome, String bookingId, Instant createdAt) {

    public DrawEntry {
        preferences = List.copyOf(preferences);
    }

    /** A tee time wanted: its start and tee. */
    public record Preference(Instant start, String tee) {
    }

    /** This entry under another id: the id of the golfer's entry it replaced. */
    DrawEntry withId(String stored) {
        return new DrawEntry(stored, key, golferId, golferEmail, golferName, booker, players, holes, preferences, status,
                position, outcome, bookingId, createdAt);
    }

    public LocalDate date() {
        return key.date();
    }
}
