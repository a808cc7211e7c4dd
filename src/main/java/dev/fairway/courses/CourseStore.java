package dev.fairway.courses;

import dev.fairway.db.SqlSession;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.CourseRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** The SQL of courses. Every method runs inside a unit of work it is given. */
final class CourseStore {

    private static final String COLUMNS = "id, name, time_zone, tee_time_interval_minutes, max_players_per_tee_time, "
            + "booking_window_days, min_notice_minutes, cancellation_cutoff_minutes, currency, weekly_hours, "
            + "date_overrides, rates, reminder_hours_before, round_minutes, booking_policy, layout";

    /** Inserts or replaces the course; true when it was inserted. Idempotent: a retry replaces it again. */
    boolean upsert(SqlSession session, Course course) throws SQLException {
        CourseRules rules = course.rules();
        boolean created = session.queryOne("""
                insert into course (%s)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb, ?::jsonb)
                on conflict (id) do update set
                    name = excluded.name, time_zone = excluded.time_zone,
                    tee_time_interval_minutes = excluded.tee_time_interval_minutes,
                    max_players_per_tee_time = excluded.max_players_per_tee_time,
                    booking_window_days = excluded.booking_window_days,
                    min_notice_minutes = excluded.min_notice_minutes,
                    cancellation_cutoff_minutes = excluded.cancellation_cutoff_minutes,
                    currency = excluded.currency, weekly_hours = excluded.weekly_hours,
                    date_overrides = excluded.date_overrides, rates = excluded.rates,
                    reminder_hours_before = excluded.reminder_hours_before, round_minutes = excluded.round_minutes,
                    booking_policy = excluded.booking_policy, layout = excluded.layout,
                    version = course.version + 1, updated_at = now()
                returning (xmax = 0) as created
                """.formatted(COLUMNS), params -> {
                    params.setString(1, course.id());
                    params.setString(2, course.name());
                    params.setString(3, rules.zone().getId());
                    params.setInt(4, rules.teeTimeIntervalMinutes());
                    params.setInt(5, rules.maxPlayersPerTeeTime());
                    params.setInt(6, rules.bookingWindowDays());
                    params.setInt(7, rules.minNoticeMinutes());
                    params.setInt(8, rules.cancellationCutoffMinutes());
                    params.setString(9, rules.currency().getCurrencyCode());
                    params.setString(10, CourseDocuments.weeklyHours(rules.weeklyHours()).toString());
                    params.setString(11, CourseDocuments.dateOverrides(rules.dateOverrides()).toString());
                    params.setString(12, CourseDocuments.rates(rules.rates()).toString());
                    params.setInt(13, rules.reminderHoursBefore());
                    params.setInt(14, rules.roundMinutes());
                    params.setString(15, BookingPolicyJson.stored(rules.policy()));
                    params.setString(16, LayoutJson.stored(rules.layout()));
                }, rs -> rs.getBoolean(1)).orElseThrow();
        // Tee times already booked keep room for what they hold when the maximum goes down.
        session.update("""
                update tee_time set capacity = greatest(?, booked)
                where course_id = ? and capacity <> greatest(?, booked)
                """, params -> {
                    params.setInt(1, rules.maxPlayersPerTeeTime());
                    params.setString(2, course.id());
                    params.setInt(3, rules.maxPlayersPerTeeTime());
                });
        return created;
    }

    Optional<Course> find(SqlSession session, String id) throws SQLException {
        return session.queryOne("select " + COLUMNS + " from course where id = ?",
                params -> params.setString(1, id), CourseStore::course);
    }

    /** The course, its row locked until the transaction ends. */
    Optional<Course> findForUpdate(SqlSession session, String id) throws SQLException {
        return session.queryOne("select " + COLUMNS + " from course where id = ? for update",
                params -> params.setString(1, id), CourseStore::course);
    }

    List<CourseSummary> list(SqlSession session) throws SQLException {
        return session.query("select id, name, time_zone from course order by id", SqlSession.Binder.NONE,
                rs -> new CourseSummary(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    private static Course course(ResultSet row) throws SQLException {
        return new Course(row.getString("id"), row.getString("name"), new CourseRules(
                ZoneId.of(row.getString("time_zone")),
                row.getInt("tee_time_interval_minutes"),
                row.getInt("max_players_per_tee_time"),
                row.getInt("booking_window_days"),
                row.getInt("min_notice_minutes"),
                row.getInt("cancellation_cutoff_minutes"),
                Currency.getInstance(row.getString("currency")),
                CourseDocuments.readWeeklyHours(row.getString("weekly_hours")),
                CourseDocuments.readDateOverrides(row.getString("date_overrides")),
                CourseDocuments.readRates(row.getString("rates")),
                row.getInt("reminder_hours_before"),
                row.getInt("round_minutes"),
                CourseDocuments.readPolicy(row.getString("booking_policy")),
                CourseDocuments.readLayout(row.getString("layout"))));
    }
}
