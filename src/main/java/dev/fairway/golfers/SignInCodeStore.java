package dev.fairway.golfers;

import dev.fairway.db.SqlSession;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The SQL of sign-in codes: each stored as the hash of its id and digits, never the digits. */
final class SignInCodeStore {

    /**
     * A code that can still be used, locked.
     *
     * @param id   its id
     * @param hash SHA-256 of {@code <id>:<digits>}
     */
    record LiveCode(String id, byte[] hash) {
    }

    /**
     * Serializes the sign-in requests of one email until the transaction ends, on every instance,
     * so that counting its recent codes and adding one cannot interleave.
     */
    void lockEmail(SqlSession session, String email) throws SQLException {
        session.query("select pg_advisory_xact_lock(hashtextextended('sign-in:' || ?, 0))",
                params -> params.setString(1, email), row -> null);
    }

    /** How many codes the email was sent since {@code since}: from this client, and from everyone. */
    record Sent(int fromClient, int inAll) {
    }

    Sent codesSince(SqlSession session, String email, byte[] client, Instant since) throws SQLException {
        return session.queryOne("""
                select count(*) filter (where client_hash = ?), count(*) from sign_in_code
                where email = ? and created_at > ?""", params -> {
            params.setBytes(1, client);
            params.setString(2, email);
            params.setInstant(3, since);
        }, row -> new Sent(row.getInt(1), row.getInt(2))).orElseThrow();
    }

    void add(SqlSession session, String id, String email, byte[] client, byte[] hash, Instant now, Duration validFor)
            throws SQLException {
        session.update("""
                insert into sign_in_code (id, email, client_hash, code_hash, expires_at, created_at)
                values (?, ?, ?, ?, ?, ?)""", params -> {
            params.setString(1, id);
            params.setString(2, email);
            params.setBytes(3, client);
            params.setBytes(4, hash);
            params.setInstant(5, now.plus(validFor));
            params.setInstant(6, now);
        });
    }

    /** Wrong codes this client sent for the email since {@code since}. */
    int failuresSince(SqlSession session, String email, byte[] client, Instant since) throws SQLException {
        return session.queryOne("""
                select count(*) from sign_in_failure where email = ? and client_hash = ? and created_at > ?""", params -> {
            params.setString(1, email);
            params.setBytes(2, client);
            params.setInstant(3, since);
        }, row -> row.getInt(1)).orElseThrow();
    }

    /** The email's codes that are neither used, expired nor void at {@code now}, locked against a concurrent try. */
    List<LiveCode> lockLive(SqlSession session, String email, Instant now, int maxWrongTries) throws SQLException {
        return session.query("""
                select id, code_hash from sign_in_code
                where email = ? and used_at is null and expires_at > ? and wrong_tries < ?
                order by created_at desc for update
                """, params -> {
                    params.setString(1, email);
                    params.setInstant(2, now);
                    params.setInt(3, maxWrongTries);
                }, row -> new LiveCode(row.getString("id"), row.getBytes("code_hash")));
    }

    void use(SqlSession session, String id, Instant now) throws SQLException {
        session.update("update sign_in_code set used_at = ? where id = ?", params -> {
            params.setInstant(1, now);
            params.setString(2, id);
        });
    }

    /**
     * Records a wrong code from {@code client}, and counts it against that client's own live codes
     * of the email: a code dies at its fifth wrong try from where it was asked for. Codes asked for
     * elsewhere (the golfer's, when a stranger guesses) are not touched.
     */
    void wrongTry(SqlSession session, String email, byte[] client, Instant now) throws SQLException {
        session.update("""
                with failure as (insert into sign_in_failure (email, client_hash, created_at) values (?, ?, ?))
                update sign_in_code set wrong_tries = wrong_tries + 1
                where email = ? and client_hash = ? and used_at is null and expires_at > ? and wrong_tries < 5""",
                params -> {
                    params.setString(1, email);
                    params.setBytes(2, client);
                    params.setInstant(3, now);
                    params.setString(4, email);
                    params.setBytes(5, client);
                    params.setInstant(6, now);
                });
    }
}
