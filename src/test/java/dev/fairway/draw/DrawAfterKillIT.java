package dev.fairway.draw;

import static dev.fairway.support.FairwayProcess.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fairway.Service;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.ids.RandomIds;
import dev.fairway.support.Db;
import dev.fairway.support.FairwayProcess;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestPostgres;
import dev.fairway.support.TestService;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The jar, SIGKILLed in the middle of a draw (nine entries booked in its batch's transaction, the
 * tenth's row held by the test): nothing of the batch is left, and another instance draws every
 * entry exactly once, in the seed's order.
 */
class DrawAfterKillIT {

    static final String COURSE = """
            {"name": "Draw Links", "timeZone": "Etc/UTC", "teeTimeIntervalMinutes": 10, "maxPlayersPerTeeTime": 4,
             "bookingWindowDays": 14, "weeklyHours": {%s},
             "bookingClasses": [{"name": "public", "bookingWindowDays": 7, "releaseTime": "00:00",
                                 "releaseMode": "draw", "drawEntryHours": 168}]}
            """;
    static final int ENTRIES = 60;

    @Test
    void an_instance_killed_during_a_draw_leaves_it_to_another_which_draws_each_entry_once() throws Exception {
        DatabaseUrl database = TestPostgres.newDatabase();
        Db db = new Db(database);
        int port = FairwayProcess.freePort();
        Http http = new Http(port);
        LocalDate date = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        List<String> ids = new ArrayList<>();
        try (FairwayProcess killed = FairwayProcess.start(Map.of("PORT", Integer.toString(port), "DATABASE_URL",
                FairwayProcess.rawUrl(TestPostgres.port(), database.database()), "FAIRWAY_ADMIN_TOKEN",
                TestService.ADMIN_TOKEN, "FAIRWAY_RATE_LIMIT", "off"), "serve")) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(http.get("/health/ready").status()).isEqualTo(200));
            String everyDay = String.join(", ", java.util.Arrays.stream(java.time.DayOfWeek.values())
                    .map(d -> "\"" + d + "\": [{\"firstTeeTime\": \"07:00\", \"lastTeeTime\": \"08:00\"}]").toList());
            assertThat(http.put("/api/courses/draw-links", COURSE.formatted(everyDay), TestApi.admin()).status())
                    .isEqualTo(201);
            try (Connection connection = db.connect()) {
                connection.setAutoCommit(false);
                try (PreparedStatement draw = connection.prepareStatement("insert into draw (course_id, booking_class, "
                        + "date, draw_at, seed, seed_sha256, created_at) values ('draw-links', 'public', ?, ?, ?, ?, now())");
                     PreparedStatement golfer = connection.prepareStatement("insert into golfer (id, email) values (?, ?)");
                     PreparedStatement entry = connection.prepareStatement("insert into draw_entry (id, course_id, "
                             + "booking_class, date, golfer_id, booker, players, holes, preferences, created_at, updated_at) "
                             + "values (?, 'draw-links', 'public', ?, ?, ?, 2, 18, ?::jsonb, now(), now())")) {
                    draw.setObject(1, date);
                    // Due in three seconds: by then the test holds the tenth entry's row.
                    draw.setObject(2, java.time.OffsetDateTime.ofInstant(Instant.now().plusSeconds(3), ZoneOffset.UTC));
                    draw.setBytes(3, seed);
                    draw.setString(4, DrawOrder.sha256(seed));
                    draw.execute();
                    for (int i = 0; i < ENTRIES; i++) {
                        String golferId = RandomIds.next();
                        golfer.setString(1, golferId);
                        golfer.setString(2, "entrant" + i + "@example.com");
                        golfer.execute();
                        String id = RandomIds.next();
                        entry.setString(1, id);
                        entry.setObject(2, date);
                        entry.setString(3, golferId);
                        entry.setString(4, "entrant" + i + "@example.com");
                        entry.setString(5, DrawStore.preferences(List.of(
                                new DrawEntry.Preference(date.atTime(7, i % 6 * 10).toInstant(ZoneOffset.UTC), "1"),
                                new DrawEntry.Preference(date.atTime(8, 0).toInstant(ZoneOffset.UTC), "1"))));
                        entry.execute();
                        ids.add(id);
                    }
                }
                connection.commit();
            }
            String tenth = DrawOrder.of(seed, ids).get(9);
            try (Connection lock = db.connect()) {
                lock.setAutoCommit(false);
                try (PreparedStatement select = lock.prepareStatement("select 1 from draw_entry where id = ? for update")) {
                    select.setString(1, tenth);
                    select.executeQuery().close();
                }
                // The batch has booked the first nine and waits for the tenth's row.
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> db.count(
                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                                + "and query like 'update draw_entry set position%'") == 1);
                ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly(); // SIGKILL: mid-draw
                killed.waitFor(seconds(10));
                lock.rollback();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                    "select count(*) from pg_stat_activity where query like 'update draw_entry%'") == 0);
            assertThat(db.count("select count(*) from booking")).as("the killed batch left no booking").isZero();
            assertThat(db.count("select count(*) from draw_entry where outcome is not null")).isZero();
        }

        Service survivor = TestService.startReady(database, Clock.systemUTC());
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from draw where status = 'done'") == 1);
            List<String> order = DrawOrder.of(seed, ids);
            for (int position = 0; position < ENTRIES; position++) {
                assertThat(db.strings("select position::text from draw_entry where id = ?", order.get(position)))
                        .containsExactly(Integer.toString(position + 1));
            }
            long winners = db.count("select count(*) from draw_entry where outcome = 'won'");
            assertThat(winners).as("7 tee times of 4 spots, parties of 2").isEqualTo(14);
            assertThat(db.count("select count(*) from booking")).isEqualTo(winners);
            assertThat(db.count("select count(distinct golfer_id) from booking")).isEqualTo(winners);
            assertThat(db.count("select count(*) from draw_entry where outcome is null")).isZero();
            assertThat(db.count("select count(*) from tee_time where booked > capacity")).isZero();
            assertThat(db.count("select count(*) from email where kind = 'confirmation'")).isEqualTo(winners);
            assertThat(db.count("select count(*) from email where kind = 'draw'")).isEqualTo(ENTRIES - winners);
        } finally {
            survivor.close();
        }
    }
}
