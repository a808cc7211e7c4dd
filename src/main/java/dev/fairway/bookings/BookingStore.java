package dev.fairway.bookings;

import dev.fairway.db.Params;
import dev.fairway.db.SqlSession;
import dev.fairway.db.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of bookings. A booking takes spots on its slots, its start slot and, for a round that
 * turns, its turn slot, by one statement of conditional upserts on their rows, which PostgreSQL
 * runs atomically and each row's CHECK backs up: no interleaving of transactions, on however many
 * instances, can put more players on a slot than it holds, nor book half a round
 * (docs/architecture.md, "Slots").
 */
final class BookingStore {

    /**
     * Whether a block covers a slot; four parameters ({@link #bindBlocked}): course, start, start,
     * tee. A slot that is not there (a round without a turn: its start null) is not blocked.
     */
    static final String BLOCKED = "exists (select 1 from block k where k.course_id = ? and k.starts_at <= ? "
            + "and k.ends_at > ? and (k.tees is null or ? = any (k.tees)))";

    private static final String COLUMNS = "b.id, b.course_id, b.starts_at, b.players, b.name, b.email, b.status, b.created_at, "
            + "b.golfer_id, b.booker, b.tee, b.holes, b.turn_tee, b.turn_starts_at, b.price_per_player, b.group_id, "
            + "b.notes, b.sequence";

    /**
     * The spots left on a slot under the course's current maximum, in the statement's snapshot
     * (a slot that is not there has them all); five parameters ({@link #bindRoom}).
     */
    static final String ROOM = "greatest(0, coalesce((select least(r.capacity, ?) - r.booked - r.held "
            + "from tee_time r where r.course_id = ? and r.tee = ? and r.starts_at = ?), ?))";
    /**
     * Whether a slot of the booking's still counts holds in {@code held}, some of which may have
     * lapsed since: then a refusal for want of spots sweeps them and tries again
     * ({@link HoldStore#sweep}). Five parameters ({@link #bindHeld}): course, and each slot.
     */
    static final String HELD = "(select coalesce(sum(r.held), 0) > 0 from tee_time r where r.course_id = ? "
            + "and ((r.tee = ? and r.starts_at = ?) or (r.tee = ? and r.starts_at = ?)))";
    /**
     * A booker's bookings that hold spots and live holds at a course, of tee times to come
     * ({@code open}) and on the tee time's date ({@code on_day}); twelve parameters
     * ({@link #bindCounts}). A live hold counts toward the limits as the booking it may become.
     */
    static final String COUNTS = """
            (select count(*) from booking where course_id = ? and booker = ? and status <> 'cancelled'
                and starts_at > ?)
              + (select count(*) from hold where course_id = ? and booker = ? and status = 'held' and expires_at > ?
                and starts_at > ?) as open,
            (select count(*) from booking where course_id = ? and booker = ? and status <> 'cancelled'
                and starts_at >= ? and starts_at < ?)
              + (select count(*) from hold where course_id = ? and booker = ? and status = 'held' and expires_at > ?
                and starts_at >= ? and starts_at < ?) as on_day""";

    /**
     * The end of an insert into {@code tee_time as t} of one slot's new players ({@code booked}):
     * they are added only while the slot has room for them under the course's maximum (the
     * inserted {@code capacity}); otherwise the slot is left as it is and no row is returned.
     */
    static final String TAKE_IF_ROOM = takeIfRoom("booked");

    /** {@link #TAKE_IF_ROOM} of players taken into {@code column}: {@code booked} or {@code held}. */
    static String takeIfRoom(String column) {
        return """
                on conflict (course_id, tee, starts_at) do update set %1$s = t.%1$s + excluded.%1$s
                where t.booked + t.held + excluded.%1$s <= least(t.capacity, excluded.capacity)""".formatted(column);
    }

