package dev.fairway.bookings;

import dev.fairway.db.Params;
import dev.fairway.db.SqlSession;
import dev.fairway.db.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The SQL of holds: a hold is taken like a booking (the same statement, {@link BookingStore#take},
 * into {@code held}), confirmed by moving its players from {@code held} to {@code booked} on the
 * same slots, and given back when released or swept after it lapsed (docs/architecture.md, "Holds").
 */
final class HoldStore {

    private static final String COLUMNS = "h.id, h.course_id, h.tee, h.starts_at, h.holes, h.turn_tee, h.turn_starts_at, "
            + "h.players, h.golfer_id, h.booker, h.email, h.price_per_player, h.status, h.created_at, h.expires_at, "
            + "h.booking_id";

    /** A hold's row, as {@link BookingStore#take}'s party; fourteen parameters ({@link #bindRow}). */
    private static final String ROW = """
            insert into hold (id, course_id, tee, starts_at, holes, turn_tee, turn_starts_at, players, golfer_id, booker,
                              email, price_per_player, created_at, expires_at)
            select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?""";

    /**
     * Gives the players of the holds in {@code ended} (a CTE returning their slots and players)
     * back to their slots' {@code held}, each slot once however many of them it counted.
     */
    private static final String GIVE_BACK = """
            , freed as (
                select tee, starts_at, sum(players) as players from (
                    select tee, starts_at, players from ended
                    union all
                    select turn_tee, turn_starts_at, players from ended where turn_tee is not null) s
                group by tee, starts_at)
            update tee_time t set held = t.held - f.players
            from freed f, (select distinct course_id from ended) c
            where t.course_id = c.course_id and t.tee = f.tee and t.starts_at = f.starts_at""";

    /**
     * What a hold's take found and did.
     *
     * @param open   the booker's bookings and live holds of tee times to come, before this one
     * @param onDay  the same on the tee time's date
     * @param live   the booker's live holds at the course (one is the most)
     * @param report what the take found and did
     */
    record HoldTake(long open, long onDay, long live, BookingStore.Report report) {
    }

    /**
     * In one statement, run under the booker's lock ({@link BookingStore#lockBooker}): unless a block
     * covers a slot, the booker is at a limit or already holds spots here, takes the hold's spots
     * into {@code held} and stores it.
     */
    HoldTake take(SqlSession session, Hold hold, int maxPlayers, BookingStore.Limits limits) throws SQLException {
        String sql = "with " + BookingStore.BLOCKED_SLOTS + """
                counted as (select %s,
                            (select count(*) from hold where course_id = ? and booker = ? and status = 'held'
                                and expires_at > ?) as live),
                allowed as (select not (select start_blocked or turn_blocked from blocked) and open < ? and on_day < ?
                                   and live = 0 as yes from counted),
                """.formatted(BookingStore.COUNTS) + BookingStore.take("held", "(select yes from allowed)", ROW)
                + " select (select open from counted) as open, (select on_day from counted) as on_day, "
                + "(select live from counted) as live, " + BookingStore.REPORT;
        return session.queryOne(sql, params -> {
            int i = BookingStore.bindBlocked(params, 1, hold.courseId(), hold.tee(), hold.start());
            i = BookingStore.bindBlocked(params, i, hold.courseId(), hold.turn() == null ? null : hold.turn().tee(),
                    hold.turn() == null ? null : hold.turn().start());
            i = BookingStore.bindCounts(params, i, hold.courseId(), hold.booker(), limits);
            params.setString(i++, hold.courseId());
            params.setString(i++, hold.booker());
            params.setInstant(i++, limits.now());
            params.setInt(i++, limits.maxOpen());
            params.setInt(i++, limits.maxPerDay());
            i = BookingStore.bindSlots(params, i, hold.courseId(), hold.startSlot(), hold.turn(), hold.players(),
                    maxPlayers);
            bindRow(params, i, hold);
        }, row -> new HoldTake(row.getLong("open"), row.getLong("on_day"), row.getLong("live"),
                BookingStore.Report.of(row))).orElseThrow();
    }

    Optional<Hold> find(SqlSession session, String id) throws SQLException {
        return session.queryOne("select " + COLUMNS + " from hold h where h.id = ?", params -> params.setString(1, id),
                HoldStore::hold);
    }

    /** Locks the hold against a concurrent confirm, release or sweep. */
    Optional<Hold> lock(SqlSession session, String id) throws SQLException {
        return session.queryOne("select " + COLUMNS + " from hold h where h.id = ? for update",
                params -> params.setString(1, id), HoldStore::hold);
    }

    /**
     * Makes a live hold, locked, into {@code booking}: its players move from {@code held} to
     * {@code booked} on the same slots (so the slots are never fuller than they were), the booking
     * and its confirmation are stored, and a waitlist entry it was offered for is booked. Returns
     * whether it was such an offer.
     */
    boolean confirm(SqlSession session, Hold hold, Booking booking, Instant now) throws SQLException {
        Booking.Slot turn = hold.turn();
        session.update("""
                update tee_time t set held = t.held - ?, booked = t.booked + ?
                where t.course_id = ? and ((t.tee = ? and t.starts_at = ?) or (t.tee = ? and t.starts_at = ?))""",
                params -> {
                    params.setInt(1, hold.players());
                    params.setInt(2, hold.players());
                    params.setString(3, hold.courseId());
                    params.setString(4, hold.tee());
                    params.setInstant(5, hold.start());
                    params.setString(6, turn == null ? null : turn.tee());
                    params.setInstant(7, turn == null ? null : turn.start());
                });
        session.query("with inserted as (" + BookingStore.BOOKING_ROW + " returning id)"
                + BookingStore.emailsOf(booking) + " select 1", params -> BookingStore.bindEmails(params,
                BookingStore.bindBookingRow(params, 1, booking), booking), row -> 1);
        return session.update("""
                with confirmed as (update hold set status = 'confirmed', booking_id = ? where id = ? returning id)
                update waitlist_entry set status = 'booked', ended_at = ?
                where hold_id = (select id from confirmed) and status = 'offered'""", params -> {
                    params.setString(1, booking.id());
                    params.setString(2, hold.id());
                    params.setInstant(3, now);
                }) > 0;
    }

    /**
     * Ends a hold that is still stored as held, and gives its spots back: {@code released}, or
     * {@code expired} if it had lapsed already. Returns whether it was still stored as held.
     */
    boolean release(SqlSession session, String id, Instant now) throws SQLException {
        return session.update("with ended as (update hold set status = case when expires_at <= ? then 'expired' "
                + "else 'released' end where id = ? and status = 'held' "
                + "returning course_id, tee, starts_at, turn_tee, turn_starts_at, players)" + GIVE_BACK, params -> {
                    params.setInstant(1, now);
                    params.setString(2, id);
                }) > 0;
    }

    /**
     * Sweeps the holds that lapsed by {@code now} and still count on either slot (the turn may be
     * null): marks them expired and gives their spots back, on every slot of theirs. Returns how
     * many slots it gave spots back to (0: none had lapsed). A hold being confirmed or released
     * meanwhile is locked: the sweep waits for it, then leaves it if it is no longer held.
     */
    int sweep(SqlSession session, String courseId, Booking.Slot start, Booking.Slot turn, Instant now)
            throws SQLException {
        return session.update("""
                with ended as (
                    update hold h set status = 'expired'
                    where h.course_id = ? and h.status = 'held' and h.expires_at <= ?
                      and ((h.tee = ? and h.starts_at = ?) or (h.turn_tee = ? and h.turn_starts_at = ?)
                        or (h.tee = ? and h.starts_at = ?) or (h.turn_tee = ? and h.turn_starts_at = ?))
                    returning h.course_id, h.tee, h.starts_at, h.turn_tee, h.turn_starts_at, h.players)""" + GIVE_BACK,
                params -> {
                    params.setString(1, courseId);
                    params.setInstant(2, now);
                    int i = 3;
                    for (Booking.Slot slot : new Booking.Slot[] {start, start, turn, turn}) {
                        params.setString(i++, slot == null ? null : slot.tee());
                        params.setInstant(i++, slot == null ? null : slot.start());
                    }
                });
    }

    private static int bindRow(Params params, int first, Hold hold) throws SQLException {
        int i = first;
        params.setString(i++, hold.id());
        params.setString(i++, hold.courseId());
        params.setString(i++, hold.tee());
        params.setInstant(i++, hold.start());
        params.setInt(i++, hold.holes());
        params.setString(i++, hold.turn() == null ? null : hold.turn().tee());
        params.setInstant(i++, hold.turn() == null ? null : hold.turn().start());
        params.setInt(i++, hold.players());
        params.setString(i++, hold.golferId());
        params.setString(i++, hold.booker());
        params.setString(i++, hold.email());
        params.setBigDecimal(i++, hold.pricePerPlayer());
        params.setInstant(i++, hold.createdAt());
        params.setInstant(i++, hold.expiresAt());
        return i;
    }

    static Hold hold(ResultSet row) throws SQLException {
        String turnTee = row.getString("turn_tee");
        return new Hold(row.getString("id"), row.getString("course_id"), row.getString("tee"),
                SqlTime.get(row, "starts_at"), row.getInt("holes"),
                turnTee == null ? null : new Booking.Slot(turnTee, SqlTime.get(row, "turn_starts_at")),
                row.getInt("players"), row.getString("golfer_id"), row.getString("booker"), row.getString("email"),
                row.getBigDecimal("price_per_player"), row.getString("status"), SqlTime.get(row, "created_at"),
                SqlTime.get(row, "expires_at"), row.getString("booking_id"));
    }
}
