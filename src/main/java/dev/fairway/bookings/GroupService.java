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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Groups: {@code ceil(players / max)} consecutive tee times of one tee, the players spread as
 * evenly as possible (larger parts first), each part a booking with its own turn, all or nothing:
 * every part is a take of the slot model in one transaction, and the first refusal rolls it back.
 */
public final class GroupService {

    private final Database database;
    private final Clock clock;
    private final BookingService bookings;
    private final TeeSheetChanges changes;
    private final Runnable emailWritten;
    private final GroupStore groups = new GroupStore();
    private final IdempotencyStore keys = new IdempotencyStore();

    public GroupService(Database database, Clock clock, BookingService bookings, TeeSheetChanges changes,
                        Runnable emailWritten) {
        this.database = database;
        this.clock = clock;
        this.bookings = bookings;
        this.changes = changes;
        this.emailWritten = emailWritten;
    }

    /** A part's refusal, thrown to roll the group's transaction back. */
    private static final class PartRefused extends RuntimeException {
        final transient GroupOutcome.Refused refused;

        PartRefused(GroupOutcome.Refused refused) {
            super(null, null, false, false);
            this.refused = refused;
        }
    }

    /** Sizes of {@code parts} parts of {@code players}, larger first: 11 in 3 is 4, 4, 3. */
    static List<Integer> spread(int players, int parts) {
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            sizes.add(players / parts + (i < players % parts ? 1 : 0));
        }
        return sizes;
    }

    GroupOutcome book(Course course, GroupRequest request, BookingTerms terms, String key, Deadline deadline) {
        int max = course.rules().maxPlayersPerTeeTime();
        int parts = (request.players() + max - 1) / max;
        Optional<TeeTime> first = TeeTimeGrid.at(course.rules(), request.start());
        Tee tee = course.rules().layout().tee(request.tee()).orElseThrow();
        if (first.isEmpty() || !tee.startsAt(first.get())) {
            return new GroupOutcome.NotATeeTime(parts, 0);
        }
        List<TeeTime> day = TeeTimeGrid.on(course.rules(), first.get().date());
        List<TeeTime> starts = day.stream().filter(t -> t.epochSecond() >= first.get().epochSecond())
                .filter(tee::startsAt).limit(parts).toList();
        if (starts.size() < parts) {
            return new GroupOutcome.NotATeeTime(parts, starts.size());
        }
        List<Integer> sizes = spread(request.players(), parts);
        List<Rounds.Slots> rounds = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            Rounds.Plan plan = Rounds.plan(course.rules().layout(), tee, starts.get(i), request.holes(), day);
            if (!(plan instanceof Rounds.Slots slots)) {
                return new GroupOutcome.Refused(starts.get(i).instant(), tee.name(), i,
                        new BookingOutcome.Refused(BookingOutcome.Reason.NO_TURN, 0));
            }
            rounds.add(slots);
        }
        String groupId = RandomIds.next();
        List<String> ids = starts.stream().map(t -> RandomIds.next()).toList();
        String fingerprint = request.fingerprint();
        GroupOutcome outcome;
        try {
            outcome = database.write("groups.create", deadline, session -> {
                if (key != null) {
                    if (!keys.lock(session, key, session.attempt() > 1)) {
                        return new GroupOutcome.InProgress();
                    }
                    IdempotencyStore.Lookup stored = keys.find(session, key);
                    if (stored.answer() != null) {
                        return stored.fingerprint().equals(fingerprint) ? new GroupOutcome.Replayed(stored.answer())
                                : new GroupOutcome.KeyReused();
                    }
                }
                if (session.attempt() > 1) {
                    List<Booking> earlier = groups.parts(session, groupId);
                    if (!earlier.isEmpty()) {
                        return new GroupOutcome.Booked(groupId, request.players(), earlier);
                    }
                }
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                groups.insert(session, groupId, course.id(), request.players(), now);
                List<Booking> booked = new ArrayList<>();
                for (int i = 0; i < parts; i++) {
                    BookingService.Proposal proposal = bookings.propose(course, starts.get(i), rounds.get(i).turn(),
                            request.part(starts.get(i).instant(), sizes.get(i)), terms, ids.get(i), groupId);
                    BookingOutcome part = bookings.take(session, proposal);
                    if (part instanceof BookingOutcome.Refused refused) {
                        throw new PartRefused(new GroupOutcome.Refused(starts.get(i).instant(), tee.name(), i, refused));
                    }
                    booked.add(((BookingOutcome.Booked) part).booking());
                }
                GroupOutcome.Booked done = new GroupOutcome.Booked(groupId, request.players(), booked);
                if (key != null) {
                    keys.rememberBooked(session, key, fingerprint, GroupAnswers.booked(done, course).body(), ids.getFirst());
                }
                return done;
            });
        } catch (PartRefused refused) {
            return key == null ? refused.refused : remember(course, refused.refused, key, fingerprint, deadline);
        }
        if (outcome instanceof GroupOutcome.Booked done) {
            done.parts().forEach(part -> changes.teeTimeChanged(course.id(), part.start()));
            if (request.email() != null) {
                emailWritten.run();
            }
        }
        return outcome;
    }

    /**
     * Keeps a refusal under its key, as a booking's is, in a transaction of its own (the group's
     * rolled back); when a request with the key answered meanwhile, that answer is the key's.
     */
    private GroupOutcome remember(Course course, GroupOutcome.Refused refused, String key, String fingerprint,
                                  Deadline deadline) {
        return database.write("groups.refused", deadline, session -> {
            keys.lock(session, key, true);
            IdempotencyStore.Lookup stored = keys.find(session, key);
            if (stored.answer() != null) {
                return stored.fingerprint().equals(fingerprint) ? new GroupOutcome.Replayed(stored.answer())
                        : new GroupOutcome.KeyReused();
            }
            keys.remember(session, key, fingerprint, GroupAnswers.refused(refused, course));
            return refused;
        });
    }

    /** The group and its parts, as booked (a cancelled part says so). */
    Optional<GroupOutcome.Booked> find(String groupId, Deadline deadline) {
        if (!RandomIds.plausible(groupId)) {
            return Optional.empty();
        }
        return database.read("groups.find", deadline, session -> {
            Optional<Integer> players = groups.players(session, groupId);
            if (players.isEmpty()) {
                return Optional.<GroupOutcome.Booked>empty();
            }
            return Optional.of(new GroupOutcome.Booked(groupId, players.get(), groups.parts(session, groupId)));
        });
    }

    /**
     * Cancels every part of a group in one transaction, with the cutoff of a booking: when one
     * confirmed part is within it (and the caller is not the admin), none is cancelled.
     */
    public CancelOutcome cancel(String groupId, boolean overrideCutoff, String golferId, Deadline deadline) {
        if (!RandomIds.plausible(groupId)) {
            return CancelOutcome.NOT_FOUND;
        }
        List<Booking> cancelled = new ArrayList<>();
        CancelOutcome outcome = database.write("groups.cancel", deadline, session -> {
            cancelled.clear();
            List<BookingStore.CancelTarget> parts = groups.lockParts(session, groupId);
            if (parts.isEmpty()) {
                return CancelOutcome.NOT_FOUND;
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            for (BookingStore.CancelTarget part : parts) {
                Booking booking = part.booking();
                if (golferId != null && booking.golferId() != null && !booking.golferId().equals(golferId)) {
                    return CancelOutcome.NOT_YOURS;
                }
                if (!overrideCutoff && booking.holdsSpots()
                        && now.plus(Duration.ofMinutes(part.cancellationCutoffMinutes())).isAfter(booking.start())) {
                    return CancelOutcome.CUTOFF_PASSED;
                }
            }
            for (BookingStore.CancelTarget part : parts) {
                if (part.booking().holdsSpots()) {
                    bookings.cancelLocked(session, part.booking().id(), now);
                    cancelled.add(part.booking());
                }
            }
            return CancelOutcome.CANCELLED;
        });
        cancelled.forEach(part -> changes.teeTimeChanged(part.courseId(), part.start()));
        if (cancelled.stream().anyMatch(part -> part.email() != null)) {
            emailWritten.run();
        }
        return outcome;
    }

    static final class GroupStore {

        void insert(SqlSession session, String id, String courseId, int players, Instant now) throws SQLException {
            session.update("insert into booking_group (id, course_id, players, created_at) values (?, ?, ?, ?)",
                    params -> {
                        params.setString(1, id);
                        params.setString(2, courseId);
                        params.setInt(3, players);
                        params.setInstant(4, now);
                    });
        }

        Optional<Integer> players(SqlSession session, String groupId) throws SQLException {
            return session.queryOne("select players from booking_group where id = ?",
                    params -> params.setString(1, groupId), row -> row.getInt(1));
        }

        List<Booking> parts(SqlSession session, String groupId) throws SQLException {
            return new BookingStore().ofGroup(session, groupId);
        }

        List<BookingStore.CancelTarget> lockParts(SqlSession session, String groupId) throws SQLException {
            return new BookingStore().lockGroupForCancel(session, groupId);
        }
    }
}
