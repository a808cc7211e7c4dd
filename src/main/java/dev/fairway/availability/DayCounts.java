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
 */
public record DayCounts(long[] epochSeconds, int[] booked, List<Block> blocks, Instant asOf) {

    public DayCounts {
        blocks = List.copyOf(blocks);
    }
}