    /** A booking's row, as {@link #take}'s party; sixteen parameters ({@link #bindBookingRow}). */
    static final String BOOKING_ROW = """
            insert into booking (id, course_id, starts_at, players, name, email, status, created_at, golfer_id, booker,
                                 tee, holes, turn_tee, turn_starts_at, price_per_player, group_id)
            select ?, ?, ?, ?, ?, ?, 'confirmed', ?, ?, ?, ?, ?, ?, ?, ?, ?""";

    /**
     * The common table expressions that take the spots of a party's slots into {@code column}
     * ({@code booked} for a booking, {@code held} for a hold) and insert the party's row
     * ({@code row}, an insert whose select this ends): the room of each slot in the snapshot, and
     * whether a slot counts holds ({@code room}, from one look-up of each slot's row); the slots ({@code wanted}, one or two); their
     * conditional upserts, in (tee, start) order so that two rounds never lock the same two slots
     * in opposite orders ({@code taken}); the party, only when every slot was taken; and
     * {@code whole}, which raises a serialization failure (40001: the unit of work is run again)
     * when some slots were taken but not all, so that the statement is undone whole. When
     * {@code guard} is false, or the snapshot already shows too few spots on a slot, nothing is
     * tried and no row is locked (a release morning's refusals of a full slot do not wait in line
     * on it). Parameters: {@link #bindSlots}, then the row's.
     */
    static String take(String column, String guard, String row) {
        return """
                start_slot as (select r.capacity, r.booked, r.held from tee_time r
                               where r.course_id = ? and r.tee = ? and r.starts_at = ?),
                turn_slot as (select r.capacity, r.booked, r.held from tee_time r
                              where r.course_id = ? and r.tee = ? and r.starts_at = ?),
                room as (select greatest(0, coalesce((select least(s.capacity, ?) - s.booked - s.held from start_slot s), ?))
                                    as start_spots,
                                greatest(0, coalesce((select least(s.capacity, ?) - s.booked - s.held from turn_slot s), ?))
                                    as turn_spots,
                                coalesce((select held from start_slot), 0) + coalesce((select held from turn_slot), 0) > 0
                                    as held),
                wanted as (select * from (values (?::text, ?::timestamptz), (?::text, ?::timestamptz)) w (tee, starts_at)
                           where w.starts_at is not null),
                taken as (
                    insert into tee_time as t (course_id, tee, starts_at, capacity, %1$s)
                    select ?, w.tee, w.starts_at, ?, ? from wanted w
                    where %2$s and (select start_spots from room) >= ? and (select turn_spots from room) >= ?
                    order by w.tee, w.starts_at
                %3$s
                    returning 1),
                inserted as (
                %4$s
                    where (select count(*) from taken) = (select count(*) from wanted)
                    returning id),
                whole as (select case when (select count(*) from taken) between 1 and (select count(*) from wanted) - 1
                                      then fairway_slots_changed() else 0 end as checked)
                """.formatted(column, guard, takeIfRoom(column), row);
    }

    /** {@link #take} of a booking: guarded by {@code guard}, with its emails when it has an address. */
    private static String takeBooking(String guard, Booking booking) {
        return take("booked", guard, BOOKING_ROW) + emailsOf(booking);
    }

    /** What the statements that take report of the slots: blocked and spots, each slot; taken. */
    static final String REPORT = "(select checked from whole) as checked, (select count(*) from inserted) as taken, "
            + "(select start_spots from room) as start_spots, (select turn_spots from room) as turn_spots, "
            + "(select held from room) as held, "
            + "(select start_blocked from blocked) as start_blocked, (select turn_blocked from blocked) as turn_blocked";

    /** Whether a block covers the start slot or the turn slot; eight parameters ({@link #bindBlockedSlots}). */
    static final String BLOCKED_SLOTS = "blocked as (select " + BLOCKED + " as start_blocked, " + BLOCKED
            + " as turn_blocked), ";

