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

    private static final String BOOKED_AND_BLOCKED = """
            select 0 as kind, starts_at, null::timestamptz as ends_at, booked, null as id, null as reason, tee,
                   null::text[] as tees
            from tee_time where course_id = ? and starts_at >= ? and starts_at < ? and booked > 0
            union all
            select 1, starts_at, ends_at, null, id, reason, null, tees
            from block where course_id = ? and starts_at < ? and ends_at > ?
            order by kind, starts_at
            """;

    /** One row of the query: a slot's booked count, or a block. */
    private record Row(Instant start, String tee, int booked, Block block) {
    }

    /** The slots' booked counts (by {@link BookedCounts#key}, the tee's place in {@code layout}) and the blocks. */
    BookedAndBlocked read(SqlSession session, String courseId, Layout layout, Instant from, Instant to, Instant asOf)
            throws SQLException {
        List<Row> rows = session.query(BOOKED_AND_BLOCKED, params -> {
            params.setString(1, courseId);
            params.setInstant(2, from);
            params.setInstant(3, to);
            params.setString(4, courseId);
            params.setInstant(5, to);
            params.setInstant(6, from);
        }, AvailabilityStore::row);
        List<Block> blocks = new ArrayList<>();
        java.util.TreeMap<Long, Integer> counts = new java.util.TreeMap<>();
        for (Row row : rows) {
            if (row.block() != null) {
                blocks.add(row.block());
            } else {
                int tee = layout.indexOf(row.tee());
                if (tee >= 0) { // a tee the course no longer has holds nobody's round
                    counts.put(BookedCounts.key(row.start().getEpochSecond(), tee), row.booked());
                }
            }
        }
        return new BookedAndBlocked(BookedCounts.ofSorted(counts.keySet().stream().mapToLong(Long::longValue).toArray(),
                counts.values().stream().mapToInt(Integer::intValue).toArray()), blocks, asOf);
    }

    private static Row row(ResultSet rs) throws SQLException {
        Instant start = SqlTime.get(rs, "starts_at");
        if (rs.getInt("kind") == 1) {
            java.sql.Array tees = rs.getArray("tees");
            java.util.Set<String> teeSet = tees == null ? java.util.Set.of() : java.util.Set.of((String[]) tees.getArray());
            return new Row(start, null, 0, new Block(rs.getString("id"), start, SqlTime.get(rs, "ends_at"),
                    rs.getString("reason"), teeSet));
        }
        return new Row(start, rs.getString("tee"), rs.getInt("booked"), null);
    }
}
