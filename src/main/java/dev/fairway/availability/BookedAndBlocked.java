package dev.fairway.availability;

import dev.fairway.teesheet.Block;
import dev.fairway.teesheet.BookedCounts;
import java.time.Instant;
import java.util.List;

/**
 * What the database says about a course's dates: players booked per tee time, and blocks.
 *
 * @param booked the booked counts
 * @param blocks the blocks overlapping the dates
 * @param asOf   when they were read
 * @param heldUntil when the first live hold counted in them lapses, or null
 */
public record BookedAndBlocked(BookedCounts booked, List<Block> blocks, Instant asOf, Instant heldUntil) {

    public BookedAndBlocked {
        blocks = List.copyOf(blocks);
    }

    public BookedAndBlocked(BookedCounts booked, List<Block> blocks, Instant asOf) {
        this(booked, blocks, asOf, null);
    }
}
