package dev.fairway.bookings;

import dev.fairway.db.SqlSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The SQL of Idempotency-Keys. A key's request holds a transaction-level advisory lock on the
 * key while it runs: a repeat that cannot take it is "in progress", and the lock dies with the
 * transaction, also behind a transaction pooler and also when the instance crashes.
 */
final class IdempotencyStore {

    /**
     * A key is stored as its SHA-256 and a fingerprint as its bytes: a key may be 255 characters,
     * and every keyed request, refused ones too, is kept a day. Each takes one text parameter.
     */
    static final String KEY_HASH = "sha256(convert_to(?, 'UTF8'))";
    static final String FINGERPRINT = "decode(?, 'hex')";

    /**
     * What is stored under a key, and whether the booking's slots are blocked (read in the same round trip).
     *
     * @param fingerprint the fingerprint of the request that first used the key, or null if unused
     * @param answer      the answer it got, or null
     * @param blocked     which of the booking's slots a block covers
     */
    record Lookup(String fingerprint, StoredAnswer answer, BookingStore.Report.Blocked blocked) {
    }

    /**
     * Takes the key's lock for this transaction. Without {@code wait}, false when another
     * transaction, on any instance, holds it. With {@code wait} (a retry, whose likeliest rival is
     * its own earlier run finishing its COMMIT) it waits, bounded by the statement timeout.
     */
    boolean lock(SqlSession session, String key, boolean wait) throws SQLException {
        if (wait) {
            // The function returns void, so there is nothing to read; the statement must not wrap
            // it in an expression either: PostgreSQL folds "f() is null or true" to "true" and
            // never calls f, and the retry then raced its own first run (booking_pkey, a 500).
            session.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", params -> params.setString(1, key),
                    rs -> true);
            return true;
        }
        return session.queryOne("select pg_try_advisory_xact_lock(hashtextextended(?, 0))",
                params -> params.setString(1, key), rs -> rs.getBoolean(1)).orElseThrow();
    }

    /** Must run after {@link #lock}, in a statement of its own: only then does it see a commit that released the lock. */
    Lookup find(SqlSession session, String key, Booking booking) throws SQLException {
        return session.queryOne("select encode(i.fingerprint, 'hex') as fingerprint, i.response_status, "
                        + "i.response_body, i.booking_id, " + BookingStore.BLOCKED + " as start_blocked, "
                        + BookingStore.BLOCKED + " as turn_blocked from (select 1) as one "
                        + "left join idempotency_key i on i.key_hash = " + KEY_HASH,
                params -> params.setString(BookingStore.bindBlockedSlots(params, 1, booking), key),
                row -> lookup(row, new BookingStore.Report.Blocked(row.getBoolean("start_blocked"),
                        row.getBoolean("turn_blocked")))).orElseThrow();
    }

    /** What is stored under a key (no slot to look at). Must run after {@link #lock}, like {@link #find}. */
    Lookup find(SqlSession session, String key) throws SQLException {
        return session.queryOne("select encode(i.fingerprint, 'hex') as fingerprint, i.response_status, "
                        + "i.response_body, i.booking_id from (select 1) as one "
                        + "left join idempotency_key i on i.key_hash = " + KEY_HASH,
                params -> params.setString(1, key),
                row -> lookup(row, new BookingStore.Report.Blocked(false, false))).orElseThrow();
    }

    /** Stores a 201 answer under the key, naming the booking it made. */
    void rememberBooked(SqlSession session, String key, String fingerprint, String body, String bookingId)
            throws SQLException {
        session.update("insert into idempotency_key (key_hash, fingerprint, response_status, response_body, booking_id) "
                        + "values (" + KEY_HASH + ", " + FINGERPRINT + ", 201, ?, ?)",
                params -> {
                    params.setString(1, key);
                    params.setString(2, fingerprint);
                    params.setString(3, body);
                    params.setString(4, bookingId);
                });
    }

    /**
     * A {@link Lookup} from a row with the columns {@code fingerprint} (hex, null when the key is
     * unused), {@code response_status}, {@code response_body} and {@code booking_id}.
     */
    static Lookup lookup(ResultSet row, BookingStore.Report.Blocked blocked) throws SQLException {
        String fingerprint = row.getString("fingerprint");
        return new Lookup(fingerprint, fingerprint == null ? null : new StoredAnswer(row.getInt("response_status"),
                row.getString("response_body"), row.getString("booking_id")), blocked);
    }

    void remember(SqlSession session, String key, String fingerprint, BookingAnswers.Answer answer) throws SQLException {
        session.update("insert into idempotency_key (key_hash, fingerprint, response_status, response_body) values ("
                        + KEY_HASH + ", " + FINGERPRINT + ", ?, ?)",
                params -> {
                    params.setString(1, key);
                    params.setString(2, fingerprint);
                    params.setInt(3, answer.status());
                    params.setString(4, answer.body());
                });
    }

    /** Deletes at most {@code limit} keys stored before {@code cutoff}; returns how many it deleted. */
    int deleteStoredBefore(SqlSession session, Instant cutoff, int limit) throws SQLException {
        return session.update("delete from idempotency_key where key_hash in "
                + "(select key_hash from idempotency_key where created_at < ? limit ?)", params -> {
                    params.setInstant(1, cutoff);
                    params.setInt(2, limit);
                });
    }
}
