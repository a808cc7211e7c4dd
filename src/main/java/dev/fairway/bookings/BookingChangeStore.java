package dev.fairway.bookings;

import dev.fairway.db.SqlSession;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The SQL of a staff change of a booking: the booking locked, each slot's spots taken or given
 * back (the slot model's take, one slot at a time, in the order the caller gives), the row
 * rewritten, the golfer's email and reminder. All in the caller's transaction.
 */
final class BookingChangeStore {

    private final BookingStore bookings = new BookingStore();

    /** The booking, locked against a concurrent change or cancel until the transaction ends. */
    Optional<Booking> lock(SqlSession session, String id) throws SQLException {
        return bookings.lockForCancel(session, id).map(BookingStore.CancelTarget::booking);
    }

    /** Whether a block covers the slot. */
    boolean blocked(SqlSession session, String courseId, Booking.Slot slot) throws SQLException {
        return session.queryOne("select " + BookingStore.BLOCKED, params -> {
            params.setString(1, courseId);
            params.setInstant(2, slot.start());
            params.setInstant(3, slot.start());
            params.setString(4, slot.tee());
        }, row -> row.getBoolean(1)).orElseThrow();
    }

    /**
     * Takes {@code players} more spots on the slot when it has room for them under the course's
     * maximum, as a booking takes them; false (and nothing changed) when it has not.
     */
    boolean take(SqlSession session, String courseId, Booking.Slot slot, int players, int maxPlayers)
            throws SQLException {
        return session.query("insert into tee_time as t (course_id, tee, starts_at, capacity, booked) "
                + "values (?, ?, ?, ?, ?)" + BookingStore.TAKE_IF_ROOM + " returning 1", params -> {
                    params.setString(1, courseId);
                    params.setString(2, slot.tee());
                    params.setInstant(3, slot.start());
                    params.setInt(4, maxPlayers);
                    params.setInt(5, players);
                }, row -> 1).size() == 1;
    }

    /** Gives {@code players} spots of the slot back. */
    void giveBack(SqlSession session, String courseId, Booking.Slot slot, int players) throws SQLException {
        session.update("update tee_time set booked = booked - ? where course_id = ? and tee = ? and starts_at = ?",
                params -> {
                    params.setInt(1, players);
                    params.setString(2, courseId);
                    params.setString(3, slot.tee());
                    params.setInstant(4, slot.start());
                });
    }

    /** The spots left on the slot under the course's maximum, as now committed and taken in this transaction. */
    int room(SqlSession session, String courseId, Booking.Slot slot, int maxPlayers) throws SQLException {
        return session.queryOne("select " + BookingStore.ROOM,
                params -> BookingStore.bindRoom(params, 1, courseId, slot.tee(), slot.start(), maxPlayers),
                row -> row.getInt(1)).orElseThrow();
    }

    /** Writes the booking's changed fields. */
    void update(SqlSession session, Booking booking) throws SQLException {
        session.update("""
                update booking set starts_at = ?, tee = ?, holes = ?, turn_tee = ?, turn_starts_at = ?, players = ?,
                                   name = ?, notes = ?, status = ?, sequence = ?
                where id = ?""", params -> {
                    params.setInstant(1, booking.start());
                    params.setString(2, booking.tee());
                    params.setInt(3, booking.holes());
                    params.setString(4, booking.turn() == null ? null : booking.turn().tee());
                    params.setInstant(5, booking.turn() == null ? null : booking.turn().start());
                    params.setInt(6, booking.players());
                    params.setString(7, booking.name());
                    params.setString(8, booking.notes());
                    params.setString(9, booking.status().json());
                    params.setInt(10, booking.sequence());
                    params.setString(11, booking.id());
                });
    }

    /**
     * Writes the email of the booking's change at its revision, and calls off the email of the
     * revision before it if that has not gone yet: the newer one says all of it.
     */
    void emailChange(SqlSession session, Booking booking) throws SQLException {
        session.update("""
                with superseded as (
                    update email set status = 'cancelled' where id = ? and status = 'pending')
                insert into email (id, kind, booking_id, recipient) values (?, 'change', ?, ?)""", params -> {
                    params.setString(1, booking.id() + BookingEmails.CHANGED + (booking.sequence() - 1));
                    params.setString(2, booking.id() + BookingEmails.CHANGED + booking.sequence());
                    params.setString(3, booking.id());
                    params.setString(4, booking.email());
                });
    }

    /**
     * Moves the booking's reminder with its tee time: {@code reminderHoursBefore} ahead of the new
     * one. A reminder whose new time has passed is called off (the change's email is sent now);
     * one already sent is sent again for the new time. A booking whose confirmation has not gone
     * yet has no reminder: it is scheduled when it goes, from the tee time as it then is.
     */
    void moveReminder(SqlSession session, String bookingId) throws SQLException {
        session.update("""
                with r as (
                    select b.id || '%s' as id, b.email, c.reminder_hours_before as hours,
                           b.starts_at - make_interval(hours => c.reminder_hours_before) as due_at
                    from booking b join course c on c.id = b.course_id where b.id = ?),
                called_off as (
                    update email e set status = 'cancelled' from r
                    where e.id = r.id and e.status = 'pending' and (r.hours = 0 or r.due_at <= now()))
                insert into email (id, kind, booking_id, recipient, due_at)
                select r.id, 'reminder', ?, r.email, r.due_at from r
                where r.email is not null and r.hours > 0 and r.due_at > now()
                  and exists (select 1 from email s where s.id = ? and s.status = 'sent')
                on conflict (id) do update set status = 'pending', due_at = excluded.due_at, sent_at = null,
                                               attempts = 0, last_error = null
                """.formatted(BookingEmails.REMINDER), params -> {
                    params.setString(1, bookingId);
                    params.setString(2, bookingId);
                    params.setString(3, bookingId + BookingEmails.CONFIRMED);
                });
    }
}