    /**
     * The booking's confirmation, written to the outbox as a reference and put into words when
     * sent; its reminder is scheduled when the confirmation has gone ({@link #scheduleReminder}),
     * off the booking's path. One parameter: the recipient.
     */
    private static final String EMAILED = """
            ,
            emailed as (
                insert into email (id, kind, booking_id, recipient)
                select id || '%s', 'confirmation', id, ? from inserted)
            """.formatted(BookingEmails.CONFIRMED);


    /** Stores a booking's answer under its Idempotency-Key, from the {@code inserted} expression. */
    private static final String REMEMBER =
            "insert into idempotency_key (key_hash, fingerprint, response_status, response_body, booking_id) "
            + "select " + IdempotencyStore.KEY_HASH + ", " + IdempotencyStore.FINGERPRINT + ", 201, ?, id from inserted";

    /**
     * What {@link #lookup} found.
     *
     * @param booking the booking an earlier attempt of the same request committed, or null
     * @param blocked which of the booking's slots a block covers
     */
    record Lookup(Booking booking, Report.Blocked blocked) {
    }

    /**
     * What a statement that takes found and did.
     *
     * @param blocked which slot a block covers (then nothing was tried)
     * @param taken   whether the spots were taken and the booking stored
     * @param room    the spots left on each slot as the statement began
     */
    record Report(Blocked blocked, boolean taken, Room room) {

        /** Whether a block covers the start slot, the turn slot. */
        record Blocked(boolean start, boolean turn) {
            boolean any() {
                return start || turn;
            }
        }

        /**
         * The spots left on the start slot and the turn slot (all of them when there is none), and
         * whether either still counts holds (some may have lapsed: {@link HoldStore#sweep}).
         */
        record Room(int start, int turn, boolean held) {
        }

        static Report of(ResultSet row) throws SQLException {
            return new Report(new Blocked(row.getBoolean("start_blocked"), row.getBoolean("turn_blocked")),
                    row.getInt("taken") == 1, new Room(row.getInt("start_spots"), row.getInt("turn_spots"),
                    row.getBoolean("held")));
        }
    }

    /**
     * A booking about to be cancelled, locked.
     *
     * @param booking                   the booking
     * @param cancellationCutoffMinutes its course's cutoff
     */
    record CancelTarget(Booking booking, int cancellationCutoffMinutes) {
    }

    /** In one round trip: the booking an earlier attempt made with this id, and whether its slots are blocked. */
    Lookup lookup(SqlSession session, Booking booking) throws SQLException {
        return session.queryOne("select " + COLUMNS + ", " + BLOCKED + " as start_blocked, " + BLOCKED
                        + " as turn_blocked from (select 1) as one left join booking b on b.id = ?",
                params -> params.setString(bindBlockedSlots(params, 1, booking), booking.id()),
                row -> new Lookup(row.getString("id") == null ? null : booking(row),
                        new Report.Blocked(row.getBoolean("start_blocked"), row.getBoolean("turn_blocked"))))
                .orElseThrow();
    }

    /** Which of the booking's slots a block covers. */
    Report.Blocked blocked(SqlSession session, Booking booking) throws SQLException {
        return session.queryOne("select " + BLOCKED + ", " + BLOCKED, params -> bindBlockedSlots(params, 1, booking),
                rs -> new Report.Blocked(rs.getBoolean(1), rs.getBoolean(2))).orElseThrow();
    }

    /**
     * In one statement: unless a block covers one of its slots, takes the booking's spots and
     * stores it. With fewer spots left on a slot, or a block, nothing changes.
     */
    Report takeUnlessBlocked(SqlSession session, Booking booking, int maxPlayers) throws SQLException {
        return session.queryOne("with " + BLOCKED_SLOTS
                        + takeBooking("not (select start_blocked or turn_blocked from blocked)", booking)
                        + "select " + REPORT,
                params -> bindEmails(params, bindTake(params, bindBlockedSlots(params, 1, booking), booking, maxPlayers),
                        booking),
                Report::of).orElseThrow();
    }

