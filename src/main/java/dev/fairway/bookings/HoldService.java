package dev.fairway.bookings;

import dev.fairway.db.Database;
import dev.fairway.db.Deadline;
import dev.fairway.db.SqlSession;
import dev.fairway.ids.RandomIds;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.Rounds;
import dev.fairway.teesheet.Tee;
import dev.fairway.teesheet.TeeSheetChanges;
import dev.fairway.teesheet.TeeTime;
import dev.fairway.teesheet.TeeTimeGrid;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Holds: spots kept while a golfer checks out, taken by the booking's own statement into
 * {@code held}, confirmed into a booking of the same spots, released, or lapsed at their end with
 * no job (docs/architecture.md, "Holds"). A waitlist offer is a hold made in the offer's transaction
 * ({@link #holdIn}).
 */
public final class HoldService {

    private final Database database;
    private final Clock clock;
    private final TeeSheetChanges changes;
    private final Runnable emailWritten;
    private final BookingService bookings;
    private final Runnable offerConfirmed;
    private final HoldStore store = new HoldStore();
    private final BookingStore bookingStore = new BookingStore();

    /**
     * @param changes      told of every tee time whose holds this instance changes
     * @param emailWritten told after a commit that wrote an email to the outbox
     * @param offerConfirmed told after a commit that confirmed a waitlist offer's hold
     */
    public HoldService(Database database, Clock clock, TeeSheetChanges changes, Runnable emailWritten,
                       BookingService bookings, Runnable offerConfirmed) {
        this.database = database;
        this.offerConfirmed = offerConfirmed;
        this.clock = clock;
        this.changes = changes;
        this.emailWritten = emailWritten;
        this.bookings = bookings;
    }

    /** Holds a round for the course's {@code holdMinutes}, on the same rules as a booking of it. */
    public HoldOutcome hold(Course course, HoldRequest request, BookingTerms terms, Deadline deadline) {
        Optional<Start> start = startOf(course, request);
        if (start.isEmpty()) {
            return new HoldOutcome.NotATeeTime();
        }
        String id = RandomIds.next();
        HoldOutcome outcome;
        try (TeeTimeAdmission.Admitted admitted = bookings.admission().enter(course.id(), request.start(), deadline)) {
            if (admitted == null) {
                return new HoldOutcome.Busy();
            }
            outcome = database.write("holds.create", deadline, session -> {
                if (session.attempt() > 1) {
                    Optional<Hold> earlier = store.find(session, id);
                    if (earlier.isPresent()) {
                        return new HoldOutcome.Held(earlier.get());
                    }
                }
                return take(session, course, start.get(), request, terms, id, course.rules().policy().holdFor());
            });
        }
        if (outcome instanceof HoldOutcome.Held held) {
            changes.teeTimeChanged(course.id(), held.hold().start());
        }
        return outcome;
    }

    /**
     * Holds a round for {@code lasting}, in the caller's transaction: a waitlist offer's hold,
     * committed (or not) with the offer. The caller tells {@link #changed} after its commit.
     */
    public HoldOutcome holdIn(SqlSession session, Course course, HoldRequest request, BookingTerms terms,
                              Duration lasting) throws SQLException {
        Optional<Start> start = startOf(course, request);
        return start.isEmpty() ? new HoldOutcome.NotATeeTime()
                : take(session, course, start.get(), request, terms, RandomIds.next(), lasting);
    }

    /** A tee time of the course and a tee that takes starts then. */
    private record Start(TeeTime teeTime, Tee tee) {
    }

    /** Where the request's round would start: empty when no tee time of its tee starts at its instant. */
    private static Optional<Start> startOf(Course course, HoldRequest request) {
        Optional<TeeTime> teeTime = TeeTimeGrid.at(course.rules(), request.start());
        Optional<Tee> tee = course.rules().layout().tee(request.tee());
        return teeTime.isPresent() && tee.isPresent() && tee.get().startsAt(teeTime.get())
                ? Optional.of(new Start(teeTime.get(), tee.get())) : Optional.empty();
    }

    /** Tells the caches of this instance and the others that a hold of the tee time changed. */
    public void changed(String courseId, Instant start) {
        changes.teeTimeChanged(courseId, start);
    }

    private HoldOutcome take(SqlSession session, Course course, Start start, HoldRequest request, BookingTerms terms,
                             String id, Duration lasting) throws SQLException {
        TeeTime teeTime = start.teeTime();
        Tee tee = start.tee();
        Rounds.Plan plan = Rounds.plan(course.rules().layout(), tee, teeTime, request.holes(),
                TeeTimeGrid.on(course.rules(), teeTime.date()));
        if (!(plan instanceof Rounds.Slots slots)) {
            return new HoldOutcome.Refused(new BookingOutcome.Refused(BookingOutcome.Reason.NO_TURN, 0));
        }
        BookingService.Proposal proposal = bookings.propose(course, teeTime, slots.turn(), request.asBooking(), terms,
                id, null);
        Booking booking = proposal.booking();
        if (proposal.ruleRefusal() != null) {
            BookingStore.Report.Blocked blocked = bookingStore.blocked(session, booking);
            return new HoldOutcome.Refused(blocked.any() ? BookingService.blocked(booking, blocked)
                    : proposal.ruleRefusal());
        }
        Instant now = booking.createdAt();
        BookingStore.Limits limits = proposal.limits() != null ? proposal.limits()
                : new BookingStore.Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, now,
                        teeTime.date().atStartOfDay(course.rules().zone()).toInstant(),
                        teeTime.date().plusDays(1).atStartOfDay(course.rules().zone()).toInstant());
        Hold hold = new Hold(id, course.id(), booking.tee(), booking.start(), booking.holes(), booking.turn(),
                booking.players(), booking.golferId(), booking.booker(), booking.email(), booking.pricePerPlayer(),
                "held", now, now.plus(lasting), null);
        return LapsedHolds.retrying(session, retry -> {
            bookingStore.lockBooker(retry, course.id(), hold.booker());
            HoldStore.HoldTake take = store.take(retry, hold, proposal.maxPlayers(), limits);
            BookingStore.Report report = take.report();
            if (report.taken()) {
                return new HoldOutcome.Held(hold);
            }
            if (report.blocked().any()) {
                return new HoldOutcome.Refused(BookingService.blocked(booking, report.blocked()));
            }
            if (take.live() > 0) {
                return new HoldOutcome.HoldLimit();
            }
            BookingOutcome.Refused limited = BookingService.limitReached(limits, take.open(), take.onDay());
            return new HoldOutcome.Refused(limited != null ? limited : bookings.full(retry, proposal, report.room()));
        });
    }

    public Optional<Hold> find(String id, Deadline deadline) {
        if (!RandomIds.plausible(id)) {
            return Optional.empty();
        }
        return database.read("holds.find", deadline, session -> store.find(session, id));
    }

    /**
     * Confirms a live hold into a booking of its spots, under {@code name} and {@code email}
     * (null: the hold's). Confirming it again answers its booking; after its end it is refused.
     */
    public ConfirmOutcome confirm(String id, String name, String email, Deadline deadline) {
        if (!RandomIds.plausible(id)) {
            return new ConfirmOutcome.NotFound();
        }
        String bookingId = RandomIds.next();
        ConfirmOutcome outcome = database.write("holds.confirm", deadline, session -> {
            Optional<Hold> locked = store.lock(session, id);
            if (locked.isEmpty()) {
                return new ConfirmOutcome.NotFound();
            }
            Hold hold = locked.get();
            if (hold.bookingId() != null) {
                Booking booking = bookingStore.find(session, hold.bookingId()).orElseThrow();
                // An earlier run of this very request may have committed before its answer was lost.
                return new ConfirmOutcome.Confirmed(booking, hold.bookingId().equals(bookingId), false);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            if (!hold.live(now)) {
                return new ConfirmOutcome.Ended(hold);
            }
            Booking booking = new Booking(bookingId, hold.courseId(), hold.start(), hold.players(), name,
                    email != null ? email : hold.email(), now, hold.golferId(), hold.booker(), hold.tee(), hold.holes(),
                    hold.turn(), hold.pricePerPlayer(), null);
            return new ConfirmOutcome.Confirmed(booking, true, store.confirm(session, hold, booking, now));
        });
        if (outcome instanceof ConfirmOutcome.Confirmed confirmed && confirmed.created()) {
            changes.teeTimeChanged(confirmed.booking().courseId(), confirmed.booking().start());
            if (confirmed.booking().email() != null) {
                emailWritten.run();
            }
            if (confirmed.offer()) {
                offerConfirmed.run();
            }
        }
        return outcome;
    }

    /** Releases a hold: its spots are free at once. False when there is no hold with that id. */
    public boolean release(String id, Deadline deadline) {
        if (!RandomIds.plausible(id)) {
            return false;
        }
        Optional<Hold> released = database.write("holds.release", deadline, session -> {
            Optional<Hold> hold = store.find(session, id);
            if (hold.isPresent()) {
                store.release(session, id, clock.instant());
            }
            return hold;
        });
        released.ifPresent(hold -> changes.teeTimeChanged(hold.courseId(), hold.start()));
        return released.isPresent();
    }

    public Clock clock() {
        return clock;
    }
}
