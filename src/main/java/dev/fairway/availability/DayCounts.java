package dev.fairway.availability;

import dev.fairway.teesheet.Block;
import java.time.Instant;
import java.util.List;

/**
 * What the database said about one course-day: players booked per tee time and the blocks that
 * overlap the day.
 *
 * @param epochSeconds tee times with players booked, in instant order
 * @param booked       players booked on each of them
 * @param blocks       blocks overlapping the day
 * @param asOf         when it was read from the database
 * @param superseded   a change to the day was heard after it was read: good only for a stale answer
 * @param held         players of live holds on each of them
 * @param heldUntil    when the first of those holds lapses (no change is heard of a lapse), or null
 */
public record DayCounts(long[] epochSeconds, int[] booked, List<Block> blocks, Instant asOf, boolean superseded,
                        int[] held, Instant heldUntil) {

    public DayCounts {
        blocks = List.copyOf(blocks);
    }

    DayCounts supersede() {
        return superseded ? this : new DayCounts(epochSeconds, booked, blocks, asOf, true, held, heldUntil);
    }

    /** Whether it may answer at {@code now}: not once a hold it counts has lapsed. */
    boolean holdsCurrentAt(Instant now) {
        return heldUntil == null || now.isBefore(heldUntil);
    }

    /** Whichever of this and {@code other} was read last. */
    DayCounts later(DayCounts other) {
        return other.asOf.isAfter(asOf) ? other : this;
    }
}
