package dev.fairway.bookings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Spots of one round kept for a golfer until {@code expiresAt}: counted in its slots' {@code held}
 * until it is confirmed (its spots become the booking's), released or swept.
 *
 * @param id             at least 128 random bits: the hold's only credential
 * @param courseId       the course
 * @param tee            the tee the round starts from
 * @param start          the round's tee time
 * @param holes          9 or 18
 * @param turn           the slot of its second nine, or null
 * @param players        players held
 * @param golferId       the signed-in golfer it is for, or null
 * @param booker         who it counts against for the limits
 * @param email          its email, or null for a golfer (whose own is used)
 * @param pricePerPlayer the price when it was made, kept by the booking it becomes, or null
 * @param stored         its stored status: {@code held} until something ended it
 * @param createdAt      when it was made
 * @param expiresAt      when it lapses, if nothing ended it before
 * @param bookingId      the booking it became, or null
 */
public record Hold(String id, String courseId, String tee, Instant start, int holes, Booking.Slot turn, int players,
                   String golferId, String booker, String email, BigDecimal pricePerPlayer, String stored,
                   Instant createdAt, Instant expiresAt, String bookingId) {

    public Hold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The contract's status as of {@code now}: a hold still stored as held lapses at its end, with no job. */
    public String status(Instant now) {
        return "held".equals(stored) && !now.isBefore(expiresAt) ? "expired" : stored;
    }

    /** Whether its spots are still kept at {@code now}. */
    public boolean live(Instant now) {
        return "held".equals(stored) && now.isBefore(expiresAt);
    }

    public Booking.Slot startSlot() {
        return new Booking.Slot(tee, start);
    }
}
