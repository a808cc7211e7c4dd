package dev.fairway.bookings;

import dev.fairway.db.Database;
import dev.fairway.db.Deadline;
import dev.fairway.db.SqlTime;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.NoShowPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a booker's no-shows keep them from booking at a course (its {@code noShowPolicy}): read
 * before a booking, a group, a hold, a draw entry or a waitlist entry of anyone but the staff. A
 * course without the policy costs nothing; with it, one indexed read of the booker's no-shows.
 */
public final class Suspensions {

    private final Database database;
    private final Clock clock;

    public Suspensions(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Until when the booker may not book at the course; empty when they may (or are unknown: no booker). */
    public Optional<Instant> until(Course course, String booker, Deadline deadline) {
        Optional<NoShowPolicy> policy = course.rules().policy().noShows();
        if (policy.isEmpty() || booker == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<Instant> latestFirst = database.read("bookings.no-shows", deadline, session -> session.query(
                "select starts_at from booking where course_id = ? and booker = ? and status = 'no-show' "
                        + "and starts_at >= ? order by starts_at desc limit ?", params -> {
                    params.setString(1, course.id());
                    params.setString(2, booker);
                    params.setInstant(3, policy.get().countsFrom(now));
                    params.setInt(4, policy.get().strikes());
                }, row -> SqlTime.get(row, "starts_at")));
        return policy.get().suspendedUntil(latestFirst, now);
    }
}