    /**
     * What {@link #takeUnlessKnown} found and did.
     *
     * @param stored what was stored under the key (its answer null when unused)
     * @param report what the take found and did
     */
    record KnownTake(IdempotencyStore.Lookup stored, Report report) {
    }

    /**
     * In one statement, run after the key's lock: what is stored under the key, whether a block
     * covers a slot, and, when neither stops it, the booking with its answer stored under the
     * key. The look-up and the booking share the statement's snapshot, taken after the lock, so a
     * commit that released the lock is seen; it saves the keyed booking a round trip.
     */
    KnownTake takeUnlessKnown(SqlSession session, Booking booking, int maxPlayers, Remembered remembered)
            throws SQLException {
        String sql = "with existing as (select encode(i.fingerprint, 'hex') as fingerprint, i.response_status, "
                + "i.response_body, i.booking_id from idempotency_key i where i.key_hash = " + IdempotencyStore.KEY_HASH
                + "), " + BLOCKED_SLOTS
                + takeBooking("not exists (select 1 from existing) and not (select start_blocked or turn_blocked "
                + "from blocked)", booking)
                + ", remembered as (" + REMEMBER + ") "
                + "select e.fingerprint, e.response_status, e.response_body, e.booking_id, " + REPORT
                + " from (select 1) as one left join existing e on true";
        return session.queryOne(sql, params -> {
            params.setString(1, remembered.key());
            int next = bindBlockedSlots(params, 2, booking);
            remembered.bind(params, bindEmails(params, bindTake(params, next, booking, maxPlayers), booking));
        }, row -> {
            Report report = Report.of(row);
            return new KnownTake(IdempotencyStore.lookup(row, report.blocked()), report);
        }).orElseThrow();
    }

    /**
     * What to store under an Idempotency-Key if the booking is taken.
     *
     * @param key         the key
     * @param fingerprint the request's fingerprint
     * @param answer      the 201 answer's body
     */
    record Remembered(String key, String fingerprint, String answer) {

        int bind(Params params, int first) throws SQLException {
            params.setString(first, key);
            params.setString(first + 1, fingerprint);
            params.setString(first + 2, answer);
            return first + 3;
        }
    }

    /**
     * A booker's limits at a course, as of {@code now}.
     *
     * @param maxOpen   how many confirmed bookings of tee times after {@code now} the booker may hold
     * @param maxPerDay how many on the tee time's local date, {@code [dayStart, dayEnd)}
     */
    record Limits(int maxOpen, int maxPerDay, Instant now, Instant dayStart, Instant dayEnd) {
    }

    /**
     * What {@link #takeWithinLimits} found and did.
     *
     * @param open   the booker's confirmed bookings of tee times to come, before this one
     * @param onDay  the booker's confirmed bookings on the tee time's date, before this one
     * @param report what the take found and did
     */
    record LimitedTake(long open, long onDay, Report report) {
    }

    /**
     * Serializes one booker's bookings at a course, on every instance, until the transaction
     * ends: the next statement, which counts the booker's bookings, then sees every one committed.
     */
    void lockBooker(SqlSession session, String courseId, String booker) throws SQLException {
        session.query("select pg_advisory_xact_lock(hashtextextended('booker:' || ? || ':' || ?, 0))", params -> {
            params.setString(1, courseId);
            params.setString(2, booker);
        }, row -> null);
    }

