package dev.fairway.draw;

import dev.fairway.bookings.DrawGate;
import dev.fairway.db.Database;
import dev.fairway.db.Deadline;
import dev.fairway.golfers.Golfer;
import dev.fairway.ids.RandomIds;
import dev.fairway.teesheet.BookingClass;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.ReleaseTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entries to draws, the public view of a draw, and whether a date still waits for its draw. A
 * draw's record (its seed) is made by the first entry, reader or booking that needs it, never
 * before its entries open; the draw itself is {@link DrawRunner}'s.
 */
public final class DrawService implements DrawGate {

    private final Database database;
    private final Clock clock;
    private final DrawStore store = new DrawStore();
    /** Draws seen done: a done draw never opens again, so these are answered from memory. */
    private final Set<DrawKey> done = ConcurrentHashMap.newKeySet();

    public DrawService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** When the date's draw for the class is due: the class's release instant of the date. */
    public static Instant drawAt(Course course, BookingClass bookingClass, LocalDate date) {
        return ReleaseTimes.of(date, bookingClass, course.rules().zone());
    }

    /** When entries to the draw open: {@code drawEntryHours} before it. */
    public static Instant opensAt(Course course, BookingClass bookingClass, LocalDate date) {
        return drawAt(course, bookingClass, date).minus(Duration.ofHours(bookingClass.drawEntryHours()));
    }

    @Override
    public boolean inProgress(Course course, BookingClass bookingClass, LocalDate date, Deadline deadline) {
        if (!bookingClass.draw()) {
            return false;
        }
        Instant drawAt = drawAt(course, bookingClass, date);
        Instant now = clock.instant();
        DrawKey key = new DrawKey(course.id(), bookingClass.name(), date);
        if (now.isBefore(drawAt) || done.contains(key)) {
            return false;
        }
        // The record is made now if nobody entered or asked: the runner's next pass then draws it.
        Draw draw = database.write("draws.ensure", deadline, session -> store.ensure(session, key, drawAt, now));
        if (draw.done()) {
            done.add(key);
        }
        return !draw.done();
    }

    /** What came of an entry. */
    public sealed interface Entering {
        /** Stored: a new entry ({@code created}) or the golfer's entry for the date replaced. */
        record Entered(DrawEntry entry, boolean created, Instant drawAt) implements Entering {
        }

        /** Entries open at {@code opensAt}. */
        record NotOpen(Instant opensAt) implements Entering {
        }

        /** The draw is due or done: entries are closed. */
        record Closed() implements Entering {
        }
    }

    /**
     * A golfer's entry to the date's draw for the class (the caller has checked that the class
     * draws and that each preference is a round the golfer could book).
     */
    public Entering enter(Course course, Golfer golfer, BookingClass bookingClass, LocalDate date, int players, int holes,
                          List<DrawEntry.Preference> preferences, Deadline deadline) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant drawAt = drawAt(course, bookingClass, date);
        Instant opensAt = opensAt(course, bookingClass, date);
        if (now.isBefore(opensAt)) {
            return new Entering.NotOpen(opensAt);
        }
        if (!now.isBefore(drawAt)) {
            return new Entering.Closed();
        }
        DrawKey key = new DrawKey(course.id(), bookingClass.name(), date);
        DrawEntry entry = new DrawEntry(RandomIds.next(), key, golfer.id(), golfer.email(), golfer.name(), golfer.booker(),
                players, holes, preferences, "entered", null, null, null, now);
        DrawStore.Stored stored = database.write("draws.enter", deadline, session -> {
            store.ensure(session, key, drawAt, now);
            return store.enter(session, entry);
        });
        return new Entering.Entered(entry.withId(stored.id()), stored.created(), drawAt);
    }

    public Optional<DrawEntry> entry(String id, Deadline deadline) {
        if (!RandomIds.plausible(id)) {
            return Optional.empty();
        }
        return database.read("draws.entry", deadline, session -> store.entry(session, id));
    }

    /** Withdraws an entry while entries are open; false when they are closed. */
    public boolean withdraw(Course course, BookingClass bookingClass, DrawEntry entry, Deadline deadline) {
        Instant now = clock.instant();
        if (!now.isBefore(drawAt(course, bookingClass, entry.date()))) {
            return false;
        }
        database.write("draws.withdraw", deadline, session -> {
            store.withdraw(session, entry.id(), now);
            return null;
        });
        return true;
    }

    /** The golfer's entries of dates from yesterday (UTC) on. */
    public List<DrawEntry> ofGolfer(String golferId, Deadline deadline) {
        LocalDate since = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        return database.read("draws.golfer", deadline, session -> store.ofGolfer(session, golferId, since));
    }

    /**
     * What anyone may see of a draw.
     *
     * @param draw    its record
     * @param entries how many entries it has
     * @param drawn   once done, its entries with their places and outcomes, in the draw's order
     */
    public record View(Draw draw, long entries, List<DrawEntry> drawn) {
    }

    /** The draw, its record made if entries are open; empty before they open. */
    public Optional<View> view(Course course, BookingClass bookingClass, LocalDate date, Deadline deadline) {
        Instant now = clock.instant();
        if (now.isBefore(opensAt(course, bookingClass, date))) {
            return Optional.empty();
        }
        DrawKey key = new DrawKey(course.id(), bookingClass.name(), date);
        Instant drawAt = drawAt(course, bookingClass, date);
        return Optional.of(database.write("draws.view", deadline, session -> {
            Draw draw = store.ensure(session, key, drawAt, now);
            if (!draw.done()) {
                return new View(draw, store.count(session, key), List.of());
            }
            List<DrawEntry> entries = store.entries(session, key).stream()
                    .sorted(java.util.Comparator.comparing(DrawEntry::position)).toList();
            return new View(draw, entries.size(), entries);
        }));
    }
}
