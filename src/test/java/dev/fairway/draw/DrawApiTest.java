package dev.fairway.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.ids.RandomIds;
import dev.fairway.support.Http;
import dev.fairway.support.SettableClock;
import dev.fairway.support.SignIns;
import dev.fairway.support.TestApi;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fair release (Part 3) on two instances of one database and one clock: a course whose public
 * class draws Saturday 12 December's tee times at its release, Saturday 5 December 19:00 in New
 * York, with entries from Thursday 19:00. The draws run from the instances' own passes.
 */
class DrawApiTest {

    static final String COURSE = """
            {"name": "Draw Links", "timeZone": "America/New_York", "teeTimeIntervalMinutes": 10,
             "maxPlayersPerTeeTime": 4, "bookingWindowDays": 14,
             "weeklyHours": {"SATURDAY": [{"firstTeeTime": "07:00", "lastTeeTime": "12:00"}]},
             "bookingClasses": [{"name": "public", "bookingWindowDays": 7, "releaseTime": "19:00",
                                 "releaseMode": "draw", "drawEntryHours": 48, "maxBookingsPerDay": 1}]}
            """;
    static final Instant RELEASE = OffsetDateTime.parse("2026-12-05T19:00:00-05:00").toInstant();
    static final Instant FRIDAY_NINE = OffsetDateTime.parse("2026-12-04T09:00:00-05:00").toInstant();
    static final String[] FAVOURITES = {"07:00", "07:10", "07:20", "07:30", "07:40"};
    static final SettableClock clock = new SettableClock(FRIDAY_NINE);
    static TestApi api;
    static TestApi other;
    static String token;

    @BeforeAll
    static void start() {
        api = TestApi.start(clock);
        other = api.beside(clock);
        token = SignIns.signIn(api, "ann@example.com");
    }

    @AfterAll
    static void stop() {
        other.close();
        api.close();
    }

    @BeforeEach
    void freshCourse() {
        clock.set(FRIDAY_NINE);
        for (String table : new String[] {"draw_entry", "draw", "idempotency_key", "hold", "booking", "tee_time"}) {
            api.db.execute("delete from " + table);
        }
        api.db.execute("delete from email where kind <> 'sign-in'");
        api.db.execute("delete from golfer where email like 'entrant%'");
        Http.Answer put = api.putCourse("draw-links", TestApi.object(COURSE));
        assertThat(put.status()).as(put.body()).isIn(200, 201);
    }

    static String at(String time) {
        return "2026-12-12T" + time + ":00-05:00";
    }

    static Http.Answer enter(Http http, String... times) {
        StringBuilder preferences = new StringBuilder();
        for (String time : times) {
            preferences.append(preferences.isEmpty() ? "" : ", ").append("{\"start\": \"").append(at(time)).append("\"}");
        }
        return http.post("/api/courses/draw-links/entries", "{\"date\": \"2026-12-12\", \"players\": 2, \"preferences\": ["
                + preferences + "]}", SignIns.bearer(token));
    }

    static JsonNode draw(Http http) {
        Http.Answer answer = http.get("/api/courses/draw-links/draws/2026-12-12?bookingClass=public");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void entries_open_before_the_release_and_the_seed_whose_hash_was_shown_is_shown_once_the_draw_is_done()
            throws Exception {
        clock.set(OffsetDateTime.parse("2026-12-03T18:00:00-05:00").toInstant());
        Http.Answer early = enter(api.http, "07:00");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("opensAt").asText()).isEqualTo("2026-12-03T19:00:00-05:00");
        assertThat(early.body()).contains("/problems/entries-not-open");
        assertThat(api.http.get("/api/courses/draw-links/draws/2026-12-12").status()).as("no seed before entries open")
                .isEqualTo(409);
        assertThat(api.db.count("select count(*) from draw")).isZero();

        clock.set(FRIDAY_NINE);
        JsonNode opened = draw(other.http);
        String shownHash = opened.path("seedSha256").asText();
        assertThat(shownHash).matches("[0-9a-f]{64}");
        assertThat(opened.path("status").asText()).isEqualTo("open");
        assertThat(opened.has("seed")).isFalse();
        Http.Answer entered = enter(api.http, "07:00", "07:10");
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        assertThat(entered.json().path("drawAt").asText()).isEqualTo("2026-12-05T19:00:00-05:00");
        Http.Answer replaced = enter(other.http, "07:10", "07:00");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("id").asText()).isEqualTo(entered.json().path("id").asText());
        assertThat(api.http.get("/api/me/entries", SignIns.bearer(token)).json()).hasSize(1);
        assertThat(draw(api.http).path("seedSha256").asText()).isEqualTo(shownHash);
        assertThat(draw(api.http).path("entries").asInt()).isEqualTo(1);
        String booking = "{\"start\": \"" + at("08:00") + "\", \"players\": 2, \"name\": \"Bob\", \"email\": \"bob@example.com\"}";
        assertThat(api.http.post("/api/courses/draw-links/bookings", booking).body()).contains("/problems/outside-booking-window");