    /**
     * In one statement, run under {@link #lockBooker}: unless a block covers the tee time or the
     * booker is at a limit, takes the spots and stores the booking (and, given one, the key's answer).
     * The counts and the insert are one statement on one snapshot taken after the lock, so no
     * other booking of the same booker can come between them.
     */
    LimitedTake takeWithinLimits(SqlSession session, Booking booking, int maxPlayers, Limits limits,
                                 Remembered remembered) throws SQLException {
        String sql = "with " + BLOCKED_SLOTS + """
                counted as (select %s),
                allowed as (select not (select start_blocked or turn_blocked from blocked) and open < ? and on_day < ?
                            as yes from counted),
                """.formatted(COUNTS) + takeBooking("(select yes from allowed)", booking)
                + (remembered == null ? "" : ", remembered as (" + REMEMBER + ")")
                + " select (select open from counted) as open, (select on_day from counted) as on_day, " + REPORT;
        return session.queryOne(sql, params -> {
            int i = bindCounts(params, bindBlockedSlots(params, 1, booking), booking, limits);
            params.setInt(i++, limits.maxOpen());
            params.setInt(i++, limits.maxPerDay());
            int next = bindEmails(params, bindTake(params, i, booking, maxPlayers), booking);
            if (remembered != null) {
                remembered.bind(params, next);
            }
        }, rs -> new LimitedTake(rs.getLong("open"), rs.getLong("on_day"), Report.of(rs))).orElseThrow();
    }

    /**
     * Where a limited booker stands, as committed, read with the key's look-up.
     *
     * @param stored  what is stored under the key
     * @param open    the booker's confirmed bookings of tee times to come
     * @param onDay   the booker's confirmed bookings on the tee time's date
     * @param blocked which of the booking's slots a block covers
     * @param room    the spots left on each slot
     */
    record Standing(IdempotencyStore.Lookup stored, long open, long onDay, Report.Blocked blocked, Report.Room room) {
    }

    /**
     * In one statement, run after the key's lock like {@link IdempotencyStore#find}: what that
     * finds, and the counts and spots {@link #takeWithinLimits} would refuse on. A refusal they
     * show needs neither the booker's lock nor the slots' rows: on a release morning most
     * bookings are refusals of tee times already gone, and each saves two round trips.
     */
    Standing standing(SqlSession session, String key, Booking booking, int maxPlayers, Limits limits)
            throws SQLException {
        String sql = "select encode(i.fingerprint, 'hex') as fingerprint, i.response_status, i.response_body, "
                + "i.booking_id, " + BLOCKED + " as start_blocked, " + BLOCKED + " as turn_blocked, " + COUNTS + ", "
                + ROOM + " as start_spots, " + ROOM + " as turn_spots, " + HELD + " as held "
                + "from (select 1) as one left join idempotency_key i on i.key_hash = " + IdempotencyStore.KEY_HASH;
        return session.queryOne(sql, params -> {
            int next = bindRooms(params, bindCounts(params, bindBlockedSlots(params, 1, booking), booking, limits),
                    booking, maxPlayers);
            params.setString(bindHeld(params, next, booking.courseId(), booking.startSlot(), booking.turn()), key);
        }, row -> {
            Report.Blocked blocked = new Report.Blocked(row.getBoolean("start_blocked"), row.getBoolean("turn_blocked"));
            return new Standing(IdempotencyStore.lookup(row, blocked), row.getLong("open"), row.getLong("on_day"),
                    blocked, new Report.Room(row.getInt("start_spots"), row.getInt("turn_spots"), row.getBoolean("held")));
        }).orElseThrow();
    }

    /** The golfer's bookings, confirmed and cancelled, whose tee time is after {@code now}, soonest first. */
    List<Booking> ofGolfer(SqlSession session, String golferId, Instant now) throws SQLException {
        return session.query("select " + COLUMNS + " from booking b where b.golfer_id = ? and b.starts_at > ? "
                + "order by b.starts_at, b.created_at, b.id", params -> {
                    params.setString(1, golferId);
                    params.setInstant(2, now);
                }, BookingStore::booking);
    }

    /** Spots left on each of the booking's slots under the course's current maximum. */
    Report.Room spotsLeft(SqlSession session, Booking booking, int maxPlayers) throws SQLException {
        return session.queryOne("select " + ROOM + ", " + ROOM + ", " + HELD,
                params -> bindHeld(params, bindRooms(params, 1, booking, maxPlayers), booking.courseId(),
                        booking.startSlot(), booking.turn()),
                rs -> new Report.Room(rs.getInt(1), rs.getInt(2), rs.getBoolean(3))).orElseThrow();
    }

