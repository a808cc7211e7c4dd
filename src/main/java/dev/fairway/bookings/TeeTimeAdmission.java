package dev.fairway.bookings;

import dev.fairway.db.Deadline;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets the bookings of one tee time take at most half the pool at once, per instance, and all
 * bookings together all but two of its connections; the rest wait here, in line, holding no
 * connection. Bookings of one tee time queue on its row lock anyway; but when that lock is held by
 * a transaction whose client died, the waiters would otherwise take every pooled connection and
 * starve bookings of every other tee time until the server frees the lock. And on a release
 * morning, bookings of a few hot tee times waiting on their rows would otherwise hold every
 * connection while the golfers' reads (their tokens, availability) waited past the pool's limit.
 */
final class TeeTimeAdmission {

    /** Connections no booking may take: the reads' own. */
    static final int KEPT_FOR_READS = 2;

    private final int perTeeTime;
    private final Semaphore all;
    private final ConcurrentHashMap<Key, Line> lines = new ConcurrentHashMap<>();

    /**
     * @param connections the pool's size: one tee time gets at most half of it (at least 2), which
     *                    keeps a hot tee time near its full speed (bench/bookings: 2 cost it a third)
     *                    and leaves the other half to every other tee time; all bookings together
     *                    get {@link #KEPT_FOR_READS} fewer (but never fewer than one tee time's)
     */
    TeeTimeAdmission(int connections) {
        this.perTeeTime = Math.max(2, connections / 2);
        // Not fair: a booking that finds a permit free takes it, instead of handing each one
        // over to the longest waiter (bench/bookings: the handovers cost distinct tee times 15 %).
        this.all = new Semaphore(Math.max(perTeeTime, connections - KEPT_FOR_READS), false);
    }

    /** A tee time of a course. */
    private record Key(String courseId, Instant start) {
    }

    /** The bookings of one tee time in the database, and how many are in line or in. */
    private static final class Line {
        private final Semaphore permits;
        private int users;

        private Line(int permits) {
            this.permits = new Semaphore(permits, true);
        }
    }

    /** A place in the database for one booking; given back by {@link #close()}. */
    interface Admitted extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits, at most until {@code deadline}, for the tee time to let one more booking in.
     *
     * @return the admission, or null when the deadline passed first
     */
    Admitted enter(String courseId, Instant start, Deadline deadline) {
        Key key = new Key(courseId, start);
        Line line = lines.compute(key, (k, existing) -> {
            Line joined = existing == null ? new Line(perTeeTime) : existing;
            joined.users++;
            return joined;
        });
        if (!acquire(line.permits, deadline)) {
            leave(key);
            return null;
        }
        if (!acquire(all, deadline)) {
            line.permits.release();
            leave(key);
            return null;
        }
        return () -> {
            all.release();
            line.permits.release();
            leave(key);
        };
    }

    private static boolean acquire(Semaphore permits, Deadline deadline) {
        try {
            return permits.tryAcquire(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Tee times with bookings in line or in the database: for tests. */
    int busyTeeTimes() {
        return lines.size();
    }

    private void leave(Key key) {
        lines.computeIfPresent(key, (k, line) -> --line.users == 0 ? null : line);
    }
}
