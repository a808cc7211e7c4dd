package dev.fairway.sheet;

import dev.fairway.db.SqlSession;
import dev.fairway.db.SqlTime;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the staff's sheet reads of a day, in three statements whatever the day holds: the slots'
 * counts, the parties starting or turning in it, the blocks over it.
 */
final class SheetStore {

    /**
     * A slot's counts.
     *
     * @param tee    its tee
     * @param start  its tee time
     * @param booked players of bookings
     * @param held   players of holds
     */
    record Counts(String tee, Instant start, int booked, int held) {
    }

    /**
     * A block over the day.
     *
     * @param id     its id
     * @param reason its reason
     * @param start  where it starts
     * @param end    where it ends (not included)
     * @param tees   the tees it blocks, or null for every tee
     */
    record BlockRow(String id, String reason, Instant start, Instant end, Set<String> tees) {

        boolean covers(String tee, Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end) && (tees == null || tees.contains(tee));
        }
    }

    List<Counts> counts(SqlSession session, String courseId, Instant from, Instant to) throws SQLException {
        return session.query("select tee, starts_at, booked, held from tee_time where course_id = ? and starts_at >= ? "
                + "and starts_at < ? and (booked > 0 or held > 0)", params -> {
                    params.setString(1, courseId);
                    params.setInstant(2, from);
                    params.setInstant(3, to);
                }, row -> new Counts(row.getString("tee"), SqlTime.get(row, "starts_at"), row.getInt("booked"),
                        row.getInt("held")));
    }

    /**
     * The parties on the day's slots, in one read: the bookings holding spots, and the holds live
     * at {@code now} (the slots' {@code held} may still count lapsed ones), each under its golfer's
     * name or its email, starting or turning in {@code [from, to)}.
     */
    List<Party> parties(SqlSession session, String courseId, Instant from, Instant to, Instant now) throws SQLException {
        return session.query("""
                select 'booking' as kind, id, name, players, holes, status, tee, starts_at, turn_tee, turn_starts_at,
                       group_id, notes, email, golfer_id, null::timestamptz as expires_at
                from booking
                where course_id = ? and status <> 'cancelled'
                  and ((starts_at >= ? and starts_at < ?) or (turn_starts_at >= ? and turn_starts_at < ?))
                union all
                select 'hold', h.id, coalesce(nullif(g.name, ''), h.email, g.email), h.players, h.holes, 'held', h.tee,
                       h.starts_at, h.turn_tee, h.turn_starts_at, null, null, coalesce(h.email, g.email), h.golfer_id,
                       h.expires_at
                from hold h left join golfer g on g.id = h.golfer_id
                where h.course_id = ? and h.status = 'held' and h.expires_at > ?
                  and ((h.starts_at >= ? and h.starts_at < ?) or (h.turn_starts_at >= ? and h.turn_starts_at < ?))
                order by starts_at, kind, name, id""", params -> {
                    params.setString(1, courseId);
                    params.setInstant(2, from);
                    params.setInstant(3, to);
                    params.setInstant(4, from);
                    params.setInstant(5, to);
                    params.setString(6, courseId);
                    params.setInstant(7, now);
                    params.setInstant(8, from);
                    params.setInstant(9, to);
                    params.setInstant(10, from);
                    params.setInstant(11, to);
                }, row -> new Party(row.getString("kind"), row.getString("id"), row.getString("name"), row.getInt("players"),
                        row.getInt("holes"), row.getString("status"), false, row.getString("tee"),
                        SqlTime.get(row, "starts_at"), row.getString("turn_tee"), SqlTime.get(row, "turn_starts_at"),
                        row.getString("group_id"), row.getString("notes"), row.getString("email"),
                        row.getString("golfer_id"), SqlTime.get(row, "expires_at")));
    }

    List<BlockRow> blocks(SqlSession session, String courseId, Instant from, Instant to) throws SQLException {
        return session.query("select id, reason, starts_at, ends_at, tees from block where course_id = ? "
                + "and starts_at < ? and ends_at > ? order by starts_at, id", params -> {
                    params.setString(1, courseId);
                    params.setInstant(2, to);
                    params.setInstant(3, from);
                }, row -> {
                    Array tees = row.getArray("tees");
                    return new BlockRow(row.getString("id"), row.getString("reason"), SqlTime.get(row, "starts_at"),
                            SqlTime.get(row, "ends_at"), tees == null ? null : Set.of((String[]) tees.getArray()));
                });
    }
}