    Optional<Booking> find(SqlSession session, String id) throws SQLException {
        return session.queryOne("select " + COLUMNS + " from booking b where b.id = ?",
                params -> params.setString(1, id), BookingStore::booking);
    }

    /** The parts of a group, by start. */
    List<Booking> ofGroup(SqlSession session, String groupId) throws SQLException {
        return session.query("select " + COLUMNS + " from booking b where b.group_id = ? order by b.starts_at, b.id",
                params -> params.setString(1, groupId), BookingStore::booking);
    }

    /** Locks every part of a group against a concurrent cancel, by start, with its course's cutoff. */
    List<CancelTarget> lockGroupForCancel(SqlSession session, String groupId) throws SQLException {
        return session.query("select " + COLUMNS + ", c.cancellation_cutoff_minutes from booking b "
                        + "join course c on c.id = b.course_id where b.group_id = ? order by b.starts_at, b.id for update of b",
                params -> params.setString(1, groupId),
                row -> new CancelTarget(booking(row), row.getInt("cancellation_cutoff_minutes")));
    }

    /** Locks the booking against a concurrent cancel, and reads its course's cutoff. */
    Optional<CancelTarget> lockForCancel(SqlSession session, String id) throws SQLException {
        return session.queryOne("select " + COLUMNS + ", c.cancellation_cutoff_minutes from booking b "
                        + "join course c on c.id = b.course_id where b.id = ? for update of b",
                params -> params.setString(1, id),
                row -> new CancelTarget(booking(row), row.getInt("cancellation_cutoff_minutes")));
    }

    /**
     * Marks a confirmed booking cancelled and gives its spots back, in one statement that also
     * writes its cancellation notice and calls off its reminder.
     */
    void cancel(SqlSession session, String id, Instant now) throws SQLException {
        session.update("""
                with cancelled as (
                    update booking set status = 'cancelled', cancelled_at = ?
                    where id = ? and status <> 'cancelled'
                    returning id, course_id, tee, starts_at, turn_tee, turn_starts_at, players, email),
                unreminded as (
                    update email set status = 'cancelled'
                    where id = (select id || '%s' from cancelled) and status = 'pending'),
                noticed as (
                    insert into email (id, kind, booking_id, recipient)
                    select id || '%s', 'cancellation', id, email from cancelled where email is not null)
                update tee_time t set booked = t.booked - c.players
                from cancelled c where t.course_id = c.course_id
                  and ((t.tee = c.tee and t.starts_at = c.starts_at) or (t.tee = c.turn_tee and t.starts_at = c.turn_starts_at))
                """.formatted(BookingEmails.REMINDER, BookingEmails.CANCELLED), params -> {
                    params.setInstant(1, now);
                    params.setString(2, id);
                });
    }

    /** The course's bookings, confirmed and cancelled, whose tee time is in {@code [from, to)}. */
    List<Booking> between(SqlSession session, String courseId, Instant from, Instant to) throws SQLException {
        return session.query("select " + COLUMNS + " from booking b where b.course_id = ? and b.starts_at >= ? "
                + "and b.starts_at < ? order by b.starts_at, b.created_at, b.id", params -> {
                    params.setString(1, courseId);
                    params.setInstant(2, from);
                    params.setInstant(3, to);
                }, BookingStore::booking);
    }

    /** The booking's emails' part of its statement: none without an address. */
    static String emailsOf(Booking booking) {
        return booking.email() == null ? "" : EMAILED;
    }

    /** Binds {@link #EMAILED}'s parameters, when the booking has an address; returns the index after them. */
    static int bindEmails(Params params, int first, Booking booking) throws SQLException {
        if (booking.email() == null) {
            return first;
        }
        params.setString(first, booking.email());
        return first + 1;
    }

