package dev.fairway.db.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.config.DatabaseUrl;
import dev.fairway.support.Db;
import dev.fairway.support.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V6 brings rows written before an email was one mailbox to that form: the probe's variants of one
 * mailbox become one golfer with all its bookings and tokens, hostile booking emails stop receiving
 * mail, members are kept by their mailbox, and nothing pending goes to a group.
 */
class OneMailboxMigrationTest {

    @Test
    void variants_of_one_mailbox_become_one_golfer_and_hostile_forms_receive_nothing_more() {
        DatabaseUrl url = TestPostgres.newDatabase();
        Flyway.configure().dataSource(url.jdbcUrl(), url.user(), "").locations("classpath:db/migration").target("5")
                .load().migrate();
        Db db = new Db(url);
        db.execute("""
                insert into course (id, name, time_zone, tee_time_interval_minutes, max_players_per_tee_time, weekly_hours)
                values ('pine', 'Pine', 'UTC', 10, 4, '{}');
                insert into tee_time (course_id, starts_at, capacity, booked) values ('pine', '2027-01-02 08:00Z', 4, 4);
                insert into golfer (id, email, name, created_at) values
                    ('golfer-first-0000001', 'me@X.com', null, '2026-11-01Z'),
                    ('golfer-second-000002', '"2" <me@x.com>', 'Me Two', '2026-11-02Z'),
                    ('golfer-third-0000003', 'ME@x.com (3)', null, '2026-11-03Z'),
                    ('golfer-group-0000004', 'Prize: v1@b.com, v2@b.com;', null, '2026-11-04Z');
                insert into golfer_token (id, golfer_id, secret_hash, expires_at) values
                    ('token-of-second-0001', 'golfer-second-000002', sha256('s'), '2027-01-01Z');
                insert into booking (id, course_id, starts_at, players, name, email, status, booker, golfer_id) values
                    ('booking-of-second-00000001', 'pine', '2027-01-02 08:00Z', 1, 'A', 'me@x.com', 'confirmed', 'me@x.com', 'golfer-second-000002'),
                    ('booking-injected-000000002', 'pine', '2027-01-02 08:00Z', 1, 'B',
                        E'"x\\r\\nEND:VEVENT" <victim@b.com>', 'confirmed', E'"x\\r\\nend:vevent" <victim@b.com>', null),
                    ('booking-group-0000000000003', 'pine', '2027-01-02 08:00Z', 1, 'C', 'Prize: v1@b.com, v2@b.com;',
                        'confirmed', 'prize: v1@b.com, v2@b.com;', null),
                    ('booking-plain-0000000000004', 'pine', '2027-01-02 08:00Z', 1, 'D', 'Dana@Example.COM', 'confirmed',
                        'dana@example.com', null);
                insert into member (course_id, email, booking_class, updated_at) values
                    ('pine', 'kim@example.com', 'member', '2026-11-01Z'),
                    ('pine', '"kim" <kim@example.com>', 'senior', '2026-11-05Z'),
                    ('pine', 'list: a@b.com;', 'member', '2026-11-05Z');
                insert into email (id, kind, recipient, subject, body_text, status) values
                    ('email-to-a-group-00001', 'sign-in', 'Prize: v1@b.com, v2@b.com;', 's', 't', 'pending'),
                    ('email-to-a-mailbox-002', 'sign-in', 'Dana@Example.COM', 's', 't', 'pending');
                """);

        new Migrations(url).migrate();

        assertThat(db.strings("select id || ' ' || email || ' ' || coalesce(name, '-') from golfer order by id"))
                .containsExactly("golfer-first-0000001 me@x.com Me Two",
                        "golfer-group-0000004 unusable-golfer-group-0000004@fairway.invalid -");
        assertThat(db.strings("select golfer_id from golfer_token")).containsExactly("golfer-first-0000001");
        assertThat(db.strings("select id || ' ' || coalesce(email, '-') || ' ' || coalesce(booker, '-') || ' '"
                + " || coalesce(golfer_id, '-') from booking order by id")).containsExactly(
                "booking-group-0000000000003 - prize: v1@b.com, v2@b.com; -",
                "booking-injected-000000002 - victim@b.com -",
                "booking-of-second-00000001 me@x.com me@x.com golfer-first-0000001",
                "booking-plain-0000000000004 Dana@example.com dana@example.com -");
        assertThat(db.strings("select email || ' ' || booking_class from member")).containsExactly("kim@example.com senior");
        assertThat(db.strings("select id || ' ' || status || ' ' || recipient from email order by id")).containsExactly(
                "email-to-a-group-00001 cancelled unusable-email-to-a-group-00001@fairway.invalid",
                "email-to-a-mailbox-002 pending Dana@example.com");
    }
}
