package dev.fairway.waitlist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A signed-in golfer waiting for room in a range of one day's tee times at a course.
 *
 * @param id        at least 128 random bits
 * @param courseId  the course
 * @param golferId  the golfer
 * @param booker    the golfer's booker key: the limits count against it
 * @param date      the local date
 * @param from      the earliest local start wanted
 * @param until     the local start wanted before
 * @param players   the party size
 * @param holes     9 or 18
 * @param status    waiting, offered, lapsed, booked, expired or left
 * @param holdId    the hold it was offered, or null
 * @param createdAt when it was made (entries are offered room in the order the database stored them)
 * @param golferEmail the golfer's email, where the offer goes
 * @param golferName  the golfer's name, or null
 */
public record WaitlistEntry(String id, String courseId, String golferId, String booker, LocalDate date, LocalTime from,
                            LocalTime until, int players, int holes, String status, String holdId, Instant createdAt,
                            String golferEmail, String golferName) {

    public WaitlistEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    /** Whether a tee time starting at {@code time} (local) is in the range wanted. */
    public boolean wants(LocalTime time) {
        return !time.isBefore(from) && time.isBefore(until);
    }
}
