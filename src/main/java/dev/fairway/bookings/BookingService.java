package dev.fairway.bookings;

import dev.fairway.db.Database;
import dev.fairway.db.DatabaseException;
import dev.fairway.db.Deadline;
import dev.fairway.ids.RandomIds;
import dev.fairway.db.SqlSession;
import dev.fairway.teesheet.BookingClass;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.TeeSheet;
import dev.fairway.teesheet.TeeSheetChanges;
import dev.fairway.teesheet.TeeTime;
import dev.fairway.teesheet.TeeTimeGrid;
import dev.fairway.teesheet.Rate;
import dev.fairway.teesheet.Rounds;
import dev.fairway.teesheet.Tee;
import dev.fairway.teesheet.Turn;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Books and cancels tee times. Each booking is one transaction whose every run, first or
 * retried, looks first for what an earlier run of the same request did: the booking's id is made
 * before the first run, and an Idempotency-Key's answer is stored in the same transaction as the
 * booking. A COMMIT whose answer was lost therefore never books twice.
 */
public final class BookingService {

    /** The primary key of bookings: violated only by a second run of the same request. */
    private static final String BOOKING_ID = "booking_pkey";

    private final Database database;
    private final Clock clock;
    private final TeeSheetChanges changes;
    private final BookingStore bookings = new BookingStore();
    private final HoldStore holds = new HoldStore();
    private final IdempotencyStore keys = new IdempotencyStore();
    private final TeeTimeAdmission admission;
    private final Runnable emailWritten;

    /**
     * @param changes      told of every tee time whose bookings this instance changes
     * @param emailWritten told after a commit that wrote an email to the outbox
     */
    public BookingService(Database database, Clock clock, TeeSheetChanges changes, Runnable emailWritten) {
        this.database = database;
        this.clock = clock;
        this.changes = changes;
        this.admission = new TeeTimeAdmission(database.connections());
        this.emailWritten = emailWritten;
    }

    /**
     * Books a tee time.
     *
     * @param key the request's Idempotency-Key, or null
     */
    public BookingOutcome book(Course course, BookingRequest request, BookingTerms terms, String key,
                               Deadline deadline) {
        BookingOutcome outcome = bookOnce(course, request, terms, key, deadline);
        if (outcome instanceof BookingOutcome.Booked booked) {
            changes.teeTimeChanged(course.id(), booked.booking().start());
            if (booked.booking().email() != null) {
                emailWritten.run();
            }
        }
        return outcome;
    }

    private BookingOutcome bookOnce(Course course, BookingRequest request, BookingTerms terms, String key,
                                    Deadline deadline) {
        Start start = startOf(course, request);
        if (start.refusal() != null) {
            return start.refusal();
        }
        try (TeeTimeAdmission.Admitted admitted = admission.enter(course.id(), request.start(), deadline)) {
            if (admitted == null) {
                return new BookingOutcome.Busy();
            }
            return bookAdmitted(course, start.teeTime(), start.turn(), request, terms, key, deadline);
        }
    }

    /**
     * Where a request's round starts and turns on the day's grid, or why it cannot.
     *
     * @param teeTime its tee time
     * @param turn    its turn, or null
     * @param refusal {@code NotATeeTime} or {@code NO_TURN}, else null
     */
    private record Start(TeeTime teeTime, Turn turn, BookingOutcome refusal) {
    }

    private static Start startOf(Course course, BookingRequest request) {
        Optional<TeeTime> teeTime = TeeTimeGrid.at(course.rules(), request.start());
        Optional<Tee> tee = course.rules().layout().tee(request.tee());
        if (teeTime.isEmpty() || tee.isEmpty() || !tee.get().startsAt(teeTime.get())) {
            return new Start(null, null, new BookingOutcome.NotATeeTime());
        }
        Rounds.Plan plan = Rounds.plan(course.rules().layout(), tee.get(), teeTime.get(), request.holes(),
                TeeTimeGrid.on(course.rules(), teeTime.get().date()));
        return plan instanceof Rounds.Slots slots ? new Start(teeTime.get(), slots.turn(), null)
                : new Start(null, null, new BookingOutcome.Refused(BookingOutcome.Reason.NO_TURN, 0));
    }

