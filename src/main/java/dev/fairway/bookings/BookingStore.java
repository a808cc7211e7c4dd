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
 * The SQL of bookings. Capacity is taken by one conditional statement on the tee time's row,
 * which PostgreSQL runs atomically and the row's CHECK backs up: no interleaving of transactions,
 * on however many instances, can put more players on a tee time than it holds.
 */
final class BookingStore {

    /** Whether a block covers a tee time; three parameters: course, start, start. */
    static final String BLOCKED =
            "exists (select 1 from block k where k.course_id = ? and k.starts_at <= ? and k.ends_at > ?)";

    private static final String COLUMNS = "b.id, b.course_id, b.starts_at, b.players, b.name, b.email, b.status, b.created_at, "
            + "b.golfer_id, b.booker";

    /**
     * The spots left at a tee time under the course's current maximum, in the statement's
     * snapshot; four parameters ({@link #bindRoom}).
     */
    private static final String ROOM = "greatest(0, coalesce((select least(r.capacity, ?) - r.booked from tee_time r "
            + "where r.course_id = ? and r.starts_at = ?), ?))";

    /**
     * A booker's confirmed bookings at a course, of tee times to come ({@code open}) and on the
     * tee time's date ({@code on_day}); seven parameters ({@link #bindCounts}).
     */
    private static final String COUNTS = """
            (select count(*) from booking where course_id = ? and booker = ? and status = 'confirmed'
                and starts_at > ?) as open,
            (select count(*) from booking where course_id = ? and booker = ? and status = 'confirmed'
                and starts_at >= ? and starts_at < ?) as on_day""";

    /**
     * The common table expressions that take the spots and insert the booking: when fewer spots
     * are left, the upsert's condition fails, returns no row, and nothing is inserted; when its
     * guard (the first %s) is false, nothing is tried at all. The second %s writes the booking's
     * emails ({@link #EMAILED}), only when it is inserted.
     *
     * <p>{@code room} is the spots left in the statement's snapshot. When it is already too few
     * the upsert is not tried: a full tee time's row is not locked, so on a release morning the
     * many bookings of a tee time that is gone are refused at once, instead of each waiting in
     * line on that row (an upsert locks the row even when its condition then fails).
     */
    private static final String TAKE = "room as (select " + ROOM + " as spots),\n" + """
            taken as (
                insert into tee_time as t (course_id, starts_at, capacity, booked)
                select ?, ?, ?, ? where %s and (select spots from room) >= ?
                on conflict (course_id, starts_at) do update set booked = t.booked + excluded.booked
                where t.booked + excluded.booked <= least(t.capacity, excluded.capacity)
                returning t.booked),
            inserted as (
                insert into booking (id, course_id, starts_at, players, name, email, status, created_at, golfer_id, booker)
                select ?, ?, ?, ?, ?, ?, 'confirmed', ?, ?, ? from taken
                returning id)%s
            """;

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
     * @param blocked whether a block covers the tee time
     */
    record Lookup(Booking booking, boolean blocked) {
    }

    /**
     * What {@link #takeUnlessBlocked} did.
     *
     * @param blocked whether a block covers the tee time (then nothing was tried)
     * @param taken   whether the spots were taken and the booking stored
     * @param room    the spots left as the statement began
     */
    record Take(boolean blocked, boolean taken, int room) {
    }

    /**
     * A booking about to be cancelled, locked.
     *
     * @param booking                   the booking
     * @param cancellationCutoffMinutes its course's cutoff
     */
    record CancelTarget(Booking booking, int cancellationCutoffMinutes) {
    }

    /** In one round trip: the booking an earlier attempt made with this id, and whether the tee time is blocked. */
    Lookup lookup(SqlSession session, String bookingId, String courseId, Instant start) throws SQLException {
        return session.queryOne("select " + COLUMNS + ", " + BLOCKED + " as blocked "
                        + "from (select 1) as one left join booking b on b.id = ?",
                params -> {
                    bindBlocked(params, 1, courseId, start);
                    params.setString(4, bookingId);
                },
                row -> new Lookup(row.getString("id") == null ? null : booking(row), row.getBoolean("blocked")))
                .orElseThrow();
    }

    /** Whether a block covers the tee time. */
    boolean blocked(SqlSession session, String courseId, Instant start) throws SQLException {
        return session.queryOne("select " + BLOCKED, params -> bindBlocked(params, 1, courseId, start),
                rs -> rs.getBoolean(1)).orElseThrow();
    }

    /**
     * In one statement: unless a block covers the tee time, takes the booking's spots and stores
     * it. With fewer spots left, or a block, nothing changes.
     */
    Take takeUnlessBlocked(SqlSession session, Booking booking, int maxPlayers)
            throws SQLException {
        return session.queryOne("with blocked as (select " + BLOCKED + " as yes), "
                        + TAKE.formatted("not (select yes from blocked)", emailsOf(booking))
                        + "select (select yes from blocked), (select count(*) from inserted), (select spots from room)",
                params -> {
                    bindBlocked(params, 1, booking.courseId(), booking.start());
                    bindEmails(params, bindTake(params, 4, booking, maxPlayers), booking);
                },
                rs -> new Take(rs.getBoolean(1), rs.getInt(2) == 1, rs.getInt(3))).orElseThrow();
    }

