package dev.fairway.waitlist;

import dev.fairway.db.SqlSession;
import dev.fairway.db.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The SQL of waitlist entries and of the offers made to them. */
final class WaitlistStore {

    private static final String COLUMNS = "w.id, w.course_id, w.golfer_id, w.booker, w.date, w.from_time, w.until_time, "
            + "w.players, w.holes, w.status, w.hold_id, w.created_at, g.email as golfer_email, g.name as golfer_name";
    private static final String FROM = " from waitlist_entry w join golfer g on g.id = w.golfer_id ";

    /** A course-day with entries still waiting or offered. */
    record OpenDay(String courseId, LocalDate date) {
    }

    /**
     * What an offered entry's hold has come to.
     *
     * @param entry     the entry
     * @param holdState the hold's stored status, or null for an entry not offered
     * @param holdEnds  when the hold lapses, or null
     */
    record Open(WaitlistEntry entry, String holdState, Instant holdEnds) {
    }

    /**
     * Serializes the entries of one golfer at one course, on every instance, until the
     * transaction ends: the count of waiting entries then sees every one committed.
     */
    void lockGolfer(SqlSession session, String courseId, String golferId) throws SQLException {
        session.query("select pg_advisory_xact_lock(hashtextextended('waitlist-golfer:' || ? || ':' || ?, 0))",
                params -> {
                    params.setString(1, courseId);
                    params.setString(2, golferId);
                }, row -> null);
    }

    /** Offers of one course-day are made by one instance at a time: false when another is making them. */
    boolean tryLockDay(SqlSession session, String courseId, LocalDate date) throws SQLException {
        return session.queryOne("select pg_try_advisory_xact_lock(hashtextextended('waitlist:' || ? || ':' || ?, 0))",
                params -> {
                    params.setString(1, courseId);
                    params.setString(2, date.toString());
                }, row -> row.getBoolean(1)).orElseThrow();
    }

    long waiting(SqlSession session, String courseId, String golferId) throws SQLException {
        return session.queryOne("select count(*) from waitlist_entry where course_id = ? and golfer_id = ? "
                + "and status = 'waiting'", params -> {
                    params.setString(1, courseId);
                    params.setString(2, golferId);
                }, row -> row.getLong(1)).orElseThrow();
    }

    void insert(SqlSession session, WaitlistEntry entry) throws SQLException {
        session.update("insert into waitlist_entry (id, course_id, golfer_id, booker, date, from_time, until_time, "
                + "players, holes, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", params -> {
                    params.setString(1, entry.id());
                    params.setString(2, entry.courseId());
                    params.setString(3, entry.golferId());
                    params.setString(4, entry.booker());
                    params.setObject(5, entry.date());
                    params.setObject(6, entry.from());
                    params.setObject(7, entry.until());
                    params.setInt(8, entry.players());
                    params.setInt(9, entry.holes());
                    params.setInstant(10, entry.createdAt());
                });
    }

    Optional<WaitlistEntry> find(SqlSession session, String id) throws SQLException {
        return session.queryOne("select " + COLUMNS + FROM + "where w.id = ?", params -> params.setString(1, id),
                WaitlistStore::entry);
    }

    Optional<WaitlistEntry> lock(SqlSession session, String id) throws SQLException {
        return session.queryOne("select " + COLUMNS + FROM + "where w.id = ? for update of w",
                params -> params.setString(1, id), WaitlistStore::entry);
    }

    /** The golfer's entries of days from {@code since} on, but those the golfer left, in the order made. */
    List<WaitlistEntry> ofGolfer(SqlSession session, String golferId, LocalDate since) throws SQLException {
        return session.query("select " + COLUMNS + FROM + "where w.golfer_id = ? and w.date >= ? and w.status <> 'left' "
                + "order by w.seq", params -> {
                    params.setString(1, golferId);
                    params.setObject(2, since);
                }, WaitlistStore::entry);
    }

    /** A course-day's entries, every status but left, in the order made. */
    List<WaitlistEntry> ofDay(SqlSession session, String courseId, LocalDate date) throws SQLException {
        return session.query("select " + COLUMNS + FROM + "where w.course_id = ? and w.date = ? and w.status <> 'left' "
                + "order by w.seq", params -> {
                    params.setString(1, courseId);
                    params.setObject(2, date);
                }, WaitlistStore::entry);
    }

    List<OpenDay> openDays(SqlSession session) throws SQLException {
        return session.query("select distinct course_id, date from waitlist_entry where status in ('waiting', 'offered') "
                + "order by date, course_id", params -> { },
                row -> new OpenDay(row.getString("course_id"), row.getObject("date", LocalDate.class)));
    }

    /** The day's entries still waiting or offered, in the order made, with what their offers' holds came to. */
    List<Open> open(SqlSession session, String courseId, LocalDate date) throws SQLException {
        return session.query("select " + COLUMNS + ", h.status as hold_status, h.expires_at as hold_ends" + FROM
                + "left join hold h on h.id = w.hold_id where w.course_id = ? and w.date = ? "
                + "and w.status in ('waiting', 'offered') order by w.seq", params -> {
                    params.setString(1, courseId);
                    params.setObject(2, date);
                }, row -> new Open(entry(row), row.getString("hold_status"), SqlTime.get(row, "hold_ends")));
    }

    /** Ends an entry still waiting or offered; false when it had ended already. */
    boolean end(SqlSession session, String id, String status, Instant now) throws SQLException {
        return session.update("update waitlist_entry set status = ?, ended_at = ? where id = ? "
                + "and status in ('waiting', 'offered')", params -> {
                    params.setString(1, status);
                    params.setInstant(2, now);
                    params.setString(3, id);
                }) == 1;
    }

    /** Marks a waiting entry offered its hold; false when it no longer waits (its golfer left meanwhile). */
    boolean offered(SqlSession session, String id, String holdId) throws SQLException {
        return session.update("update waitlist_entry set status = 'offered', hold_id = ? where id = ? "
                + "and status = 'waiting'", params -> {
                    params.setString(1, holdId);
                    params.setString(2, id);
                }) == 1;
    }

    /**
     * The live holds and the age of the oldest entry still waiting, for the metrics.
     *
     * @param liveHolds      holds still kept
     * @param oldestWaiting  when the oldest waiting entry was made, or null
     */
    record Gauges(long liveHolds, Instant oldestWaiting) {
    }

    Gauges gauges(SqlSession session, Instant now) throws SQLException {
        return session.queryOne("select (select count(*) from hold where status = 'held' and expires_at > ?) as live, "
                + "(select min(created_at) from waitlist_entry where status = 'waiting') as oldest",
                params -> params.setInstant(1, now),
                row -> new Gauges(row.getLong("live"), SqlTime.get(row, "oldest"))).orElseThrow();
    }

    private static WaitlistEntry entry(ResultSet row) throws SQLException {
        Time from = row.getTime("from_time");
        Time until = row.getTime("until_time");
        return new WaitlistEntry(row.getString("id"), row.getString("course_id"), row.getString("golfer_id"),
                row.getString("booker"), row.getObject("date", LocalDate.class), from.toLocalTime(), until.toLocalTime(),
                row.getInt("players"), row.getInt("holes"), row.getString("status"), row.getString("hold_id"),
                SqlTime.get(row, "created_at"), row.getString("golfer_email"), row.getString("golfer_name"));
    }
}
