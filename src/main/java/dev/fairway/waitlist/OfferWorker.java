package dev.fairway.waitlist;

import dev.fairway.availability.AvailabilityService;
import dev.fairway.bookings.BookingOutcome;
import dev.fairway.bookings.BookingTerms;
import dev.fairway.bookings.DrawGate;
import dev.fairway.bookings.Hold;
import dev.fairway.bookings.HoldOutcome;
import dev.fairway.bookings.HoldRequest;
import dev.fairway.bookings.HoldService;
import dev.fairway.bookings.Suspensions;
import dev.fairway.config.MailSettings;
import dev.fairway.courses.CourseService;
import dev.fairway.db.Database;
import dev.fairway.db.DatabaseException;
import dev.fairway.db.Deadline;
import dev.fairway.db.resilience.FailureClassifier;
import dev.fairway.log.LogThrottle;
import dev.fairway.db.SqlSession;
import dev.fairway.email.Outbox;
import dev.fairway.golfers.Caller;
import dev.fairway.golfers.Golfer;
import dev.fairway.golfers.MemberService;
import dev.fairway.teesheet.BookingClass;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.DaySheet;
import dev.fairway.teesheet.TeeTime;
import dev.fairway.teesheet.TeeTimeGrid;
import dev.fairway.teesheet.TeeTimeSlot;
import dev.fairway.teesheet.TeeTimeStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers room to the golfers waiting for it, on every instance, every {@link #PERIOD}: however
 * the room appeared (a cancellation, a hold released or lapsed, a booking moved or made smaller, a
 * block removed, more players per tee time), it is seen on the next pass, so an offer follows
 * within a period and a transaction. Each course-day is offered on by one instance at a time (a
 * transaction-scoped advisory lock, which a transaction pooler keeps); its entries are taken in
 * the order made, each offered the first tee time in its range with room for it, as a hold made
 * for its golfer, the entry marked offered and the email written to the outbox, all in one
 * transaction: an instance that dies mid-offer leaves nothing, and the next pass, anywhere, makes it.
 */
public final class OfferWorker implements AutoCloseable {

    public static final Duration PERIOD = Duration.ofSeconds(10);
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    /** Lines about failed passes: once a minute at most. */
    private final LogThrottle failures = new LogThrottle(Duration.ofMinutes(1), System::nanoTime);
    private static final Logger log = LoggerFactory.getLogger(OfferWorker.class);

    private final Database database;
    private final Clock clock;
    private final CourseService courses;
    private final AvailabilityService availability;
    private final HoldService holds;
    private final MemberService members;
    private final Suspensions suspensions;
    private final Outbox outbox;
    private final DrawGate draws;
    private final OfferEmail emails;
    private final Runnable emailWritten;
    private final WaitlistStore store = new WaitlistStore();
    private final Counter made;
    private final Counter lapsed;
    private final AtomicLong liveHolds = new AtomicLong();
    private final AtomicLong oldestWaitingSeconds = new AtomicLong();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("waitlist-offers").factory());

    /** The parts an offer is made of; {@code draws}: a date still waiting for its class's draw gets no offer. */
    public record Parts(CourseService courses, AvailabilityService availability, HoldService holds,
                        MemberService members, Suspensions suspensions, Outbox outbox, DrawGate draws) {
    }

    public OfferWorker(Database database, Clock clock, Parts parts, MailSettings mail, Runnable emailWritten,
                       MeterRegistry metrics) {
        this.database = database;
        this.clock = clock;
        this.courses = parts.courses();
        this.availability = parts.availability();
        this.holds = parts.holds();
        this.members = parts.members();
        this.suspensions = parts.suspensions();
        this.outbox = parts.outbox();
        this.draws = parts.draws();
        this.emails = new OfferEmail(mail);
        this.emailWritten = emailWritten;
        this.made = offers(metrics, "made");
        this.lapsed = offers(metrics, "lapsed");
        Gauge.builder("fairway.holds.live", liveHolds, AtomicLong::get)
                .description("Holds keeping spots now, golfers' and waitlist offers', as of the last waitlist pass")
                .register(metrics);
        Gauge.builder("fairway.waitlist.oldest.waiting", oldestWaitingSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest waitlist entry still waiting (0: none), as of the last waitlist pass")
                .register(metrics);
    }

    /** The counter of waitlist offers with this outcome: made, lapsed or confirmed. */
    public static Counter offers(MeterRegistry metrics, String outcome) {
        return Counter.builder("fairway.waitlist.offers").tag("outcome", outcome)
                .description("Waitlist offers made, lapsed unconfirmed, and confirmed, by this instance")
                .register(metrics);
    }

    public void start() {
        // Instances started together do not pass in step.
        long first = ThreadLocalRandom.current().nextLong(PERIOD.toMillis());
        scheduler.scheduleWithFixedDelay(this::runQuietly, first, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What one pass over a course-day did. */
    private record Pass(List<Hold> offered, int lapsed) {
        static final Pass NONE = new Pass(List.of(), 0);
    }

    /** One pass over every course-day with entries open; returns the offers made. */
    public int run() {
        Deadline deadline = Deadline.after(DEADLINE);
        int offers = 0;
        for (WaitlistStore.OpenDay day : database.read("waitlist.days", deadline, store::openDays)) {
            Optional<Course> course = courses.find(day.courseId(), deadline);
            if (course.isPresent()) {
                offers += offerOn(course.get(), day, Deadline.after(DEADLINE));
            }
        }
        Instant now = clock.instant();
        WaitlistStore.Gauges gauges = database.read("waitlist.gauges", deadline, session -> store.gauges(session, now));
        liveHolds.set(gauges.liveHolds());
        oldestWaitingSeconds.set(gauges.oldestWaiting() == null ? 0
                : Math.max(0, Duration.between(gauges.oldestWaiting(), now).toSeconds()));
        return offers;
    }

    private int offerOn(Course course, WaitlistStore.OpenDay day, Deadline deadline) {
        // Each golfer's class and suspension, read before the offers' transaction: reads of their own.
        Map<String, Terms> terms = new HashMap<>();
        for (WaitlistStore.Open open : database.read("waitlist.open", deadline,
                session -> store.open(session, course.id(), day.date()))) {
            WaitlistEntry entry = open.entry();
            terms.computeIfAbsent(entry.golferId(), id -> termsOf(course, entry, deadline));
        }
        Pass pass = database.write("waitlist.offer", deadline, session -> offer(session, course, day, terms));
        for (Hold hold : pass.offered()) {
            holds.changed(course.id(), hold.start());
            made.increment();
        }
        lapsed.increment(pass.lapsed());
        if (!pass.offered().isEmpty()) {
            emailWritten.run();
            log.info("Waitlist: {} offer(s) made at course {} for {}", pass.offered().size(), course.id(), day.date());
        }
        return pass.offered().size();
    }

    /**
     * What a golfer's offers are made under.
     *
     * @param bookingClass the golfer's class at the course
     * @param waits        whether no-shows keep the golfer from holding here now, or the day still
     *                     waits for the class's draw
     */
    private record Terms(BookingClass bookingClass, boolean waits) {
    }

    private Terms termsOf(Course course, WaitlistEntry entry, Deadline deadline) {
        Caller golfer = Caller.golfer(new Golfer(entry.golferId(), entry.golferEmail(), entry.golferName()), null);
        BookingClass bookingClass = members.classOf(course, golfer, deadline);
        return new Terms(bookingClass, suspensions.until(course, entry.booker(), deadline).isPresent()
                || draws.inProgress(course, bookingClass, entry.date(), deadline));
    }

    private Pass offer(SqlSession session, Course course, WaitlistStore.OpenDay day, Map<String, Terms> terms)
            throws SQLException {
        if (!store.tryLockDay(session, course.id(), day.date())) {
            return Pass.NONE; // another instance is offering this day's room now
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Hold> offered = new ArrayList<>();
        int ended = 0;
        for (WaitlistStore.Open open : store.open(session, course.id(), day.date())) {
            WaitlistEntry entry = open.entry();
            if (entry.status().equals("offered")) {
                if ("confirmed".equals(open.holdState())) {
                    store.end(session, entry.id(), "booked", now);
                } else if (!"held".equals(open.holdState()) || !now.isBefore(open.holdEnds())) {
                    store.end(session, entry.id(), "lapsed", now);
                    ended++;
                }
                continue;
            }
            if (lastStartPassed(course, entry, now)) {
                store.end(session, entry.id(), "expired", now);
                continue;
            }
            Terms golfer = terms.get(entry.golferId());
            if (golfer == null || golfer.waits()) {
                continue;
            }
            offerTo(session, course, entry, golfer.bookingClass(), now).ifPresent(offered::add);
        }
        return new Pass(offered, ended);
    }

    /** Whether every tee time the entry wants has started, or its day has none. */
    private static boolean lastStartPassed(Course course, WaitlistEntry entry, Instant now) {
        List<TeeTime> wanted = TeeTimeGrid.on(course.rules(), entry.date()).stream()
                .filter(teeTime -> entry.wants(teeTime.time())).toList();
        return wanted.isEmpty() || !wanted.getLast().instant().isAfter(now);
    }

    /** Holds the first tee time in the entry's range with room for it, and offers it; empty when none can be. */
    private Optional<Hold> offerTo(SqlSession session, Course course, WaitlistEntry entry, BookingClass bookingClass,
                                   Instant now) throws SQLException {
        DaySheet sheet = availability.uncached(session, course, entry.date(), entry.players(), entry.holes(),
                bookingClass, now);
        for (TeeTimeSlot slot : sheet.teeTimes()) {
            if (slot.status() != TeeTimeStatus.OPEN || !entry.wants(slot.teeTime().time())) {
                continue;
            }
            HoldOutcome outcome = holds.holdIn(session, course, new HoldRequest(course.id(), slot.teeTime().instant(),
                    slot.tee(), entry.holes(), entry.players(), entry.golferEmail(), entry.golferId(), entry.booker()),
                    new BookingTerms(bookingClass, false), course.rules().policy().offerFor());
            switch (outcome) {
                case HoldOutcome.Held held -> {
                    if (!store.offered(session, entry.id(), held.hold().id())) {
                        throw new EntryChanged();
                    }
                    outbox.write(session, emails.of(course, entry, held.hold()));
                    return Optional.of(held.hold());
                }
                case HoldOutcome.Refused refused when slotRefused(refused.refusal()) -> {
                    // Taken between the read and the hold: the next tee time may still have room.
                }
                case HoldOutcome.NotATeeTime ignored -> {
                }
                default -> {
                    return Optional.empty(); // the golfer's limits or hold: no tee time can be offered now
                }
            }
        }
        return Optional.empty();
    }

    private static boolean slotRefused(BookingOutcome.Refused refusal) {
        return switch (refusal.reason()) {
            case FULL, BLOCKED, NO_TURN -> true;
            default -> false;
        };
    }

    /** An entry left while it was being offered room: the pass's transaction is undone and made again next time. */
    private static final class EntryChanged extends RuntimeException {
        EntryChanged() {
            super("a waitlist entry changed while it was offered room", null, false, false);
        }
    }

    /**
     * A pass that fails is tried again the next period. While the database is unreachable its own
     * lines say so: this one is for other failures, once a minute at most.
     */
    private void runQuietly() {
        try {
            run();
        } catch (DatabaseException e) {
            if (!FailureClassifier.unavailable(e) && failures.admit("offers") >= 0) {
                log.warn("Waitlist offers: a pass did not finish, the next in {} s: {}", PERIOD.toSeconds(),
                        e.getMessage());
            }
        } catch (EntryChanged e) {
            log.debug("Waitlist offers: {}; offered again next pass", e.getMessage());
        } catch (RuntimeException e) {
            if (failures.admit("offers-unexpected") >= 0) {
                log.error("Waitlist offers: a pass failed, the next in {} s", PERIOD.toSeconds(), e);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
