package dev.fairway.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.Service;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.support.Db;
import dev.fairway.support.Http;
import dev.fairway.support.Race;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestPostgres;
import dev.fairway.support.TestService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two service instances on one database, racing for the same tee time. The database is the judge. */
class OverbookingRaceTest {

    static DatabaseUrl database;
    static Service first;
    static Service second;
    static Http[] instances;
    static Db db;

    @BeforeAll
    static void start() {
        database = TestPostgres.newDatabase();
        Clock clock = TestApi.EXAMPLE_CLOCK;
        first = TestService.startReady(database, clock);
        second = TestService.startReady(database, clock);
        instances = new Http[] {new Http(first.port()), new Http(second.port())};
        instances[0].put("/api/courses/pine-valley", TestApi.PINE_VALLEY, TestApi.admin());
        db = new Db(database);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    static String booking(String start, int players, int client) {
        return "{\"start\": \"" + start + "\", \"players\": " + players + ", \"name\": \"Racer " + client + "\"}";
    }

    @Test
    void two_hundred_one_player_bookings_on_a_four_player_tee_time_book_exactly_four() throws Exception {
        String start = "2026-12-05T10:00:00-05:00";
        List<Http.Answer> answers = race(200, i -> instances[i % 2].post("/api/courses/pine-valley/bookings",
                booking(start, 1, i)));

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(4);
        assertThat(answers.stream().filter(a -> a.status() == 409
                && a.body().contains("https://fairway.dev/problems/full"))).hasSize(196);
        assertThat(db.count("select count(*) from booking where starts_at = ?::timestamptz and status = 'confirmed'",
                start)).isEqualTo(4);
        assertThat(db.count("select booked from tee_time where starts_at = ?::timestamptz", start)).isEqualTo(4);
    }

    @Test
    void mixed_party_sizes_and_concurrent_cancellations_never_overbook_and_keep_the_count_exact() throws Exception {
        String[] starts = {"2026-12-05T10:10:00-05:00", "2026-12-05T10:20:00-05:00", "2026-12-05T10:30:00-05:00"};
        ConcurrentLinkedQueue<String> booked = new ConcurrentLinkedQueue<>();
        Random random = new Random(11);
        int[] sizes = random.ints(300, 1, 5).toArray();
        java.util.function.IntFunction<Http.Answer> book = i -> {
            Http.Answer answer = instances[i % 2].post("/api/courses/pine-valley/bookings", booking(starts[i % 3], sizes[i], i));
            if (answer.status() == 201) {
                booked.add(answer.json().path("id").asText());
            }
            return answer;
        };
        race(60, book);
        assertThat(booked).as("the first round booked some").isNotEmpty();
        // Second round: the first round's bookings are cancelled while new ones race for the freed spots.
        race(240, i -> {
            String id = i % 2 == 0 ? booked.poll() : null;
            return id != null ? instances[i % 2].delete("/api/bookings/" + id) : book.apply(60 + i);
        });

        for (String start : starts) {
            long confirmed = db.count("select coalesce(sum(players), 0) from booking where starts_at = ?::timestamptz "
                    + "and status = 'confirmed'", start);
            List<Map<String, Object>> row = db.rows("select booked, capacity from tee_time where starts_at = ?::timestamptz", start);
            assertThat(confirmed).as("players on %s", start).isLessThanOrEqualTo(4);
            assertThat(((Number) row.getFirst().get("booked")).longValue()).as("count row of %s", start).isEqualTo(confirmed);
        }
        assertThat(db.count("select count(*) from booking where status = 'cancelled' and starts_at = any(?::timestamptz[])",
                "{" + String.join(",", starts) + "}")).as("some cancellations ran").isPositive();
    }

    private static List<Http.Answer> race(int clients, java.util.function.IntFunction<Http.Answer> request) throws Exception {
        List<Http.Answer> answers = Race.of(clients, request);
        assertThat(answers).extracting(Http.Answer::status).as("no 5xx").allMatch(s -> s < 500);
        return answers;
    }
}
