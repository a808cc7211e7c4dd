package dev.fairway.courses;

import dev.fairway.db.Database;
import dev.fairway.db.Deadline;
import dev.fairway.ids.RandomIds;
import dev.fairway.teesheet.Block;
import dev.fairway.teesheet.TeeSheetChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Blocks of a course's tee sheet. Bookings already inside a new block stay. */
public final class BlockService {

    public static final Duration MAX_LENGTH = Duration.ofDays(31);

    private final Database database;
    private final TeeSheetChanges changes;
    private final BlockStore store = new BlockStore();

    /** @param changes told of every block this instance adds or removes */
    public BlockService(Database database, TeeSheetChanges changes) {
        this.database = database;
        this.changes = changes;
    }

    /** A block and the confirmed bookings it covers. */
    public record Covering(Block block, List<BlockedBooking> bookingsInside) {
    }

    /**
     * Adds a block, and reads the bookings it covers in the same transaction; its id is made
     * before the first attempt, so a retried insert finds it.
     */
    public Covering add(String courseId, Instant start, Instant end, String reason, java.util.Set<String> tees,
                        Deadline deadline) {
        Block block = new Block(RandomIds.next(), start, end, reason, tees);
        List<BlockedBooking> inside = database.write("blocks.add", deadline, session -> {
            store.insert(session, courseId, block);
            return store.bookingsInside(session, courseId, start, end).stream().filter(b -> b.inside(block)).toList();
        });
        changes.blockChanged(courseId, start, end);
        return new Covering(block, inside);
    }

    /** The course's blocks that overlap {@code [from, to)}, each with what it covers: two statements in all. */
    public List<Covering> overlapping(String courseId, Instant from, Instant to, Deadline deadline) {
        return database.read("blocks.list", deadline, session -> {
            List<Block> blocks = store.overlapping(session, courseId, from, to);
            if (blocks.isEmpty()) {
                return List.<Covering>of();
            }
            Instant first = blocks.stream().map(Block::start).min(Instant::compareTo).orElseThrow();
            Instant last = blocks.stream().map(Block::end).max(Instant::compareTo).orElseThrow();
            List<BlockedBooking> bookings = store.bookingsInside(session, courseId, first, last);
            return blocks.stream().map(block -> new Covering(block, bookings.stream()
                    .filter(booking -> booking.inside(block)).toList())).toList();
        });
    }

    public boolean remove(String courseId, String blockId, Deadline deadline) {
        Optional<Block> removed = database.write("blocks.remove", deadline,
                session -> store.delete(session, courseId, blockId));
        removed.ifPresent(block -> changes.blockChanged(courseId, block.start(), block.end()));
        return removed.isPresent();
    }
}
