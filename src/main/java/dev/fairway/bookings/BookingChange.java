package dev.fairway.bookings;

import java.time.Instant;
import java.util.Optional;

/**
 * What staff change of a booking ({@code PATCH /api/bookings/{id}}): each field empty when the
 * request leaves it out.
 *
 * @param start   a new tee time
 * @param tee     a new tee
 * @param holes   a new round length
 * @param players a new party size
 * @param name    a new name
 * @param notes   new notes: present and empty to clear them
 * @param status  confirmed (an undo), checked-in or no-show
 */
record BookingChange(Optional<Instant> start, Optional<String> tee, Optional<Integer> holes, Optional<Integer> players,
                     Optional<String> name, Optional<Optional<String>> notes, Optional<Booking.Status> status) {
}
