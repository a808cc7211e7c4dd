package dev.fairway.availability;

import dev.fairway.db.SqlSession;
import dev.fairway.db.SqlTime;
import dev.fairway.teesheet.Block;
import dev.fairway.teesheet.BookedCounts;
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
            select 0 as kind, starts_at, null::timestamptz as ends_at, booked, null as id, null as reason
            from tee_time where course_id = ? and starts_at >= ? and starts_at < ? and booked > 0
            union all
            select 1, starts_at, ends_at, null, id, reason
            from block where course_id = ? and starts_at < ? and ends_at > ?
            order by kind, starts_at
            """;

    /** One row of the query: a tee time's booked count, or a block. */
    private record Row(Instant start, int booked, Block block) {
    }

    BookedAndBlocked read(SqlSession session, String courseId, Instant from, Instant to, Instant asOf)
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
        long[] seconds = new long[rows.size()];
        int[] players = new int[rows.size()];
        int counts = 0;
        for (Row row : rows) {
            if (row.block() != null) {
                blocks.add(row.block());
            } else {
                seconds[counts] = row.start().getEpochSecond();
                players[counts++] = row.booked();
            }
        }
        return new BookedAndBlocked(BookedCounts.ofSorted(java.util.Arrays.copyOf(seconds, counts),
                java.util.Arrays.copyOf(players, counts)), blocks, asOf);
    }

    private static Row row(ResultSet rs) throws SQLException {
        Instant start = SqlTime.get(rs, "starts_at");
        if (rs.getInt("kind") == 1) {
            return new Row(start, 0, new Block(rs.getString("id"), start, SqlTime.get(rs, "ends_at"), rs.getString("reason")));
        }
        return new Row(start, rs.getInt("booked"), null);
    }
}
