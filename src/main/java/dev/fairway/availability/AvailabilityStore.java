package dev.fairway.availability;

import dev.fairway.db.SqlSession;
import dev.fairway.db.SqlTime;
import dev.fairway.teesheet.Block;
import dev.fairway.teesheet.BookedCounts;
import dev.fairway.teesheet.Layout;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one query availability needs: booked counts and blocks of a course between two instants,
 * in a single statement, so a request of any length costs one round trip.
 */
final class AvailabilityStore {

    /**
     * Live holds of a slot {@code t}: the players of holds still stored as held whose end is after
     * the read's instant (one parameter), on it as their start or their turn. Only a row whose
     * {@code held} is above zero asks; a lapsed hold may still be counted there until swept.
     */
    private static final String LIVE_HOLDS = """
            from hold h where h.course_id = t.course_id and h.status = 'held' and h.expires_at > ?
                and ((h.tee = t.tee and h.starts_at = t.starts_at) or (h.turn_tee = t.tee and h.turn_starts_at = t.starts_at))""";

    private static final String BOOKED_AND_BLOCKED = """
            select * from (
                select 0 as kind, t.starts_at, null::timestamptz as ends_at, t.booked, null as id, null as reason, t.tee,
                       null::text[] as tees,
                       case when t.held > 0 then (select coalesce(sum(h.players), 0) %1$s) else 0 end as held,
                       case when t.held > 0 then (select min(h.expires_at) %1$s) end as held_until
                from tee_time t where t.course_id = ? and t.starts_at >= ? and t.starts_at < ? and (t.booked > 0 or t.held > 0)
            ) slots where booked > 0 or held > 0
            union all
            select 1, starts_at, ends_at, null, id, reason, null, tees, 0, null
            from block where course_id = ? and starts_at < ? and ends_at > ?
            order by kind, starts_at
            """.formatted(LIVE_HOLDS);

    /** One row of the query: a slot's booked count and live holds (with when the first lapses), or a block. */
    private record Row(Instant start, String tee, int booked, int held, Instant heldUntil, Block block) {
    }

    /** The slots' booked counts (by {@link BookedCounts#key}, the tee's place in {@code layout}) and the blocks. */
    BookedAndBlocked read(SqlSession session, String courseId, Layout layout, Instant from, Instant to, Instant asOf)
            throws SQLException {
        List<Row> rows = session.query(BOOKED_AND_BLOCKED, params -> {
            params.setInstant(1, asOf);
            params.setInstant(2, asOf);
            params.setString(3, courseId);
            params.setInstant(4, from);
            params.setInstant(5, to);
            params.setString(6, courseId);
            params.setInstant(7, to);
            params.setInstant(8, from);
        }, AvailabilityStore::row);
        List<Block> blocks = new ArrayList<>();
        java.util.TreeMap<Long, int[]> counts = new java.util.TreeMap<>();
        Instant heldUntil = null;
        for (Row row : rows) {
            if (row.block() != null) {
                blocks.add(row.block());
            } else {
                int tee = layout.indexOf(row.tee());
                if (tee >= 0) { // a tee the course no longer has holds nobody's round
                    counts.put(BookedCounts.key(row.start().getEpochSecond(), tee), new int[] {row.booked(), row.held()});
                }
                if (row.heldUntil() != null && (heldUntil == null || row.heldUntil().isBefore(heldUntil))) {
                    heldUntil = row.heldUntil();
                }
            }
        }
        return new BookedAndBlocked(BookedCounts.ofSorted(counts.keySet().stream().mapToLong(Long::longValue).toArray(),
                counts.values().stream().mapToInt(c -> c[0]).toArray(),
                counts.values().stream().mapToInt(c -> c[1]).toArray()), blocks, asOf, heldUntil);
    }

    private static Row row(ResultSet rs) throws SQLException {
        Instant start = SqlTime.get(rs, "starts_at");
        if (rs.getInt("kind") == 1) {
            java.sql.Array tees = rs.getArray("tees");
            java.util.Set<String> teeSet = tees == null ? java.util.Set.of() : java.util.Set.of((String[]) tees.getArray());
            return new Row(start, null, 0, 0, null, new Block(rs.getString("id"), start, SqlTime.get(rs, "ends_at"),
                    rs.getString("reason"), teeSet));
        }
        return new Row(start, rs.getString("tee"), rs.getInt("booked"), rs.getInt("held"),
                SqlTime.get(rs, "held_until"), null);
    }
}
