package dev.fairway.availability;

import dev.fairway.db.Database;
import dev.fairway.db.DatabaseException;
import dev.fairway.db.resilience.FailureClassifier;
import dev.fairway.db.Deadline;
import dev.fairway.teesheet.BookingClass;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.TeeSheet;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.fairway.db.SqlSession;
import dev.fairway.teesheet.DaySheet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Availability of a course's tee times. From memory while the cached counts are fresh (read
 * within the TTL, or, while changes are heard through LISTEN, not changed since); else in one
 * database round trip, whatever the range. When the database cannot be reached, the answer
 * comes from the last data read for those dates, marked stale, or, when some date was never
 * read, the failure stands (a 503).
 */
public final class AvailabilityService {

    private final Database database;
    private final Clock clock;
    private final BookedCountsCache cache;
    private final CachePolicy cachePolicy;
    private final Counter staleAnswers;
    private final AvailabilityStore store = new AvailabilityStore();
    private final SharedReads<Read, BookedAndBlocked> reads = new SharedReads<>("availability.read");

    /** A read of a course's days, begun when the course's cached counts were at {@code generation}. */
    private record Read(String courseId, LocalDate from, LocalDate to, long generation) {
    }

    /** @param cachePolicy how old cached counts may be to be used as fresh */
    public AvailabilityService(Database database, Clock clock, BookedCountsCache cache, CachePolicy cachePolicy,
                               MeterRegistry metrics) {
        this.database = database;
        this.clock = clock;
        this.cache = cache;
        this.cachePolicy = cachePolicy;
        this.staleAnswers = Counter.builder("fairway.availability.stale.answers")
                .description("Availability answered from the last data read because the database could not be reached")
                .register(metrics);
    }

    /** The tee sheet as {@code bookingClass} sees it, of the course's default round on every tee. */
    public Availability availability(Course course, LocalDate from, LocalDate to, int players,
                                     BookingClass bookingClass, Deadline deadline) {
        return availability(course, from, to, players, course.rules().layout().defaultHoles(), Optional.empty(),
                bookingClass, deadline);
    }

    /** The tee sheet of rounds of {@code holes}, on every tee or on {@code tee}, as {@code bookingClass} sees it. */
    public Availability availability(Course course, LocalDate from, LocalDate to, int players, int holes,
                                     Optional<String> tee, BookingClass bookingClass, Deadline deadline) {
        ZoneId zone = course.rules().zone();
        // Every tee time of a local date lies between the first instant of that date and of the next.
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Duration maxAge = cachePolicy.freshFor();
        Optional<BookedAndBlocked> cached = maxAge.isZero() ? Optional.empty()
                : cache.fresh(course.id(), from, to, now.minus(maxAge), now);
        if (cached.isPresent()) {
            return answer(course, from, to, players, holes, tee, bookingClass, false, now, cached.get());
        }
        BookedAndBlocked data;
        boolean stale = false;
        long generation = cache.generation(course.id());
        try {
            data = reads.read(new Read(course.id(), from, to, generation), deadline, () -> {
                BookedAndBlocked read = database.read("availability.read", deadline,
                        session -> store.read(session, course.id(), course.rules().layout(), start, end, now));
                cache.put(course.id(), zone, from, to, read, generation);
                return read;
            });
        } catch (DatabaseException e) {
            if (!FailureClassifier.unavailable(e)) {
                throw e;
            }
            data = cache.get(course.id(), from, to).orElseThrow(() -> e);
            stale = true;
            staleAnswers.increment();
        }
        return answer(course, from, to, players, holes, tee, bookingClass, stale, now, data);
    }

    private static Availability answer(Course course, LocalDate from, LocalDate to, int players, int holes,
                                       Optional<String> tee, BookingClass bookingClass, boolean stale, Instant now,
                                       BookedAndBlocked data) {
        TeeSheet sheet = new TeeSheet(course.rules(), now, bookingClass);
        return new Availability(course, from, to, players, stale, data.asOf(),
                sheet.days(from, to, players, holes, tee, data.booked(), data.blocks()), bookingClass.name());
    }

    /**
     * One day of rounds of {@code holes} as the database has it now, read in the caller's
     * transaction (its own changes seen) and never from the cache: what a waitlist offer is made on.
     */
    public DaySheet uncached(SqlSession session, Course course, LocalDate date, int players, int holes,
                             BookingClass bookingClass, Instant now) throws SQLException {
        ZoneId zone = course.rules().zone();
        BookedAndBlocked read = store.read(session, course.id(), course.rules().layout(),
                date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant(), now);
        return new TeeSheet(course.rules(), now, bookingClass)
                .days(date, date, players, holes, Optional.empty(), read.booked(), read.blocks()).getFirst();
    }

    public Clock clock() {
        return clock;
    }
}
