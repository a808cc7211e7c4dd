package dev.fairway.availability;

import dev.fairway.db.Database;
import dev.fairway.db.Deadline;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.TeeSheet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Availability of a course's tee times: one database round trip, whatever the range. */
public final class AvailabilityService {

    private final Database database;
    private final Clock clock;
    private final AvailabilityStore store = new AvailabilityStore();

    public AvailabilityService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Availability availability(Course course, LocalDate from, LocalDate to, int players, Deadline deadline) {
        ZoneId zone = course.rules().zone();
        // Every tee time of a local date lies between the first instant of that date and of the next.
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        BookedAndBlocked data = database.read("availability.read", deadline,
                session -> store.read(session, course.id(), start, end, now));
        TeeSheet sheet = new TeeSheet(course.rules(), now);
        return new Availability(course, from, to, players, false, data.asOf(),
                sheet.days(from, to, players, data.booked(), data.blocks()));
    }

    public Clock clock() {
        return clock;
    }
}
