package dev.fairway.courses;

import dev.fairway.db.SqlSession;
import dev.fairway.db.SqlTime;
import dev.fairway.teesheet.Block;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The SQL of blocks. */
final class BlockStore {

    /** Inserts the block unless a block with its id exists (a retried insert). */
    void insert(SqlSession session, String courseId, Block block) throws SQLException {
        session.update("""
                insert into block (id, course_id, starts_at, ends_at, reason, tees)
                values (?, ?, ?, ?, ?, string_to_array(?, ','))
                on conflict (id) do nothing
                """, params -> {
                    params.setString(1, block.id());
                    params.setString(2, courseId);
                    params.setInstant(3, block.start());
                    params.setInstant(4, block.end());
                    params.setString(5, block.reason());
                    params.setString(6, block.everyTee() ? null : String.join(",", block.tees().stream().sorted().toList()));
                });
    }

    /** The course's blocks that overlap {@code [from, to)}, by start. */
    List<Block> overlapping(SqlSession session, String courseId, Instant from, Instant to) throws SQLException {
        return session.query("""
                select id, starts_at, ends_at, reason, tees from block
                where course_id = ? and starts_at < ? and ends_at > ?
                order by starts_at, id
                """, params -> {
                    params.setString(1, courseId);
                    params.setInstant(2, to);
                    params.setInstant(3, from);
                }, BlockStore::block);
    }

    /** Deletes the block; returns it, or empty when there was none (or it was deleted by an earlier attempt). */
    Optional<Block> delete(SqlSession session, String courseId, String blockId) throws SQLException {
        return session.queryOne("delete from block where course_id = ? and id = ? returning id, starts_at, ends_at, reason, tees",
                params -> {
                    params.setString(1, courseId);
                    params.setString(2, blockId);
                }, BlockStore::block);
    }

    /**
     * The course's confirmed bookings whose start slot or turn slot is at a tee time in
     * {@code [from, to)}, by start: those a block of that period may cover (of which tees, the
     * caller asks {@link BlockedBooking#inside}).
     */
    List<BlockedBooking> bookingsInside(SqlSession session, String courseId, Instant from, Instant to)
            throws SQLException {
        return session.query("""
                select id, starts_at, tee, turn_tee, turn_starts_at, name, players from booking
                where course_id = ? and status in ('confirmed', 'checked-in')
                  and ((starts_at >= ? and starts_at < ?) or (turn_starts_at >= ? and turn_starts_at < ?))
                order by starts_at, created_at, id
                """, params -> {
                    params.setString(1, courseId);
                    params.setInstant(2, from);
                    params.setInstant(3, to);
                    params.setInstant(4, from);
                    params.setInstant(5, to);
                }, row -> new BlockedBooking(row.getString("id"), SqlTime.get(row, "starts_at"), row.getString("tee"),
                        row.getString("name"), row.getInt("players"), row.getString("turn_tee") == null ? null
                        : new BlockedBooking.Block(row.getString("turn_tee"), SqlTime.get(row, "turn_starts_at"))));
    }

    static Block block(ResultSet row) throws SQLException {
        java.sql.Array tees = row.getArray("tees");
        return new Block(row.getString("id"), SqlTime.get(row, "starts_at"), SqlTime.get(row, "ends_at"),
                row.getString("reason"), tees == null ? java.util.Set.of() : java.util.Set.of((String[]) tees.getArray()));
    }
}
