package dev.fairway.golfers;

import dev.fairway.db.SqlSession;
import dev.fairway.db.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The SQL of golfers and their tokens. */
final class GolferStore {

    /**
     * A live token's row.
     *
     * @param golfer     whose it is
     * @param secretHash SHA-256 of its secret
     * @param expiresAt  when it stops working
     */
    record TokenRow(Golfer golfer, byte[] secretHash, Instant expiresAt) {
    }

    /** The golfer of a token that has neither expired nor been signed out at {@code now}. */
    Optional<TokenRow> liveToken(SqlSession session, String tokenId, Instant now) throws SQLException {
        return session.queryOne("""
                select g.id, g.email, g.name, t.secret_hash, t.expires_at from golfer_token t join golfer g on g.id = t.golfer_id
                where t.id = ? and t.expires_at > ? and t.signed_out_at is null
                """, params -> {
                    params.setString(1, tokenId);
                    params.setInstant(2, now);
                }, row -> new TokenRow(golfer(row), row.getBytes("secret_hash"), SqlTime.get(row, "expires_at")));
    }

    /** The golfer with this email (case-insensitively), created now when there is none. */
    Golfer golferFor(SqlSession session, String newId, String email, Instant now) throws SQLException {
        return session.queryOne("""
                insert into golfer (id, email, created_at) values (?, ?, ?)
                on conflict ((lower(email))) do update set email = golfer.email
                returning id, email, name
                """, params -> {
                    params.setString(1, newId);
                    params.setString(2, email);
                    params.setInstant(3, now);
                }, GolferStore::golfer).orElseThrow();
    }

    void addToken(SqlSession session, GolferToken token, String golferId, Instant now, Instant expiresAt)
            throws SQLException {
        session.update("insert into golfer_token (id, golfer_id, secret_hash, expires_at, created_at) "
                + "values (?, ?, ?, ?, ?)", params -> {
                    params.setString(1, token.id());
                    params.setString(2, golferId);
                    params.setBytes(3, token.secretHash());
                    params.setInstant(4, expiresAt);
                    params.setInstant(5, now);
                });
    }

    void signOut(SqlSession session, String tokenId, Instant now) throws SQLException {
        session.update("update golfer_token set signed_out_at = ? where id = ? and signed_out_at is null", params -> {
            params.setInstant(1, now);
            params.setString(2, tokenId);
        });
    }

    Golfer rename(SqlSession session, String golferId, String name) throws SQLException {
        return session.queryOne("update golfer set name = ? where id = ? returning id, email, name", params -> {
            params.setString(1, name);
            params.setString(2, golferId);
        }, GolferStore::golfer).orElseThrow();
    }

    private static Golfer golfer(ResultSet row) throws SQLException {
        return new Golfer(row.getString("id"), row.getString("email"), row.getString("name"));
    }
}
