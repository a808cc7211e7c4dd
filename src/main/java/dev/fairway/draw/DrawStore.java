package dev.fairway.draw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.fairway.db.Params;
import dev.fairway.db.SqlSession;
import dev.fairway.db.SqlTime;
import dev.fairway.web.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of draws and their entries. */
final class DrawStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DRAW_COLUMNS = "d.course_id, d.booking_class, d.date, d.draw_at, d.seed, d.seed_sha256, "
            + "d.status";
    private static final String ENTRY_COLUMNS = "e.id, e.course_id, e.booking_class, e.date, e.golfer_id, g.email, g.name, "
            + "e.booker, e.players, e.holes, e.preferences::text as preferences, e.status, e.position, e.outcome, "
            + "e.booking_id, e.created_at";
    private static final String ENTRY_FROM = " from draw_entry e join golfer g on g.id = e.golfer_id ";

    /**
     * The draw's record, made now with a new seed unless it exists: the seed is fixed by whichever
     * asks first, and never changes after.
     */
    Draw ensure(SqlSession session, DrawKey key, Instant drawAt, Instant now) throws SQLException {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        session.update("insert into draw (course_id, booking_class, date, draw_at, seed, seed_sha256, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", params -> {
                    int i = bindKey(params, 1, key);
                    params.setInstant(i++, drawAt);
                    params.setBytes(i++, seed);
                    params.setString(i++, DrawOrder.sha256(seed));
                    params.setInstant(i, now);
                });
        return find(session, key).orElseThrow();
    }

    Optional<Draw> find(SqlSession session, DrawKey key) throws SQLException {
        return session.queryOne("select " + DRAW_COLUMNS + " from draw d where d.course_id = ? and d.booking_class = ? "
                + "and d.date = ?", params -> bindKey(params, 1, key), DrawStore::draw);
    }

    /** The draw, locked for this transaction's batch of it, if it is open and no other instance holds it. */
    Optional<Draw> lockOpen(SqlSession session, DrawKey key) throws SQLException {
        return session.queryOne("select " + DRAW_COLUMNS + " from draw d where d.course_id = ? and d.booking_class = ? "
                + "and d.date = ? and d.status = 'open' for update skip locked", params -> bindKey(params, 1, key),
                DrawStore::draw);
    }

    /** The draws due at {@code now} and not done. */
    List<DrawKey> due(SqlSession session, Instant now) throws SQLException {
        return session.query("select course_id, booking_class, date from draw where status = 'open' and draw_at <= ? "
                + "order by draw_at", params -> params.setInstant(1, now),
                row -> new DrawKey(row.getString("course_id"), row.getString("booking_class"),
                        row.getObject("date", LocalDate.class)));
    }

    void done(SqlSession session, DrawKey key, Instant now) throws SQLException {
        session.update("update draw set status = 'done', done_at = ? where course_id = ? and booking_class = ? "
                + "and date = ?", params -> {
                    params.setInstant(1, now);
                    bindKey(params, 2, key);
                });
    }

    /** The draw's entries still entered, with their golfers, in the order made. */
    List<DrawEntry> entries(SqlSession session, DrawKey key) throws SQLException {
        return session.query("select " + ENTRY_COLUMNS + ENTRY_FROM + "where e.course_id = ? and e.booking_class = ? "
                + "and e.date = ? and e.status = 'entered' order by e.created_at, e.id", params -> bindKey(params, 1, key),
                DrawStore::entry);
    }

    long count(SqlSession session, DrawKey key) throws SQLException {
        return session.queryOne("select count(*) from draw_entry where course_id = ? and booking_class = ? and date = ? "
                + "and status = 'entered'", params -> bindKey(params, 1, key), row -> row.getLong(1)).orElseThrow();
    }

    /** Records an entry's place and outcome, in the transaction that booked what it won. */
    void decide(SqlSession session, String entryId, int position, String outcome, String bookingId, Instant now)
            throws SQLException {
        session.update("update draw_entry set position = ?, outcome = ?, booking_id = ?, updated_at = ? where id = ?",
                params -> {
                    params.setInt(1, position);
                    params.setString(2, outcome);
                    params.setString(3, bookingId);
                    params.setInstant(4, now);
                    params.setString(5, entryId);
                });
    }

    /**
     * Stores a golfer's entry for the date, or replaces the golfer's entry there (keeping its id,
     * and so its place in the draw); answers the entry's id and whether it is new.
     */
    Stored enter(SqlSession session, DrawEntry entry) throws SQLException {
        return session.queryOne("""
                insert into draw_entry as e (id, course_id, booking_class, date, golfer_id, booker, players, holes,
                                             preferences, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                on conflict (course_id, date, golfer_id) where status = 'entered' do update
                    set booking_class = excluded.booking_class, players = excluded.players, holes = excluded.holes,
                        preferences = excluded.preferences, updated_at = excluded.updated_at
                returning e.id, (xmax = 0) as inserted""", params -> {
                    params.setString(1, entry.id());
                    int i = bindKey(params, 2, entry.key());
                    params.setString(i++, entry.golferId());
                    params.setString(i++, entry.booker());
                    params.setInt(i++, entry.players());
                    params.setInt(i++, entry.holes());
                    params.setString(i++, preferences(entry.preferences()));
                    params.setInstant(i++, entry.createdAt());
                    params.setInstant(i, entry.createdAt());
                }, row -> new Stored(row.getString("id"), row.getBoolean("inserted"))).orElseThrow();
    }

    /** The entry's id, and whether the statement made it (else it replaced the golfer's entry). */
    record Stored(String id, boolean created) {
    }

    Optional<DrawEntry> entry(SqlSession session, String id) throws SQLException {
        return session.queryOne("select " + ENTRY_COLUMNS + ENTRY_FROM + "where e.id = ?", params -> params.setString(1, id),
                DrawStore::entry);
    }

    void withdraw(SqlSession session, String id, Instant now) throws SQLException {
        session.update("update draw_entry set status = 'withdrawn', updated_at = ? where id = ? and status = 'entered'",
                params -> {
                    params.setInstant(1, now);
                    params.setString(2, id);
                });
    }

    /** The golfer's entries still entered, of dates from {@code since} on. */
    List<DrawEntry> ofGolfer(SqlSession session, String golferId, LocalDate since) throws SQLException {
        return session.query("select " + ENTRY_COLUMNS + ENTRY_FROM + "where e.golfer_id = ? and e.status = 'entered' "
                + "and e.date >= ? order by e.date, e.created_at", params -> {
                    params.setString(1, golferId);
                    params.setObject(2, since);
                }, DrawStore::entry);
    }

    private static int bindKey(Params params, int first, DrawKey key) throws SQLException {
        params.setString(first, key.courseId());
        params.setString(first + 1, key.bookingClass());
        params.setObject(first + 2, key.date());
        return first + 3;
    }

    static String preferences(List<DrawEntry.Preference> preferences) {
        ArrayNode array = Json.mapper().createArrayNode();
        preferences.forEach(p -> array.addObject().put("start", p.start().toString()).put("tee", p.tee()));
        return array.toString();
    }

    private static List<DrawEntry.Preference> preferences(String json) {
        try {
            List<DrawEntry.Preference> list = new ArrayList<>();
            for (JsonNode p : Json.mapper().readTree(json)) {
                list.add(new DrawEntry.Preference(Instant.parse(p.path("start").asText()), p.path("tee").asText()));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("a stored entry's preferences", e);
        }
    }

    private static Draw draw(ResultSet row) throws SQLException {
        return new Draw(new DrawKey(row.getString("course_id"), row.getString("booking_class"),
                row.getObject("date", LocalDate.class)), SqlTime.get(row, "draw_at"), row.getBytes("seed"),
                row.getString("seed_sha256"), "done".equals(row.getString("status")));
    }

    private static DrawEntry entry(ResultSet row) throws SQLException {
        int position = row.getInt("position");
        Integer placed = row.wasNull() ? null : position;
        return new DrawEntry(row.getString("id"), new DrawKey(row.getString("course_id"), row.getString("booking_class"),
                row.getObject("date", LocalDate.class)), row.getString("golfer_id"), row.getString("email"),
                row.getString("name"), row.getString("booker"), row.getInt("players"), row.getInt("holes"),
                preferences(row.getString("preferences")), row.getString("status"), placed, row.getString("outcome"),
                row.getString("booking_id"), SqlTime.get(row, "created_at"));
    }
}
