package dev.fairway.golfers;

import dev.fairway.db.SqlSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The SQL of members. Emails are stored lower-cased, so they compare case-insensitively. */
final class MemberStore {

    /** Adds or replaces a member; true when added. */
    boolean put(SqlSession session, String courseId, Member member) throws SQLException {
        return session.queryOne("""
                insert into member (course_id, email, booking_class, name) values (?, ?, ?, ?)
                on conflict (course_id, email) do update
                set booking_class = excluded.booking_class, name = excluded.name, updated_at = now()
                returning (xmax = 0) as created
                """, params -> {
                    params.setString(1, courseId);
                    params.setString(2, member.email());
                    params.setString(3, member.bookingClass());
                    params.setString(4, member.name());
                }, row -> row.getBoolean(1)).orElseThrow();
    }

    List<Member> list(SqlSession session, String courseId) throws SQLException {
        return session.query("select email, booking_class, name from member where course_id = ? order by email",
                params -> params.setString(1, courseId), MemberStore::member);
    }

    boolean delete(SqlSession session, String courseId, String email) throws SQLException {
        return session.update("delete from member where course_id = ? and email = ?", params -> {
            params.setString(1, courseId);
            params.setString(2, email);
        }) == 1;
    }

    Optional<String> classOf(SqlSession session, String courseId, String email) throws SQLException {
        return session.queryOne("select booking_class from member where course_id = ? and email = ?", params -> {
            params.setString(1, courseId);
            params.setString(2, email);
        }, row -> row.getString(1));
    }

    private static Member member(ResultSet row) throws SQLException {
        return new Member(row.getString("email"), row.getString("booking_class"), row.getString("name"));
    }
}
