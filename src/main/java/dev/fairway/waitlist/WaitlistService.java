package dev.fairway.waitlist;

import dev.fairway.bookings.HoldService;
import dev.fairway.db.Database;
import dev.fairway.db.Deadline;
import dev.fairway.golfers.Caller;
import dev.fairway.golfers.Golfer;
import dev.fairway.ids.RandomIds;
import dev.fairway.teesheet.Course;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Golfers join and leave waitlists; the staff read a day's. The offers are {@link OfferWorker}'s. */
public final class WaitlistService {

    /** The contract's most waiting entries per golfer and course. */
    public static final int MAX_WAITING = 3;

    private final Database database;
    private final Clock clock;
    private final HoldService holds;
    private final WaitlistStore store = new WaitlistStore();

    public WaitlistService(Database database, Clock clock, HoldService holds) {
        this.database = database;
        this.clock = clock;
        this.holds = holds;
    }

    /**
     * What a golfer asks to wait for.
     *
     * @param date    the local date
     * @param from    the earliest local start
     * @param until   the local start wanted before
     * @param players the party size
     * @param holes   9 or 18
     */
    public record Wanted(LocalDate date, LocalTime from, LocalTime until, int players, int holes) {
    }

    /** The new entry, or empty when the golfer already has {@link #MAX_WAITING} waiting at the course. */
    public Optional<WaitlistEntry> join(Course course, Golfer golfer, Wanted wanted, Deadline deadline) {
        WaitlistEntry entry = new WaitlistEntry(RandomIds.next(), course.id(), golfer.id(), golfer.booker(), wanted.date(),
                wanted.from(), wanted.until(), wanted.players(), wanted.holes(), "waiting", null,
                clock.instant().truncatedTo(ChronoUnit.MICROS), golfer.email(), golfer.name());
        return database.write("waitlist.join", deadline, session -> {
            if (session.attempt() > 1 && store.find(session, entry.id()).isPresent()) {
                return Optional.of(entry);
            }
            store.lockGolfer(session, course.id(), golfer.id());
            if (store.waiting(session, course.id(), golfer.id()) >= MAX_WAITING) {
                return Optional.empty();
            }
            store.insert(session, entry);
            return Optional.of(entry);
        });
    }

    public Clock clock() {
        return clock;
    }

    /** The golfer's entries of days from yesterday (UTC) on, in the order made. */
    public List<WaitlistEntry> mine(String golferId, Deadline deadline) {
        LocalDate since = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        return database.read("waitlist.golfer", deadline, session -> store.ofGolfer(session, golferId, since));
    }

    /** A course-day's entries, in the order made. */
    public List<WaitlistEntry> day(String courseId, LocalDate date, Deadline deadline) {
        return database.read("waitlist.day", deadline, session -> store.ofDay(session, courseId, date));
    }

    /** What came of leaving a waitlist. */
    public enum Leave { LEFT, NOT_FOUND, NOT_YOURS }

    /** What a leave did in its transaction, and the hold of an offer to give back after it. */
    private record Leaving(Leave outcome, String offeredHold) {
    }

    /**
     * Takes an entry off its waitlist, by its golfer or the staff; an entry offered a tee time
     * gives the hold back too. An entry that has ended already stays as it ended.
     */
    public Leave leave(String id, Caller caller, Deadline deadline) {
        if (!RandomIds.plausible(id)) {
            return Leave.NOT_FOUND;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Leaving leaving = database.write("waitlist.leave", deadline, session -> {
            Optional<WaitlistEntry> entry = store.lock(session, id);
            if (entry.isEmpty()) {
                return new Leaving(Leave.NOT_FOUND, null);
            }
            if (!caller.isAdmin() && !(caller.isGolfer() && caller.golfer().id().equals(entry.get().golferId()))) {
                return new Leaving(Leave.NOT_YOURS, null);
            }
            store.end(session, id, "left", now);
            return new Leaving(Leave.LEFT, "offered".equals(entry.get().status()) ? entry.get().holdId() : null);
        });
        if (leaving.offeredHold() != null) {
            holds.release(leaving.offeredHold(), deadline);
        }
        return leaving.outcome();
    }
}
