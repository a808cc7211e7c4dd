package dev.fairway.courses;

import java.time.Instant;

/**
 * A confirmed booking a block covers: it stays booked (blocks never cancel), and staff are told of
 * it so they can call the golfers.
 *
 * @param id      the booking's id
 * @param start   its tee time
 * @param tee     its tee
 * @param name    the name it is under
 * @param players how many play
 */
public record BlockedBooking(String id, Instant start, String tee, String name, int players) {

    boolean inside(Instant blockStart, Instant blockEnd) {
        return !start.isBefore(blockStart) && start.isBefore(blockEnd);
    }
}
