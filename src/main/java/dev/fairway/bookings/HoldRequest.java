package dev.fairway.bookings;

import java.time.Instant;

/**
 * What a golfer asks to hold (or a waitlist offer holds for them).
 *
 * @param courseId the course
 * @param start    the tee time
 * @param tee      the tee the round starts from
 * @param holes    9 or 18
 * @param players  the party size
 * @param email    the anonymous booker's email, or the golfer's
 * @param golferId the signed-in golfer, or null
 * @param booker   who it counts against: one live hold each per course
 */
public record HoldRequest(String courseId, Instant start, String tee, int holes, int players, String email,
                          String golferId, String booker) {

    /** The booking request the hold's rules are judged as: the same round, for the same party. */
    BookingRequest asBooking() {
        return new BookingRequest(courseId, start, players, "", email, golferId, booker, tee, holes);
    }
}