    private BookingOutcome bookAdmitted(Course course, TeeTime teeTime, Turn turn, BookingRequest request,
                                        BookingTerms terms, String key, Deadline deadline) {
        String bookingId = RandomIds.next();
        if (key != null) {
            String fingerprint = request.fingerprint();
            return database.write("bookings.create", deadline, session -> LapsedHolds.retrying(session,
                    retry -> attemptWithKey(retry, propose(course, teeTime, turn, request, terms, bookingId), key,
                            fingerprint)));
        }
        if (terms.limited()) {
            // The booker's lock lasts until COMMIT, so this one needs a transaction.
            return database.write("bookings.create", deadline,
                    session -> attemptWithoutKey(session, propose(course, teeTime, turn, request, terms, bookingId)));
        }
        // Without a key every statement stands alone (the booking is one statement), so the work
        // runs in autocommit mode and saves a round trip.
        try {
            return database.writeStatements("bookings.create", deadline,
                    session -> attemptWithoutKey(session, propose(course, teeTime, turn, request, terms, bookingId)));
        } catch (DatabaseException e) {
            if (BOOKING_ID.equals(e.constraint())) {
                // A retry met the row of an earlier run whose commit was still under way.
                return find(bookingId, deadline).<BookingOutcome>map(BookingOutcome.Booked::new).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /**
     * What one run of a booking request would do, as of now: the booking it would store, the
     * course rule that refuses it, if one does (blocks are the database's to say), and the limits
     * it must stay within.
     *
     * @param ruleRefusal too soon, not yet released or too few players, or null
     * @param limits      the booker's limits, or null when none apply
     */
    record Proposal(Course course, Booking booking, BookingOutcome.Refused ruleRefusal,
                            BookingStore.Limits limits) {

        int maxPlayers() {
            return course.rules().maxPlayersPerTeeTime();
        }
    }

    private Proposal propose(Course course, TeeTime teeTime, Turn turn, BookingRequest request, BookingTerms terms,
                             String bookingId) {
        return propose(course, teeTime, turn, request, terms, bookingId, null);
    }

    /** As above, for a part of the group {@code groupId} (null for a booking of its own). */
    Proposal propose(Course course, TeeTime teeTime, Turn turn, BookingRequest request, BookingTerms terms,
                     String bookingId, String groupId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        TeeSheet sheet = new TeeSheet(course.rules(), now, terms.bookingClass());
        Instant releasesAt = sheet.releasesAt(teeTime.date());
        int minPlayers = sheet.minPlayers(teeTime);
        BookingOutcome.Refused ruleRefusal = null;
        if (sheet.tooSoon(teeTime)) {
            ruleRefusal = new BookingOutcome.Refused(BookingOutcome.Reason.TOO_SOON, 0);
        } else if (!terms.byStaff() && now.isBefore(releasesAt)) {
            ruleRefusal = new BookingOutcome.Refused(BookingOutcome.Reason.OUTSIDE_BOOKING_WINDOW, 0, releasesAt);
        } else if (!terms.byStaff() && request.players() < minPlayers) {
            ruleRefusal = new BookingOutcome.Refused(BookingOutcome.Reason.TOO_FEW_PLAYERS, minPlayers);
        }
        Rate rate = sheet.rate(teeTime, request.holes());
        Booking booking = new Booking(bookingId, course.id(), request.start(), request.players(), request.name(),
                request.email(), now, request.golferId(), request.booker(), request.tee(),
                request.holes(), turn == null ? null : new Booking.Slot(turn.tee(), turn.teeTime().instant()),
                rate == null ? null : rate.pricePerPlayer(), groupId);
        BookingStore.Limits limits = null;
        if (terms.limited() && request.booker() != null) {
            BookingClass limitsOf = terms.bookingClass();
            limits = new BookingStore.Limits(limitsOf.maxOpenBookings().orElse(Integer.MAX_VALUE),
                    limitsOf.maxBookingsPerDay().orElse(Integer.MAX_VALUE), now,
                    teeTime.date().atStartOfDay(course.rules().zone()).toInstant(),
                    teeTime.date().plusDays(1).atStartOfDay(course.rules().zone()).toInstant());
        }
        return new Proposal(course, booking, ruleRefusal, limits);
    }

    /** Takes the spots within the booker's limits, under the booker's lock; the outcome, taken or why not. */
    private BookingOutcome takeWithinLimits(SqlSession session, Proposal proposal, BookingStore.Remembered remembered)
            throws SQLException {
        Booking booking = proposal.booking();
        BookingStore.Limits limits = proposal.limits();
        bookings.lockBooker(session, booking.courseId(), booking.booker());
        BookingStore.LimitedTake take = bookings.takeWithinLimits(session, booking, proposal.maxPlayers(), limits,
                remembered);
        if (take.report().taken()) {
            return new BookingOutcome.Booked(booking);
        }
        if (take.report().blocked().any()) {
            return blocked(booking, take.report().blocked());
        }
        BookingOutcome.Refused limited = limitReached(limits, take.open(), take.onDay());
        return limited != null ? limited : full(session, proposal, take.report().room());
    }

    /** The refusal of a booking one of whose slots a block covers, naming that slot. */
    static BookingOutcome.Refused blocked(Booking booking, BookingStore.Report.Blocked blocked) {
        return blocked.start() ? BookingOutcome.Refused.bySlot(BookingOutcome.Reason.BLOCKED, 0, booking.startSlot(), false)
                : BookingOutcome.Refused.bySlot(BookingOutcome.Reason.BLOCKED, 0, booking.turn(), true);
    }

    /** The refusal of a booker at one of the limits, with these counts, or null. */
    static BookingOutcome.Refused limitReached(BookingStore.Limits limits, long open, long onDay) {
        if (open >= limits.maxOpen()) {
            return new BookingOutcome.Refused(BookingOutcome.Reason.OPEN_LIMIT_REACHED, limits.maxOpen());
        }
        if (onDay >= limits.maxPerDay()) {
            return new BookingOutcome.Refused(BookingOutcome.Reason.DAY_LIMIT_REACHED, limits.maxPerDay());
        }
        return null;
    }

    /** One run of a booking without a key: each statement commits by itself. */
    private BookingOutcome attemptWithoutKey(SqlSession session, Proposal proposal) throws SQLException {
        Booking booking = proposal.booking();
        if (session.attempt() > 1) {
            // An earlier run may have committed before its answer was lost: look, never book twice.
            BookingStore.Lookup earlier = bookings.lookup(session, booking);
            if (earlier.booking() != null) {
                return new BookingOutcome.Booked(earlier.booking());
            }
        }
        return take(session, proposal);
    }

    /**
     * Takes the proposal's spots, or says why not: within the booker's limits when it has some,
     * unless a block covers one of its slots. Part of whatever transaction the session is in.
     */
    BookingOutcome take(SqlSession session, Proposal proposal) throws SQLException {
        return LapsedHolds.retrying(session, retry -> takeOnce(retry, proposal));
    }

    private BookingOutcome takeOnce(SqlSession session, Proposal proposal) throws SQLException {
        Booking booking = proposal.booking();
        if (proposal.ruleRefusal() != null) {
            BookingStore.Report.Blocked blocked = bookings.blocked(session, booking);
            return blocked.any() ? blocked(booking, blocked) : proposal.ruleRefusal();
        }
        if (proposal.limits() != null) {
            return takeWithinLimits(session, proposal, null);
        }
        BookingStore.Report take = bookings.takeUnlessBlocked(session, booking, proposal.maxPlayers());
        if (take.blocked().any()) {
            return blocked(booking, take.blocked());
        }
        if (take.taken()) {
            return new BookingOutcome.Booked(booking);
        }
        return full(session, proposal, take.room());
    }

    /**
     * The refusal of a booking its take found too big, naming the slot: with the spots its
     * snapshot saw when they were already too few (the take then tried nothing), else as they are
     * now, after the take waited on a slot's row and another booking took them first. When a slot
     * still counts holds, those that have lapsed are swept first, and the take is tried again
     * ({@link LapsedHolds}) if any were.
     */
    BookingOutcome.Refused full(SqlSession session, Proposal proposal, BookingStore.Report.Room room)
            throws SQLException {
        Booking booking = proposal.booking();
        if (room.held() && holds.sweep(session, booking.courseId(), booking.startSlot(), booking.turn(),
                clock.instant()) > 0) {
            throw new LapsedHolds.Swept();
        }
        int players = booking.players();
        BookingStore.Report.Room now = room.start() < players || room.turn() < players ? room
                : bookings.spotsLeft(session, booking, proposal.maxPlayers());
        boolean turn = now.start() >= players && booking.turn() != null;
        return BookingOutcome.Refused.bySlot(BookingOutcome.Reason.FULL, turn ? now.turn() : now.start(),
                turn ? booking.turn() : booking.startSlot(), turn);
    }

    /**
     * One run of a booking with an Idempotency-Key, in one transaction that holds the key's lock:
     * the first answer is stored with the key, and a later run (or request) with it gets that answer.
     */
    private BookingOutcome attemptWithKey(SqlSession session, Proposal proposal, String key, String fingerprint)
            throws SQLException {
        Booking booking = proposal.booking();
        if (!keys.lock(session, key, session.attempt() > 1)) {
            return new BookingOutcome.InProgress();
        }
        if (proposal.ruleRefusal() == null && proposal.limits() == null) {
            return attemptWithKeyInOneStatement(session, proposal, key, fingerprint);
        }
        IdempotencyStore.Lookup stored;
        BookingOutcome.Refused refusal;
        if (proposal.limits() == null) {
            stored = keys.find(session, key, booking);
            refusal = stored.blocked().any() ? blocked(booking, stored.blocked()) : proposal.ruleRefusal();
        } else {
            // What the take would refuse on, as committed, in the look-up's statement: blocks, the
            // course's rules, the limits, the spots, in the take's own order.
            BookingStore.Standing standing = bookings.standing(session, key, booking, proposal.maxPlayers(),
                    proposal.limits());
            stored = standing.stored();
            refusal = standing.blocked().any() ? blocked(booking, standing.blocked())
                    : proposal.ruleRefusal() != null ? proposal.ruleRefusal()
                    : limitReached(proposal.limits(), standing.open(), standing.onDay());
            if (refusal == null && (standing.room().start() < booking.players()
                    || standing.room().turn() < booking.players())) {
                refusal = full(session, proposal, standing.room());
            }
        }
        if (stored.answer() != null) {
            return earlierAnswer(stored, booking, fingerprint);
        }
        if (refusal != null) {
            return refuseAndRemember(session, proposal.course(), refusal, key, fingerprint);
        }
        BookingStore.Remembered remembered = new BookingStore.Remembered(key, fingerprint,
                BookingAnswers.booked(booking, proposal.course().rules().zone()).body());
        // Here the booker's limits apply (a booking without them went the one-statement way).
        BookingOutcome outcome = takeWithinLimits(session, proposal, remembered);
        return outcome instanceof BookingOutcome.Refused refused
                ? refuseAndRemember(session, proposal.course(), refused, key, fingerprint) : outcome;
    }

    /** The usual keyed booking, which no rule refuses and no limit bounds: look-up and booking in one statement. */
    private BookingOutcome attemptWithKeyInOneStatement(SqlSession session, Proposal proposal, String key,
                                                        String fingerprint) throws SQLException {
        Booking booking = proposal.booking();
        BookingStore.KnownTake take = bookings.takeUnlessKnown(session, booking, proposal.maxPlayers(),
                new BookingStore.Remembered(key, fingerprint,
                        BookingAnswers.booked(booking, proposal.course().rules().zone()).body()));
        IdempotencyStore.Lookup stored = take.stored();
        if (stored.answer() != null) {
            return earlierAnswer(stored, booking, fingerprint);
        }
        if (take.report().taken()) {
            return new BookingOutcome.Booked(booking);
        }
        BookingOutcome.Refused refused = take.report().blocked().any() ? blocked(booking, take.report().blocked())
                : full(session, proposal, take.report().room());
        return refuseAndRemember(session, proposal.course(), refused, key, fingerprint);
    }

    /** The key was used before: its answer again for the same request, else the key was reused. */
    private static BookingOutcome earlierAnswer(IdempotencyStore.Lookup stored, Booking booking, String fingerprint) {
        return stored.fingerprint().equals(fingerprint)
                ? new BookingOutcome.Replayed(stored.answer(), booking.id().equals(stored.answer().bookingId()))
                : new BookingOutcome.KeyReused();
    }

    private BookingOutcome refuseAndRemember(SqlSession session, Course course, BookingOutcome.Refused refused,
                                             String key, String fingerprint) throws SQLException {
        keys.remember(session, key, fingerprint, BookingAnswers.refused(refused, course));
        return refused;
    }

    /**
     * Books a round in the caller's transaction, on the rules of {@code terms} (a draw books its
     * winners so, each with its outcome in the same transaction); the caller tells the caches and
     * the outbox after its commit ({@link #booked}).
     */
    public BookingOutcome bookIn(SqlSession session, Course course, BookingRequest request, BookingTerms terms)
            throws SQLException {
        Start start = startOf(course, request);
        return start.refusal() != null ? start.refusal()
                : take(session, propose(course, start.teeTime(), start.turn(), request, terms, RandomIds.next(), null));
    }

    /** Tells this instance's caches, the other instances and the outbox of bookings committed by {@link #bookIn}. */
    public void booked(List<Booking> committed) {
        committed.forEach(booking -> changes.teeTimeChanged(booking.courseId(), booking.start()));
        if (committed.stream().anyMatch(booking -> booking.email() != null)) {
            emailWritten.run();
        }
    }

    /** The line bookings of one tee time wait in on this instance; holds take their spots through it too. */
    TeeTimeAdmission admission() {
        return admission;
    }

    public Optional<Booking> find(String id, Deadline deadline) {
        if (!RandomIds.plausible(id)) {
            return Optional.empty();
        }
        return database.read("bookings.find", deadline, session -> bookings.find(session, id));
    }

    /**
     * Cancels a booking and frees its spots in the same transaction. Cancelling a cancelled booking
     * changes nothing and is not an error.
     *
     * @param overrideCutoff true for the admin, who may cancel after the cutoff
     * @param golferId       the golfer whose token came with the request, or null: a golfer's token
     *                       cannot cancel another golfer's booking (its link alone still can)
     */
    public CancelOutcome cancel(String id, boolean overrideCutoff, String golferId, Deadline deadline) {
        if (!RandomIds.plausible(id)) {
            return CancelOutcome.NOT_FOUND;
        }
        Cancellation cancellation = database.write("bookings.cancel", deadline, session -> {
            Optional<BookingStore.CancelTarget> target = bookings.lockForCancel(session, id);
            if (target.isEmpty()) {
                return new Cancellation(CancelOutcome.NOT_FOUND, null);
            }
            Booking booking = target.get().booking();
            if (golferId != null && booking.golferId() != null && !booking.golferId().equals(golferId)) {
                return new Cancellation(CancelOutcome.NOT_YOURS, null);
            }
            if (booking.status() == Booking.Status.CANCELLED) {
                // Cancelled before, or by this call's own earlier attempt whose COMMIT answer was lost.
                return new Cancellation(CancelOutcome.CANCELLED, booking);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Duration cutoff = Duration.ofMinutes(target.get().cancellationCutoffMinutes());
            if (!overrideCutoff && now.plus(cutoff).isAfter(booking.start())) {
                return new Cancellation(CancelOutcome.CUTOFF_PASSED, null);
            }
            bookings.cancel(session, id, now);
            return new Cancellation(CancelOutcome.CANCELLED, booking, booking.email() != null);
        });
        if (cancellation.freed() != null) {
            changes.teeTimeChanged(cancellation.freed().courseId(), cancellation.freed().start());
        }
        if (cancellation.emailWritten()) {
            emailWritten.run();
        }
        return cancellation.outcome();
    }

    /**
     * What a cancel did.
     *
     * @param outcome its outcome
     * @param freed   the cancelled booking, whose tee time has spots again (or may have), or null
     * @param emailWritten whether its notice was written to the outbox
     */
    private record Cancellation(CancelOutcome outcome, Booking freed, boolean emailWritten) {

        Cancellation(CancelOutcome outcome, Booking freed) {
            this(outcome, freed, false);
        }
    }

    /** Cancels a booking already locked for it (a group's part), in the caller's transaction. */
    void cancelLocked(SqlSession session, String id, Instant now) throws SQLException {
        bookings.cancel(session, id, now);
    }

    /** The golfer's bookings of tee times to come, soonest first. */
    public List<Booking> ofGolfer(String golferId, Deadline deadline) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return database.read("bookings.golfer", deadline, session -> bookings.ofGolfer(session, golferId, now));
    }

    /** A day's bookings of a course, by tee time. */
    public List<Booking> day(Course course, LocalDate date, Deadline deadline) {
        Instant from = date.atStartOfDay(course.rules().zone()).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(course.rules().zone()).toInstant();
        return database.read("bookings.day", deadline, session -> bookings.between(session, course.id(), from, to));
    }
}
