package dev.fairway.bookings;

import dev.fairway.db.Deadline;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets at most a few bookings of one tee time at a time into the database, per instance; the
 * rest wait here, in line, holding no connection. Bookings of one tee time queue on its row lock
 * anyway, so this costs them nothing; but when that lock is held by a transaction whose client
 * died, the waiters would otherwise take every pooled connection and starve bookings of every
 * other tee time until the server frees the lock.
 */
final class TeeTimeAdmission {

    /** One in the database and one ready behind it keep a hot tee time's row busy. */
    static final int PER_TEE_TIME = 2;

    private final ConcurrentHashMap<Key, Line> lines = new ConcurrentHashMap<>();

    /** A tee time of a course. */
    private record Key(String courseId, Instant start) {
    }

    /** The bookings of one tee time in the database, and how many are in line or in. */
    private static final class Line {
        private final Semaphore permits = new Semaphore(PER_TEE_TIME, true);
        private int users;
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
            Line joined = existing == null ? new Line() : existing;
            joined.users++;
            return joined;
        });
        boolean admitted = false;
        try {
            admitted = line.permits.tryAcquire(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!admitted) {
            leave(key);
            return null;
        }
        return () -> {
            line.permits.release();
            leave(key);
        };
    }

    /** Tee times with bookings in line or in the database: for tests. */
    int busyTeeTimes() {
        return lines.size();
    }

    private void leave(Key key) {
        lines.computeIfPresent(key, (k, line) -> --line.users == 0 ? null : line);
    }
}