        try (Connection held = api.db.connect()) {
            // The draw's row held by the test: no instance can run it, whatever their passes do.
            held.setAutoCommit(false);
            try (PreparedStatement lock = held.prepareStatement("select 1 from draw for update")) {
                lock.executeQuery().close();
            }
            clock.set(RELEASE.plusMillis(100));
            Http.Answer waiting = other.http.post("/api/courses/draw-links/bookings", booking);
            assertThat(waiting.status()).as(waiting.body()).isEqualTo(409);
            assertThat(waiting.body()).contains("/problems/draw-in-progress");
            assertThat(waiting.header("Retry-After")).isEqualTo("1");
            assertThat(api.http.post("/api/courses/draw-links/holds", "{\"start\": \"" + at("08:00")
                    + "\", \"players\": 2, \"email\": \"bob@example.com\"}").body()).contains("/problems/draw-in-progress");
            assertThat(enter(api.http, "07:20").body()).contains("/problems/entries-closed");
            held.rollback();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> draw(api.http).path("status").asText().equals("done"));
        JsonNode done = draw(other.http);
        assertThat(DrawCheck.problems(done)).as("the published draw checks out").isEmpty();
        byte[] seed = HexFormat.of().parseHex(done.path("seed").asText());
        assertThat(DrawOrder.sha256(seed)).as("the seed shown after is the one whose hash was shown at the opening")
                .isEqualTo(shownHash);
        JsonNode result = done.path("results").get(0);
        assertThat(result.path("outcome").asText()).isEqualTo("won");
        assertThat(result.path("position").asInt()).isEqualTo(1);
        JsonNode won = api.http.get("/api/bookings/" + result.path("bookingId").asText()).json();
        assertThat(won.path("start").asText()).isEqualTo(at("07:10"));
        assertThat(won.path("email").asText()).isEqualTo("ann@example.com");
        assertThat(api.db.count("select count(*) from email where kind = 'confirmation' and booking_id = ?",
                won.path("id").asText())).isEqualTo(1);
        assertThat(api.http.post("/api/courses/draw-links/bookings", booking).status())
                .as("first come, first served for the rest").isEqualTo(201);
    }

    @Test
    void a_thousand_entries_drawn_on_two_instances_fill_the_favourite_tee_times_in_the_draws_order_and_no_further()
            throws Exception {
        draw(api.http); // the seed is fixed when entries open
        Random random = new Random(28);
        List<String> ids = new ArrayList<>();
        Map<String, int[]> wants = new HashMap<>(); // entry -> players, then the indexes of its preferences
        try (Connection connection = api.db.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement golfer = connection.prepareStatement("insert into golfer (id, email) values (?, ?)");
                 PreparedStatement entry = connection.prepareStatement("insert into draw_entry (id, course_id, "
                         + "booking_class, date, golfer_id, booker, players, holes, preferences, created_at, updated_at) "
                         + "values (?, 'draw-links', 'public', '2026-12-12', ?, ?, ?, 18, ?::jsonb, now(), now())")) {
                for (int i = 0; i < 1000; i++) {
                    String golferId = RandomIds.next();
                    String email = "entrant" + i + "@example.com";
                    golfer.setString(1, golferId);
                    golfer.setString(2, email);
                    golfer.addBatch();
                    String id = RandomIds.next();
                    int players = 1 + random.nextInt(4);
                    List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4));
                    java.util.Collections.shuffle(order, random);
                    List<DrawEntry.Preference> preferences = new ArrayList<>();
                    int[] want = new int[6];
                    want[0] = players;
                    for (int p = 0; p < 5; p++) {
                        want[p + 1] = order.get(p);
                        preferences.add(new DrawEntry.Preference(OffsetDateTime.parse(at(FAVOURITES[order.get(p)]))
                                .toInstant(), "1"));
                    }
                    entry.setString(1, id);
                    entry.setString(2, golferId);
                    entry.setString(3, email);
                    entry.setInt(4, players);
                    entry.setString(5, DrawStore.preferences(preferences));
                    entry.addBatch();
                    ids.add(id);
                    wants.put(id, want);
                }
                golfer.executeBatch();
                entry.executeBatch();
            }
            connection.commit();
        }

        clock.set(RELEASE.plusSeconds(1));
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.db.count("select count(*) from draw where status = 'done'") == 1);
        System.out.printf("1,000 entries drawn on two instances in %d ms of the test's clock%n",
                (System.nanoTime() - started) / 1_000_000);

        JsonNode done = draw(api.http);
        assertThat(DrawCheck.problems(done)).as("the published draw checks out").isEmpty();
        byte[] seed = HexFormat.of().parseHex(done.path("seed").asText());
        List<String> order = DrawOrder.of(seed, ids);
        int[] room = {4, 4, 4, 4, 4};
        Map<String, Integer> expected = new HashMap<>(); // entry -> favourite won, or -1
        for (String id : order) {
            int[] want = wants.get(id);
            int won = -1;
            for (int p = 1; p <= 5 && won < 0; p++) {
                if (room[want[p]] >= want[0]) {
                    room[want[p]] -= want[0];
                    won = want[p];
                }
            }
            expected.put(id, won);
        }
        JsonNode results = done.path("results");
        assertThat(results).hasSize(1000);
        for (int position = 0; position < 1000; position++) {
            JsonNode result = results.get(position);
            String id = result.path("entryId").asText();
            assertThat(id).as("position %d", position + 1).isEqualTo(order.get(position));
            assertThat(result.path("position").asInt()).isEqualTo(position + 1);
            int won = expected.get(id);
            assertThat(result.path("outcome").asText()).as("entry %s at %d", id, position + 1)
                    .isEqualTo(won >= 0 ? "won" : "lost");
            if (won >= 0) {
                assertThat(api.http.get("/api/bookings/" + result.path("bookingId").asText()).json().path("start").asText())
                        .isEqualTo(at(FAVOURITES[won]));
            }
        }
        long winners = expected.values().stream().filter(w -> w >= 0).count();
        assertThat(api.db.count("select count(*) from booking")).isEqualTo(winners);
        assertThat(api.db.count("select count(*) from draw_entry where outcome is null")).isZero();
        assertThat(api.db.count("select count(*) from tee_time where booked > capacity")).isZero();
        assertThat(api.db.count("select count(*) from email where kind = 'draw'")).isEqualTo(1000 - winners);
        assertThat(api.db.count("select count(*) from email where kind = 'confirmation'")).isEqualTo(winners);
    }
}
