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
 * @param turn    its turn slot, or null
 */
public record BlockedBooking(String id, Instant start, String tee, String name, int players, Block turn) {

    /** A turn slot, as a block would cover it. */
    public record Block(String tee, Instant start) {
    }

    /** Whether {@code block} covers its start slot or its turn slot. */
    boolean inside(dev.fairway.teesheet.Block block) {
        return block.covers(tee, start) || (turn != null && block.covers(turn.tee(), turn.start()));
    }
}
