package dev.fairway.bookings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A booking of a tee time.
 *
 * @param id        at least 128 random bits, URL-safe: the booking's only credential
 * @param courseId  the course
 * @param start     the tee time's instant
 * @param players   players booked
 * @param name      the name it is under
 * @param email     the contact email, or null
 * @param status    confirmed, checked-in, no-show or cancelled
 * @param createdAt when it was made
 * @param golferId  the signed-in golfer whose booking it is, or null
 * @param booker    who it counts against for the limits (the golfer's or the given email, lower-cased), or null
 * @param tee       the tee the round starts from
 * @param holes     9 or 18
 * @param turn      the slot of its second nine, or null
 * @param pricePerPlayer the price it was made at, or null without a rate
 * @param groupId   the group it is a part of, or null
 * @param notes     the staff's notes, or null
 * @param sequence  its calendar entry's revision: each change emailed to the golfer raises it
 */
public record Booking(String id, String courseId, Instant start, int players, String name, String email,
                      Status status, Instant createdAt, String golferId, String booker, String tee, int holes,
                      Slot turn, BigDecimal pricePerPlayer, String groupId, String notes, int sequence) {

    public Booking {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(tee, "tee");
    }

    /** A slot of a tee: its tee and its tee time. */
    public record Slot(String tee, Instant start) {
    }

    /** The slot the round starts on. */
    public Slot startSlot() {
        return new Slot(tee, start);
    }

    /** The price of the whole party, or null without a rate. */
    public BigDecimal price() {
        return pricePerPlayer == null ? null : pricePerPlayer.multiply(BigDecimal.valueOf(players));
    }

    /** A new booking: confirmed, without notes, at its first revision. */
    public Booking(String id, String courseId, Instant start, int players, String name, String email, Instant createdAt,
                   String golferId, String booker, String tee, int holes, Slot turn, BigDecimal pricePerPlayer,
                   String groupId) {
        this(id, courseId, start, players, name, email, Status.CONFIRMED, createdAt, golferId, booker, tee, holes, turn,
                pricePerPlayer, groupId, null, 0);
    }

    /** This booking with another status. */
    public Booking withStatus(Status other) {
        return new Booking(id, courseId, start, players, name, email, other, createdAt, golferId, booker, tee, holes, turn,
                pricePerPlayer, groupId, notes, sequence);
    }

    /** Whether it holds its spots: every status but cancelled. */
    public boolean holdsSpots() {
        return status != Status.CANCELLED;
    }

    /** The slots it holds, start first. */
    public java.util.List<Slot> slots() {
        return turn == null ? java.util.List.of(startSlot()) : java.util.List.of(startSlot(), turn);
    }

    /** The contract's booking statuses. */
    public enum Status {
        CONFIRMED("confirmed"), CANCELLED("cancelled"), CHECKED_IN("checked-in"), NO_SHOW("no-show");

        private final String json;

        Status(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public static Status of(String json) {
            for (Status status : values()) {
                if (status.json.equals(json)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("no booking status " + json);
        }
    }
}