    /**
     * Schedules the reminder of a booking whose confirmation has gone: {@code reminderHoursBefore}
     * its course's, ahead of the tee time, if the booking is still confirmed and was made before
     * that (a booking made later gets none). Once, however often it runs.
     */
    void scheduleReminder(SqlSession session, String bookingId) throws SQLException {
        session.update("""
                insert into email (id, kind, booking_id, recipient, due_at)
                select b.id || '%s', 'reminder', b.id, b.email, greatest(r.due_at, now())
                from booking b join course c on c.id = b.course_id,
                     lateral (select b.starts_at - make_interval(hours => c.reminder_hours_before) as due_at) r
                where b.id = ? and b.status = 'confirmed' and b.email is not null and c.reminder_hours_before > 0
                  and r.due_at > b.created_at and b.starts_at > now()
                on conflict (id) do nothing
                """.formatted(BookingEmails.REMINDER), params -> params.setString(1, bookingId));
    }

    /** The bookings of {@code ids} that exist. */
    List<Booking> withIds(SqlSession session, List<String> ids) throws SQLException {
        return session.query("select " + COLUMNS + " from booking b where b.id = any (string_to_array(?, ','))",
                params -> params.setString(1, String.join(",", ids)), BookingStore::booking);
    }

    static int bindBlocked(Params params, int first, String courseId, String tee, Instant start) throws SQLException {
        params.setString(first, courseId);
        params.setInstant(first + 1, start);
        params.setInstant(first + 2, start);
        params.setString(first + 3, tee);
        return first + 4;
    }

    /** Binds {@link #BLOCKED} of the start slot and of the turn slot; returns the index after them. */
    static int bindBlockedSlots(Params params, int first, Booking booking) throws SQLException {
        int next = bindBlocked(params, first, booking.courseId(), booking.tee(), booking.start());
        return bindBlocked(params, next, booking.courseId(), booking.turn() == null ? null : booking.turn().tee(),
                booking.turn() == null ? null : booking.turn().start());
    }

    /** Binds {@link #ROOM} of one slot; returns the index after them. */
    static int bindRoom(Params params, int first, String courseId, String tee, Instant start, int maxPlayers)
            throws SQLException {
        params.setInt(first, maxPlayers);
        params.setString(first + 1, courseId);
        params.setString(first + 2, tee);
        params.setInstant(first + 3, start);
        params.setInt(first + 4, maxPlayers);
        return first + 5;
    }

    /** Binds {@link #ROOM} of the start slot and of the turn slot; returns the index after them. */
    private static int bindRooms(Params params, int first, Booking booking, int maxPlayers) throws SQLException {
        int next = bindRoom(params, first, booking.courseId(), booking.tee(), booking.start(), maxPlayers);
        return bindRoom(params, next, booking.courseId(), booking.turn() == null ? null : booking.turn().tee(),
                booking.turn() == null ? null : booking.turn().start(), maxPlayers);
    }

    /** Binds {@link #COUNTS}'s parameters from index {@code first}; returns the index after them. */
    static int bindCounts(Params params, int first, String courseId, String booker, Limits limits) throws SQLException {
        int i = first;
        params.setString(i++, courseId);
        params.setString(i++, booker);
        params.setInstant(i++, limits.now());
        params.setString(i++, courseId);
        params.setString(i++, booker);
        params.setInstant(i++, limits.now());
        params.setInstant(i++, limits.now());
        params.setString(i++, courseId);
        params.setString(i++, booker);
        params.setInstant(i++, limits.dayStart());
        params.setInstant(i++, limits.dayEnd());
        params.setString(i++, courseId);
        params.setString(i++, booker);
        params.setInstant(i++, limits.now());
        params.setInstant(i++, limits.dayStart());
        params.setInstant(i++, limits.dayEnd());
        return i;
    }