    /**
     * What {@link #takeUnlessKnown} found and did.
     *
     * @param stored what was stored under the key (its answer null when unused), and whether a block covers the tee time
     * @param taken  whether the spots were taken, the booking stored and its answer stored under the key
     * @param room   the spots left as the statement began
     */
    record KnownTake(IdempotencyStore.Lookup stored, boolean taken, int room) {
    }

    /**
     * In one statement, run after the key's lock: what is stored under the key, whether a block
     * covers the tee time, and, when neither stops it, the booking with its answer stored under the
     * key. The look-up and the booking share the statement's snapshot, taken after the lock, so a
     * commit that released the lock is seen; it saves the keyed booking a round trip.
     */
    KnownTake takeUnlessKnown(SqlSession session, Booking booking, int maxPlayers, Remembered remembered)
            throws SQLException {
        String sql = "with existing as (select encode(i.fingerprint, 'hex') as fingerprint, i.response_status, "
                + "i.response_body, i.booking_id from idempotency_key i where i.key_hash = " + IdempotencyStore.KEY_HASH
                + "), blocked as (select " + BLOCKED + " as yes), "
                + TAKE.formatted("not exists (select 1 from existing) and not (select yes from blocked)", emailsOf(booking))
                + ", remembered as (" + REMEMBER + ") "
                + "select e.fingerprint, e.response_status, e.response_body, e.booking_id, (select yes from blocked) as blocked, "
                + "(select count(*) from inserted) as taken, (select spots from room) as room "
                + "from (select 1) as one left join existing e on true";
        return session.queryOne(sql, params -> {
            params.setString(1, remembered.key());
            bindBlocked(params, 2, booking.courseId(), booking.start());
            remembered.bind(params, bindEmails(params, bindTake(params, 5, booking, maxPlayers), booking));
        }, row -> new KnownTake(IdempotencyStore.lookup(row), row.getInt("taken") == 1, row.getInt("room")))
                .orElseThrow();
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
     * @param blocked whether a block covers the tee time
     * @param open    the booker's confirmed bookings of tee times to come, before this one
     * @param onDay   the booker's confirmed bookings on the tee time's date, before this one
     * @param taken   whether the spots were taken and the booking stored
     * @param room    the spots left as the statement began
     */
    record LimitedTake(boolean blocked, long open, long onDay, boolean taken, int room) {
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
        String sql = """
                with blocked as (select %s as yes),
                counted as (select %s),
                allowed as (select not (select yes from blocked) and open < ? and on_day < ? as yes from counted),
                """.formatted(BLOCKED, COUNTS) + TAKE.formatted("(select yes from allowed)", emailsOf(booking))
                + (remembered == null ? "" : ", remembered as (" + REMEMBER + ")")
                + " select (select yes from blocked), (select open from counted), (select on_day from counted), "
                + "(select count(*) from inserted), (select spots from room)";
        return session.queryOne(sql, params -> {
            bindBlocked(params, 1, booking.courseId(), booking.start());
            int i = bindCounts(params, 4, booking, limits);
            params.setInt(i++, limits.maxOpen());
            params.setInt(i++, limits.maxPerDay());
            int next = bindEmails(params, bindTake(params, i, booking, maxPlayers), booking);
            if (remembered != null) {
                remembered.bind(params, next);
            }
        }, rs -> new LimitedTake(rs.getBoolean(1), rs.getLong(2), rs.getLong(3), rs.getInt(4) == 1, rs.getInt(5)))
                .orElseThrow();
    }

    /**
     * Where a limited booker stands at a tee time, as committed, read with the key's look-up.
     *
     * @param stored what is stored under the key, and whether a block covers the tee time
     * @param open   the booker's confirmed bookings of tee times to come
     * @param onDay  the booker's confirmed bookings on the tee time's date
     * @param room   the spots left at the tee time
     */
    record Standing(IdempotencyStore.Lookup stored, long open, long onDay, int room) {
    }

    /**
     * In one statement, run after the key's lock like {@link IdempotencyStore#find}: what that
     * finds, and the counts and spots {@link #takeWithinLimits} would refuse on. A refusal they
     * show needs neither the booker's lock nor the tee time's row: on a release morning most
     * bookings are refusals of tee times already gone, and each saves two round trips.
     */
    Standing standing(SqlSession session, String key, Booking booking, int maxPlayers, Limits limits)
            throws SQLException {
        String sql = "select encode(i.fingerprint, 'hex') as fingerprint, i.response_status, i.response_body, "
                + "i.booking_id, " + BLOCKED + " as blocked, " + COUNTS + ", " + ROOM + " as room "
                + "from (select 1) as one left join idempotency_key i on i.key_hash = " + IdempotencyStore.KEY_HASH;
        return session.queryOne(sql, params -> {
            bindBlocked(params, 1, booking.courseId(), booking.start());
            int next = bindRoom(params, bindCounts(params, 4, booking, limits), booking, maxPlayers);
            params.setString(next, key);
        }, row -> new Standing(IdempotencyStore.lookup(row), row.getLong("open"), row.getLong("on_day"),
                row.getInt("room"))).orElseThrow();
    }

    /** The golfer's bookings, confirmed and cancelled, whose tee time is after {@code now}, soonest first. */
    List<Booking> ofGolfer(SqlSession session, String golferId, Instant now) throws SQLException {
        return session.query("select " + COLUMNS + " from booking b where b.golfer_id = ? and b.starts_at > ? "
                + "order by b.starts_at, b.created_at, b.id", params -> {
                    params.setString(1, golferId);
                    params.setInstant(2, now);
                }, BookingStore::booking);
    }

    /** Spots left at the tee time under the course's current maximum. */
    int spotsLeft(SqlSession session, String courseId, Instant start, int maxPlayers) throws SQLException {
        return session.queryOne("select greatest(0, least(capacity, ?) - booked) from tee_time "
                + "where course_id = ? and starts_at = ?", params -> {
                    params.setInt(1, maxPlayers);
                    params.setString(2, courseId);
                    params.setInstant(3, start);
                }, rs -> rs.getInt(1)).orElse(maxPlayers);
    }

    Optional<Booking> find(SqlSession session, String id) throws SQLException {
        return session.queryOne("select " + COLUMNS + " from booking b where b.id = ?",
                params -> params.setString(1, id), BookingStore::booking);
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
                    where id = ? and status = 'confirmed'
                    returning id, course_id, starts_at, players, email),
                unreminded as (
                    update email set status = 'cancelled'
                    where id = (select id || '%s' from cancelled) and status = 'pending'),
                noticed as (
                    insert into email (id, kind, booking_id, recipient)
                    select id || '%s', 'cancellation', id, email from cancelled where email is not null)
                update tee_time t set booked = t.booked - c.players
                from cancelled c where t.course_id = c.course_id and t.starts_at = c.starts_at
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
    private static String emailsOf(Booking booking) {
        return booking.email() == null ? "" : EMAILED;
    }

    /** Binds {@link #EMAILED}'s parameters, when the booking has an address; returns the index after them. */
    private static int bindEmails(Params params, int first, Booking booking) throws SQLException {
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

    static void bindBlocked(Params params, int first, String courseId, Instant start) throws SQLException {
        params.setString(first, courseId);
        params.setInstant(first + 1, start);
        params.setInstant(first + 2, start);
    }

    /** Binds {@link #ROOM}'s parameters from index {@code first}; returns the index after them. */
    private static int bindRoom(Params params, int first, Booking booking, int maxPlayers) throws SQLException {
        params.setInt(first, maxPlayers);
        params.setString(first + 1, booking.courseId());
        params.setInstant(first + 2, booking.start());
        params.setInt(first + 3, maxPlayers);
        return first + 4;
    }

    /** Binds {@link #COUNTS}'s parameters from index {@code first}; returns the index after them. */
    private static int bindCounts(Params params, int first, Booking booking, Limits limits) throws SQLException {
        params.setString(first, booking.courseId());
        params.setString(first + 1, booking.booker());
        params.setInstant(first + 2, limits.now());
        params.setString(first + 3, booking.courseId());
        params.setString(first + 4, booking.booker());
        params.setInstant(first + 5, limits.dayStart());
        params.setInstant(first + 6, limits.dayEnd());
        return first + 7;
    }

    /** Binds {@link #TAKE}'s parameters from index {@code first}; returns the index after them. */
    private static int bindTake(Params params, int first, Booking booking, int maxPlayers) throws SQLException {
        int i = bindRoom(params, first, booking, maxPlayers);
        params.setString(i++, booking.courseId());
        params.setInstant(i++, booking.start());
        params.setInt(i++, maxPlayers);
        params.setInt(i++, booking.players());
        params.setInt(i++, booking.players());
        params.setString(i++, booking.id());
        params.setString(i++, booking.courseId());
        params.setInstant(i++, booking.start());
        params.setInt(i++, booking.players());
        params.setString(i++, booking.name());
        params.setString(i++, booking.email());
        params.setInstant(i++, booking.createdAt());
        params.setString(i++, booking.golferId());
        params.setString(i++, booking.booker());
        return i;
    }

    private static Booking booking(ResultSet row) throws SQLException {
        return new Booking(row.getString("id"), row.getString("course_id"), SqlTime.get(row, "starts_at"),
                row.getInt("players"), row.getString("name"), row.getString("email"),
                Booking.Status.of(row.getString("status")), SqlTime.get(row, "created_at"), row.getString("golfer_id"),
                row.getString("booker"));
    }
}
