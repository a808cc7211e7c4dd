package dev.fairway.golfers;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One golfer, two instances, thirty bookings at once: the database holds the limits. */
class GolferLimitRaceTest {

    static final int RACERS = 30;
    static DatabaseUrl database;
    static Service first;
    static Service second;
    static Http[] instances;
    static TestApi signIns;

    @BeforeAll
    static void start() {
        database = TestPostgres.newDatabase();
        Clock clock = TestApi.EXAMPLE_CLOCK;
        first = TestService.startReady(database, clock);
        second = TestService.startReady(database, clock);
        instances = new Http[] {new Http(first.port()), new Http(second.port())};
        String week = String.join(", ", java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(day -> "\"" + day + "\": [{\"firstTeeTime\": \"06:00\", \"lastTeeTime\": \"18:00\"}]").toList());
        for (String[] course : new String[][] {{"per-day", "\"maxBookingsPerDay\": 1"}, {"open", "\"maxOpenBookings\": 1"}}) {
            Http.Answer put = instances[0].put("/api/courses/" + course[0], """
                    {"name": "Limits", "timeZone": "America/New_York", "teeTimeIntervalMinutes": 10,
                     "maxPlayersPerTeeTime": 4, "weeklyHours": {%s},
                     "bookingClasses": [{"name": "public", "bookingWindowDays": 14, %s}]}
                    """.formatted(week, course[1]), TestApi.admin());
            assertThat(put.status()).as(put.body()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    /** Signs a golfer in on the first instance, reading the code from the waiting email's row. */
    static String signIn(String email) {
        assertThat(instances[0].post("/api/sign-in", "{\"email\": \"" + email + "\"}").status()).isEqualTo(202);
        String text = new Db(database).strings("select body_text from email where recipient = ?", email).getFirst();
        Matcher code = Pattern.compile("\\n([0-9]{6})\\n").matcher(text);
        assertThat(code.find()).isTrue();
        Http.Answer verified = instances[1].post("/api/sign-in/verify",
                "{\"email\": \"" + email + "\", \"code\": \"" + code.group(1) + "\"}");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        return verified.json().path("token").asText();
    }

    static Map<Integer, Integer> race(IntFunction<Http.Answer> request) throws Exception {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (Http.Answer done : Race.of(RACERS, request)) {
            byStatus.merge(done.status(), 1, Integer::sum);
            if (done.status() == 409) {
                assertThat(done.json().path("type").asText()).isEqualTo("https://fairway.dev/problems/limit-reached");
            }
        }
        return byStatus;
    }

    /** Every third racer sends an Idempotency-Key, as the page does: both paths must hold the limit. */
    static Http.Answer book(String course, String start, String token, int racer) {
        String[] headers = racer % 3 == 0
                ? new String[] {"Authorization", "Bearer " + token, "Idempotency-Key", "key-" + course + "-" + racer}
                : new String[] {"Authorization", "Bearer " + token};
        return instances[racer % 2].post("/api/courses/" + course + "/bookings",
                "{\"start\": \"" + start + "\", \"players\": 1}", headers);
    }

    @Test
    void thirty_bookings_of_one_day_by_one_golfer_on_two_instances_book_exactly_one() throws Exception {
        String token = signIn("racer@example.com");

        Map<Integer, Integer> byStatus = race(racer -> book("per-day",
                String.format("2026-12-05T%02d:%02d:00-05:00", 7 + racer / 6, racer % 6 * 10), token, racer));

        assertThat(byStatus).isEqualTo(Map.of(201, 1, 409, RACERS - 1));
    }

    @Test
    void thirty_bookings_on_thirty_days_with_one_open_booking_allowed_book_exactly_one() throws Exception {
        String token = signIn("hoarder@example.com");

        Map<Integer, Integer> byStatus = race(racer -> book("open",
                java.time.LocalDate.parse("2026-12-02").plusDays(racer % 14) + "T" + String.format("%02d:00:00-05:00",
                        7 + racer / 14), token, racer));

        assertThat(byStatus).isEqualTo(Map.of(201, 1, 409, RACERS - 1));
    }
}
