package dev.fairway.email;

import dev.fairway.db.SqlSession;
import dev.fairway.db.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The SQL of the outbox. Rows are written by whatever causes an email, in its own statement (a
 * booking with its confirmation); here they are claimed, and their outcome recorded.
 */
final class OutboxStore {

    /**
     * A claimed email.
     *
     * @param email        the email
     * @param attempts     how many times it was tried before
     * @param olderThanADay whether it was written more than 24 hours ago: time to give up on it
     */
    record Claimed(StoredEmail email, int attempts, boolean olderThanADay) {
    }

    /**
     * What the gauges show.
     *
     * @param pending       emails waiting to be sent
     * @param failed        emails given up on
     * @param oldestPending when the oldest pending email was written, or null
     */
    record Counts(long pending, long failed, Instant oldestPending) {
    }

    /**
     * Claims up to {@code limit} due emails for this worker: {@code FOR UPDATE SKIP LOCKED} keeps
     * two workers from taking one row at once, and the lease (the row is next due {@code lease}
     * from now) keeps the others from taking it while it is being sent, or after this worker
     * died, until the lease runs out.
     */
    List<Claimed> claim(SqlSession session, int limit, Duration lease) throws SQLException {
        return session.query("""
                with due as (
                    select id from email where status = 'pending' and due_at <= now()
                    order by due_at limit ? for update skip locked)
                update email e set due_at = now() + make_interval(secs => ?)
                from due where e.id = due.id
                returning e.id, e.kind, e.booking_id, e.recipient, e.subject, e.body_text, e.calendar, e.attempts,
                          e.created_at < now() - interval '24 hours' as old
                """, params -> {
                    params.setInt(1, limit);
                    params.setLong(2, lease.toSeconds());
                }, row -> new Claimed(stored(row), row.getInt("attempts"), row.getBoolean("old")));
    }

    /** Writes an email that carries its own words, due now. */
    void write(SqlSession session, StoredEmail email) throws SQLException {
        session.update("insert into email (id, kind, recipient, subject, body_text) values (?, ?, ?, ?, ?)", params -> {
            params.setString(1, email.id());
            params.setString(2, email.kind().stored());
            params.setString(3, email.to());
            params.setString(4, email.subject());
            params.setString(5, email.text());
        });
    }

    void sent(SqlSession session, String id) throws SQLException {
        session.update("update email set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null, "
                + "body_text = " + SignInCodeMask.SQL + " where id = ? and status = 'pending'",
                params -> params.setString(1, id));
    }

    /** SMTP would not take it: try again after {@code wait}. */
    void later(SqlSession session, String id, Duration wait, String error) throws SQLException {
        session.update("update email set due_at = now() + make_interval(secs => ?), attempts = attempts + 1, "
                + "last_error = ? where id = ? and status = 'pending'", params -> {
                    params.setLong(1, Math.max(1, wait.toSeconds()));
                    params.setString(2, error);
                    params.setString(3, id);
                });
    }

    /** Makes claimed emails due after {@code wait}: hands back those not tried, or extends their lease. */
    void release(SqlSession session, List<String> ids, Duration wait) throws SQLException {
        session.update("update email set due_at = now() + make_interval(secs => ?) "
                + "where id = any (string_to_array(?, ',')) and status = 'pending'", params -> {
                    params.setLong(1, wait.toSeconds());
                    params.setString(2, String.join(",", ids));
                });
    }

    void failed(SqlSession session, String id, String error) throws SQLException {
        session.update("update email set status = 'failed', attempts = attempts + 1, last_error = ?, "
                + "body_text = " + SignInCodeMask.SQL + " where id = ? and status = 'pending'", params -> {
                    params.setString(1, error);
                    params.setString(2, id);
                });
    }

    /** An email as {@link #newest} reads it: what it is, and where it is. */
    record Listed(StoredEmail email, String status, int attempts, Instant createdAt, Instant sentAt) {
    }

    /**
     * The newest {@code limit} emails of a status, or (null) of any: each status through its own
     * partial index (sent ones by when they were sent), so the list costs the same however many
     * emails the table holds.
     */
    List<Listed> newest(SqlSession session, String status, int limit) throws SQLException {
        String columns = "id, kind, booking_id, recipient, subject, body_text, calendar, status, attempts, created_at, "
                + "sent_at";
        String sql = """
                select * from (
                    (select %1$s from email where status = 'pending' order by created_at desc limit ?)
                    union all (select %1$s from email where status = 'sent' order by sent_at desc limit ?)
                    union all (select %1$s from email where status = 'failed' order by created_at desc limit ?)
                    union all (select %1$s from email where status = 'cancelled' order by created_at desc limit ?)
                ) newest where ?::text is null or status = ?
                order by coalesce(sent_at, created_at) desc, id limit ?
                """.formatted(columns);
        return session.query(sql, params -> {
            for (int i = 1; i <= 4; i++) {
                params.setInt(i, limit);
            }
            params.setString(5, status);
            params.setString(6, status);
            params.setInt(7, limit);
        }, row -> new Listed(stored(row), row.getString("status"), row.getInt("attempts"),
                SqlTime.get(row, "created_at"), SqlTime.get(row, "sent_at")));
    }

    private static StoredEmail stored(ResultSet row) throws SQLException {
        return new StoredEmail(row.getString("id"), EmailKind.of(row.getString("kind")), row.getString("booking_id"),
                row.getString("recipient"), row.getString("subject"), row.getString("body_text"),
                row.getString("calendar"));
    }

    /** Pending and failed emails, read through their partial indexes: cheap however many were sent. */
    Counts counts(SqlSession session) throws SQLException {
        return session.queryOne("""
                select (select count(*) from email where status = 'pending'),
                       (select count(*) from email where status = 'failed'),
                       (select min(created_at) from email where status = 'pending')
                """, SqlSession.Binder.NONE,
                row -> new Counts(row.getLong(1), row.getLong(2), SqlTime.get(row, 3))).orElseThrow();
    }
}