    private static int bindCounts(Params params, int first, Booking booking, Limits limits) throws SQLException {
        return bindCounts(params, first, booking.courseId(), booking.booker(), limits);
    }

    /** Binds {@link #HELD} of a party's slots (its turn null without one); returns the index after them. */
    static int bindHeld(Params params, int first, String courseId, Booking.Slot start, Booking.Slot turn)
            throws SQLException {
        params.setString(first, courseId);
        params.setString(first + 1, start.tee());
        params.setInstant(first + 2, start.start());
        params.setString(first + 3, turn == null ? null : turn.tee());
        params.setInstant(first + 4, turn == null ? null : turn.start());
        return first + 5;
    }

    /**
     * Binds the parameters of {@link #take} before its row's: the room and holds of the slots,
     * the slots, and what the upsert takes; returns the index after them.
     */
    static int bindSlots(Params params, int first, String courseId, Booking.Slot start, Booking.Slot turn, int players,
                         int maxPlayers) throws SQLException {
        int i = first;
        for (Booking.Slot slot : new Booking.Slot[] {start, turn}) {
            params.setString(i++, courseId);
            params.setString(i++, slot == null ? null : slot.tee());
            params.setInstant(i++, slot == null ? null : slot.start());
        }
        for (int slot = 0; slot < 2; slot++) {
            params.setInt(i++, maxPlayers);
            params.setInt(i++, maxPlayers);
        }
        params.setString(i++, start.tee());
        params.setInstant(i++, start.start());
        params.setString(i++, turn == null ? null : turn.tee());
        params.setInstant(i++, turn == null ? null : turn.start());
        params.setString(i++, courseId);
        params.setInt(i++, maxPlayers);
        params.setInt(i++, players);
        params.setInt(i++, players);
        params.setInt(i++, players);
        return i;
    }

    /** Binds {@link #take}'s parameters of a booking from index {@code first}; returns the index after them. */
    private static int bindTake(Params params, int first, Booking booking, int maxPlayers) throws SQLException {
        int i = bindSlots(params, first, booking.courseId(), booking.startSlot(), booking.turn(), booking.players(),
                maxPlayers);
        return bindBookingRow(params, i, booking);
    }

    /** Binds {@link #BOOKING_ROW}'s parameters; returns the index after them. */
    static int bindBookingRow(Params params, int first, Booking booking) throws SQLException {
        int i = first;
        Booking.Slot turn = booking.turn();
        params.setString(i++, booking.id());
        params.setString(i++, booking.courseId());
        params.setInstant(i++, booking.start());
        params.setInt(i++, booking.players());
        params.setString(i++, booking.name());
        params.setString(i++, booking.email());
        params.setInstant(i++, booking.createdAt());
        params.setString(i++, booking.golferId());
        params.setString(i++, booking.booker());
        params.setString(i++, booking.tee());
        params.setInt(i++, booking.holes());
        params.setString(i++, turn == null ? null : turn.tee());
        params.setInstant(i++, turn == null ? null : turn.start());
        params.setBigDecimal(i++, booking.pricePerPlayer());
        params.setString(i++, booking.groupId());
        return i;
    }

    private static Booking booking(ResultSet row) throws SQLException {
        String turnTee = row.getString("turn_tee");
        return new Booking(row.getString("id"), row.getString("course_id"), SqlTime.get(row, "starts_at"),
                row.getInt("players"), row.getString("name"), row.getString("email"),
                Booking.Status.of(row.getString("status")), SqlTime.get(row, "created_at"), row.getString("golfer_id"),
                row.getString("booker"), row.getString("tee"), row.getInt("holes"),
                turnTee == null ? null : new Booking.Slot(turnTee, SqlTime.get(row, "turn_starts_at")),
                row.getBigDecimal("price_per_player"), row.getString("group_id"), row.getString("notes"),
                row.getInt("sequence"));
    }
}
