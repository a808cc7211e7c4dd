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

    List<Party> bookings(SqlSession session, String courseId, Instant from, Instant to) throws SQLException {
        return session.query("""
                select id, name, players, holes, status, tee, starts_at, turn_tee, turn_starts_at, group_id, notes, email,
                       golfer_id
                from booking
                where course_id = ? and status <> 'cancelled'
                  and ((starts_at >= ? and starts_at < ?) or (turn_starts_at >= ? and turn_starts_at < ?))
                order by starts_at, name, id""", params -> {
                    params.setString(1, courseId);
                    params.setInstant(2, from);
                    params.setInstant(3, to);
                    params.setInstant(4, from);
                    params.setInstant(5, to);
                }, row -> new Party("booking", row.getString("id"), row.getString("name"), row.getInt("players"),
                        row.getInt("holes"), row.getString("status"), false, row.getString("tee"),
                        SqlTime.get(row, "starts_at"), row.getString("turn_tee"), SqlTime.get(row, "turn_starts_at"),
                        row.getString("group_id"), row.getString("notes"), row.getString("email"),
                        row.getString("golfer_id"), null));
    }

    /**
     * The live holds (as of {@code now}) starting or turning in {@code [from, to)}, under their
     * golfer's name or their email: the slots' {@code held} may still count lapsed ones.
     */
    List<Party> holds(SqlSession session, String courseId, Instant from, Instant to, Instant now) throws SQLException {
        return session.query("""
                select h.id, coalesce(nullif(g.name, ''), h.email, g.email) as name, h.players, h.holes, h.tee,
                       h.starts_at, h.turn_tee, h.turn_starts_at, coalesce(h.email, g.email) as email, h.golfer_id,
                       h.expires_at
                from hold h left join golfer g on g.id = h.golfer_id
                where h.course_id = ? and h.status = 'held' and h.expires_at > ?
                  and ((h.starts_at >= ? and h.starts_at < ?) or (h.turn_starts_at >= ? and h.turn_starts_at < ?))
                order by h.starts_at, h.created_at, h.id""", params -> {
                    params.setString(1, courseId);
                    params.setInstant(2, now);
                    params.setInstant(3, from);
                    params.setInstant(4, to);
                    params.setInstant(5, from);
                    params.setInstant(6, to);
                }, row -> new Party("hold", row.getString("id"), row.getString("name"), row.getInt("players"),
                        row.getInt("holes"), "held", false, row.getString("tee"), SqlTime.get(row, "starts_at"),
                        row.getString("turn_tee"), SqlTime.get(row, "turn_starts_at"), null, null,
                        row.getString("email"), row.getString("golfer_id"), SqlTime.get(row, "expires_at")));
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
