package dev.fairway.draw;

import dev.fairway.bookings.Booking;
import dev.fairway.bookings.BookingOutcome;
import dev.fairway.bookings.BookingRequest;
import dev.fairway.bookings.BookingService;
import dev.fairway.bookings.BookingTerms;
import dev.fairway.config.MailSettings;
import dev.fairway.courses.CourseService;
import dev.fairway.db.Database;
import dev.fairway.db.DatabaseException;
import dev.fairway.db.Deadline;
import dev.fairway.db.resilience.FailureClassifier;
import dev.fairway.log.LogThrottle;
import dev.fairway.db.SqlSession;
import dev.fairway.email.Outbox;
import dev.fairway.teesheet.BookingClass;
import dev.fairway.teesheet.Course;
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
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the draws that are due, on every instance, every {@link #PERIOD}: nothing is scheduled, a
 * draw is due because its release instant has passed. A draw runs in batches of
 * {@link #BATCH} entries, each batch one transaction that holds the draw's row ({@code for update
 * skip locked}: an instance that finds it held leaves the draw to the one holding it), so batches
 * run one after another in the draw's order, whichever instance runs each. Each entry's booking
 * and its recorded outcome commit together, so an instance that dies mid-batch leaves its batch
 * undone, and the next pass, anywhere, takes it up from the first entry without an outcome:
 * nothing is booked twice or skipped.
 */
public final class DrawRunner implements AutoCloseable {

    public static final Duration PERIOD = Duration.ofSeconds(1);
    static final int BATCH = 100;
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    /** Lines about failed passes: once a minute at most. */
    private final LogThrottle failures = new LogThrottle(Duration.ofMinutes(1), System::nanoTime);
    private static final Logger log = LoggerFactory.getLogger(DrawRunner.class);

    private final Database database;
    private final Clock clock;
    private final CourseService courses;
    private final BookingService bookings;
    private final Outbox outbox;
    private final DrawEmail emails;
    private final Runnable emailWritten;
    private final DrawStore store = new DrawStore();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("draws").factory());

    public DrawRunner(Database database, Clock clock, CourseService courses, BookingService bookings, Outbox outbox,
                      MailSettings mail, Runnable emailWritten) {
        this.database = database;
        this.clock = clock;
        this.courses = courses;
        this.bookings = bookings;
        this.outbox = outbox;
        this.emails = new DrawEmail(mail);
        this.emailWritten = emailWritten;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::runQuietly, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs every due draw this instance can take; returns how many it finished. */
    public int run() {
        int finished = 0;
        for (DrawKey key : database.read("draws.due", Deadline.after(DEADLINE), session -> store.due(session, clock.instant()))) {
            Optional<Course> course = courses.find(key.courseId(), Deadline.after(DEADLINE));
            Optional<BookingClass> bookingClass = course.flatMap(c -> c.rules().policy()
                    .bookingClass(key.bookingClass(), c.rules().bookingWindowDays()));
            if (bookingClass.isPresent() && draw(course.get(), bookingClass.get(), key)) {
                finished++;
            }
        }
        return finished;
    }

    /** What one batch did. */
    private record Batch(List<Booking> booked, boolean emailed, boolean finished, boolean held) {
    }

    /** Draws batch after batch until the draw is done (true) or another instance holds it (false). */
    private boolean draw(Course course, BookingClass bookingClass, DrawKey key) {
        long started = System.nanoTime();
        while (true) {
            Batch batch = database.write("draws.run", Deadline.after(DEADLINE),
                    session -> batch(session, course, bookingClass, key));
            bookings.booked(batch.booked());
            if (batch.emailed()) {
                emailWritten.run();
            }
            if (batch.held()) {
                return false;
            }
            if (batch.finished()) {
                log.info("Draw of course {} for {} ({}) done in {} ms", key.courseId(), key.date(), key.bookingClass(),
                        (System.nanoTime() - started) / 1_000_000);
                return true;
            }
        }
    }

    private Batch batch(SqlSession session, Course course, BookingClass bookingClass, DrawKey key) throws SQLException {
        Optional<Draw> draw = store.lockOpen(session, key);
        if (draw.isEmpty()) {
            return new Batch(List.of(), false, false, true);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<DrawEntry> entries = store.entries(session, key);
        Map<String, DrawEntry> byId = new HashMap<>();
        entries.forEach(entry -> byId.put(entry.id(), entry));
        List<String> order = DrawOrder.of(draw.get().seed(), entries.stream().map(DrawEntry::id).toList());
        List<Booking> booked = new ArrayList<>();
        boolean emailed = false;
        int decided = 0;
        for (int place = 0; place < order.size() && decided < BATCH; place++) {
            DrawEntry entry = byId.get(order.get(place));
            if (entry.outcome() != null) {
                continue;
            }
            Optional<Booking> won = win(session, course, bookingClass, entry);
            store.decide(session, entry.id(), place + 1, won.isPresent() ? "won" : "lost",
                    won.map(Booking::id).orElse(null), now);
            if (won.isPresent()) {
                booked.add(won.get());
            } else {
                outbox.write(session, emails.lost(course, entry, place + 1, order.size()));
            }
            emailed = true;
            decided++;
        }
        boolean finished = entries.stream().filter(e -> e.outcome() == null).count() == decided;
        if (finished) {
            store.done(session, key, now);
        }
        return new Batch(booked, emailed, finished, false);
    }

    /** Books the entry's first preference still bookable for its golfer, as a booking of the golfer; empty: none. */
    private Optional<Booking> win(SqlSession session, Course course, BookingClass bookingClass, DrawEntry entry)
            throws SQLException {
        String name = entry.golferName() != null ? entry.golferName()
                : entry.golferEmail().length() <= 100 ? entry.golferEmail() : entry.golferEmail().substring(0, 100);
        for (DrawEntry.Preference preference : entry.preferences()) {
            BookingOutcome outcome = bookings.bookIn(session, course, new BookingRequest(course.id(), preference.start(),
                    entry.players(), name, entry.golferEmail(), entry.golferId(), entry.booker(), preference.tee(),
                    entry.holes()), new BookingTerms(bookingClass, false));
            if (outcome instanceof BookingOutcome.Booked done) {
                return Optional.of(done.booking());
            }
            if (outcome instanceof BookingOutcome.Refused refused && limited(refused)) {
                return Optional.empty(); // the golfer's limits: no preference can be booked
            }
        }
        return Optional.empty();
    }

    private static boolean limited(BookingOutcome.Refused refused) {
        return refused.reason() == BookingOutcome.Reason.OPEN_LIMIT_REACHED
                || refused.reason() == BookingOutcome.Reason.DAY_LIMIT_REACHED;
    }

    /**
     * A pass that fails is tried again a second later. While the database is unreachable its own
     * lines say so (a line a second at most): this one is for other failures, once a minute at most.
     */
    private void runQuietly() {
        try {
            run();
        } catch (DatabaseException e) {
            if (!FailureClassifier.unavailable(e) && failures.admit("draws") >= 0) {
                log.warn("Draws: a pass did not finish, the next in {} s: {}", PERIOD.toSeconds(), e.getMessage());
            }
        } catch (RuntimeException e) {
            if (failures.admit("draws-unexpected") >= 0) {
                log.error("Draws: a pass failed, the next in {} s", PERIOD.toSeconds(), e);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
