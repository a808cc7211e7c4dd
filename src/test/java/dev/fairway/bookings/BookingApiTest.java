package dev.fairway.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bookings on the contract's example course, "now" fixed at Tuesday 2026-12-01 09:00 in New York. */
class BookingApiTest {

    static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.startWithPineValley();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static Http.Answer book(String start, int players, String... headers) {
        return api.http.post("/api/courses/pine-valley/bookings",
                "{\"start\": \"" + start + "\", \"players\": " + players + ", \"name\": \"Ann Smith\", "
                        + "\"email\": \"ann@example.com\"}", headers);
    }

    @Test
    void answers_are_dated_by_the_service_clock_which_decides_release_times() {
        assertThat(api.http.get("/api/courses").header("Date")).isEqualTo("Tue, 1 Dec 2026 14:00:00 GMT");
    }

    @Test
    void books_a_tee_time_then_finds_and_cancels_it_and_the_spots_come_back() {
        Http.Answer booked = book("2026-12-05T12:10:00Z", 2); // 07:10 in New York, in another offset

        assertThat(booked.status()).isEqualTo(201);
        JsonNode booking = booked.json();
        String id = booking.path("id").asText();
        assertThat(id).matches("[A-Za-z0-9_-]{24}");
        assertThat(booked.header("Location")).isEqualTo("/api/bookings/" + id);
        assertThat(booking.path("courseId").asText()).isEqualTo("pine-valley");
        assertThat(booking.path("start").asText()).isEqualTo("2026-12-05T07:10:00-05:00");
        assertThat(booking.path("players").asInt()).isEqualTo(2);
        assertThat(booking.path("name").asText()).isEqualTo("Ann Smith");
        assertThat(booking.path("email").asText()).isEqualTo("ann@example.com");
        assertThat(booking.path("status").asText()).isEqualTo("confirmed");
        assertThat(booking.path("createdAt").asText()).isEqualTo("2026-12-01T09:00:00-05:00");
        assertThat(api.http.get("/api/bookings/" + id).json()).isEqualTo(booking);
        assertThat(spots("2026-12-05T07:10:00-05:00")).isEqualTo(2);

        assertThat(api.http.delete("/api/bookings/" + id).status()).isEqualTo(204);
        assertThat(api.http.delete("/api/bookings/" + id).status()).as("again").isEqualTo(204);
        assertThat(api.http.get("/api/bookings/" + id).json().path("status").asText()).isEqualTo("cancelled");
        assertThat(spots("2026-12-05T07:10:00-05:00")).isEqualTo(4);
        assertThat(api.db.count("select booked from tee_time where course_id = 'pine-valley' "
                + "and starts_at = '2026-12-05T07:10:00-05:00'")).isZero();
    }

    @Test
    void refuses_more_players_than_are_left_saying_how_many_are() {
        assertThat(book("2026-12-05T07:20:00-05:00", 3).status()).isEqualTo(201);

        Http.Answer full = book("2026-12-05T07:20:00-05:00", 2);

        assertThat(full.status()).isEqualTo(409);
        assertThat(full.contentType()).startsWith("application/problem+json");
        assertThat(full.json().path("type").asText()).isEqualTo("https://fairway.dev/problems/full");
        assertThat(full.json().path("detail").asText()).contains("only 1 spot is left");
        assertThat(book("2026-12-05T07:20:00-05:00", 1).status()).isEqualTo(201);
        assertThat(book("2026-12-05T07:20:00-05:00", 1).json().path("detail").asText()).contains("full");
    }

    @Test
    void refuses_blocked_too_soon_and_too_far_ahead_tee_times_each_with_its_own_slug() {
        api.http.post("/api/courses/pine-valley/blocks",
                "{\"start\": \"2026-12-05T09:00:00-05:00\", \"end\": \"2026-12-05T10:00:00-05:00\"}", TestApi.admin());
        api.db.execute("insert into course (id, name, time_zone, tee_time_interval_minutes, max_players_per_tee_time, "
                + "min_notice_minutes, weekly_hours) values ('open-today', 'Open', 'America/New_York', 30, 4, 60, "
                + "'{\"TUESDAY\": [{\"firstTeeTime\": \"07:00\", \"lastTeeTime\": \"18:00\"}]}')");

        assertThat(slug(book("2026-12-05T09:50:00-05:00", 1))).isEqualTo("blocked");
        assertThat(book("2026-12-05T10:00:00-05:00", 1).status()).as("the block's end is excluded").isEqualTo(201);
        assertThat(slug(book("2026-12-19T07:00:00-05:00", 1))).isEqualTo("outside-booking-window");
        assertThat(slug(api.http.post("/api/courses/open-today/bookings",
                "{\"start\": \"2026-12-01T09:30:00-05:00\", \"players\": 1, \"name\": \"Bo\"}")))
                .isEqualTo("too-soon");
        assertThat(api.http.post("/api/courses/open-today/bookings",
                "{\"start\": \"2026-12-01T10:00:00-05:00\", \"players\": 1, \"name\": \"Bo\"}").status()).isEqualTo(201);
    }

    @Test
    void refuses_a_start_that_is_no_tee_time_of_the_grid() {
        for (String start : new String[] {"2026-12-05T07:05:00-05:00", "2026-12-05T07:10:30-05:00",
                "2026-12-08T07:10:00-05:00", "2026-12-05T11:30:00-05:00", "2026-12-25T08:00:00-05:00"}) {
            Http.Answer answer = book(start, 1);
            assertThat(answer.status()).as(start).isEqualTo(422);
            assertThat(slug(answer)).isEqualTo("not-a-tee-time");
        }
    }

    @Test
    void refuses_each_invalid_field_with_a_400_naming_it() {
        String[][] cases = {
                {"{\"players\": 1, \"name\": \"A\"}", "start"},
                {"{\"start\": \"2026-12-05T07:30\", \"players\": 1, \"name\": \"A\"}", "start"},
                {"{\"start\": 1733400000, \"players\": 1, \"name\": \"A\"}", "start"},
                {"{\"start\": \"2026-12-05T07:30:00-05:00\", \"name\": \"A\"}", "players"},
                {"{\"start\": \"2026-12-05T07:30:00-05:00\", \"players\": 0, \"name\": \"A\"}", "players"},
                {"{\"start\": \"2026-12-05T07:30:00-05:00\", \"players\": 5, \"name\": \"A\"}", "players"},
                {"{\"start\": \"2026-12-05T07:30:00-05:00\", \"players\": \"2\", \"name\": \"A\"}", "players"},
                {"{\"start\": \"2026-12-05T07:30:00-05:00\", \"players\": 1}", "name"},
                {"{\"start\": \"2026-12-05T07:30:00-05:00\", \"players\": 1, \"name\": \"\"}", "name"},
                {"{\"start\": \"2026-12-05T07:30:00-05:00\", \"players\": 1, \"name\": \"   \"}", "name"},
                {"{\"start\": \"2026-12-05T07:30:00-05:00\", \"players\": 1, \"name\": \"" + "n".repeat(101) + "\"}", "name"},
                {"{\"start\": \"2026-12-05T07:30:00-05:00\", \"players\": 1, \"name\": \"A\", \"email\": \"ann.example.com\"}", "email"},
                {"{\"start\": \"2026-12-05T07:30:00-05:00\", \"players\": 1, \"name\": \"A\", \"email\": \"ab@" + LONG_DOMAIN + "\"}", "email"},
                {"{\"start\": \"2026-12-05T07:30:00-05:00\", \"players\": 1, \"name\": \"A\", \"email\": 7}", "email"},
        };
        for (String[] c : cases) {
            Http.Answer answer = api.http.post("/api/courses/pine-valley/bookings", c[0]);
            assertThat(answer.status()).as(c[0]).isEqualTo(400);
            assertThat(answer.json().path("detail").asText()).as(c[0]).startsWith(c[1] + " ");
        }
        assertThat(book("2026-12-05T07:30:00-05:00", 1, "Idempotency-Key", "k".repeat(256)).status()).isEqualTo(400);
        assertThat(book("2026-12-05T07:30:00-05:00", 1, "Idempotency-Key", "").status()).isEqualTo(400);
        assertThat(api.db.count("select count(*) from booking where starts_at = '2026-12-05T07:30:00-05:00'")).isZero();
        assertThat(api.http.post("/api/courses/pine-valley/bookings", "{\"start\": \"2026-12-05T07:30:00-05:00\", "
                + "\"players\": 1, \"name\": \"A\", \"email\": \"a@" + LONG_DOMAIN + "\"}").status()).isEqualTo(201);
    }

    /** A host name of 252 characters (labels of at most 63): with "a@" the longest address there is. */
    private static final String LONG_DOMAIN = ("e".repeat(63) + ".").repeat(3) + "e".repeat(60);

    @Test
    void answers_404_for_an_unknown_course_or_booking() {
        assertThat(api.http.post("/api/courses/nowhere/bookings",
                "{\"start\": \"2026-12-05T07:30:00-05:00\", \"players\": 1, \"name\": \"A\"}").status()).isEqualTo(404);
        assertThat(api.http.get("/api/bookings/AAAAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(404);
        assertThat(api.http.get("/api/bookings/x").status()).isEqualTo(404);
        assertThat(api.http.delete("/api/bookings/AAAAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(404);
    }

    @Test
    void refuses_a_cancel_inside_the_cutoff_unless_the_admin_asks() {
        api.db.execute("insert into course (id, name, time_zone, tee_time_interval_minutes, max_players_per_tee_time, "
                + "cancellation_cutoff_minutes, weekly_hours) values ('strict', 'Strict', 'America/New_York', 30, 4, 120, "
                + "'{\"TUESDAY\": [{\"firstTeeTime\": \"07:00\", \"lastTeeTime\": \"18:00\"}]}')");
        String soon = api.http.post("/api/courses/strict/bookings",
                "{\"start\": \"2026-12-01T10:30:00-05:00\", \"players\": 1, \"name\": \"Bo\"}").json().path("id").asText();
        String later = api.http.post("/api/courses/strict/bookings",
                "{\"start\": \"2026-12-01T11:00:00-05:00\", \"players\": 1, \"name\": \"Bo\"}").json().path("id").asText();

        Http.Answer refused = api.http.delete("/api/bookings/" + soon);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(slug(refused)).isEqualTo("cancellation-cutoff");
        assertThat(api.http.delete("/api/bookings/" + soon, "Authorization", "Bearer wrong").status()).isEqualTo(401);
        assertThat(api.http.get("/api/bookings/" + soon).json().path("status").asText()).isEqualTo("confirmed");
        assertThat(api.http.delete("/api/bookings/" + soon, TestApi.admin()).status()).isEqualTo(204);
        assertThat(api.http.delete("/api/bookings/" + later).status()).as("exactly 120 minutes ahead").isEqualTo(204);
    }

    @Test
    void lists_a_days_bookings_for_the_admin() {
        String id = book("2026-12-05T15:00:00-05:00", 1).json().path("id").asText();
        book("2026-12-06T07:00:00-05:00", 1); // Sunday: closed, not a tee time

        Http.Answer day = api.http.get("/api/courses/pine-valley/bookings?date=2026-12-05", TestApi.admin());

        assertThat(day.status()).isEqualTo(200);
        assertThat(day.json().findValuesAsText("id")).contains(id);
        assertThat(day.json().findValuesAsText("start")).allMatch(s -> s.startsWith("2026-12-05T"));
        assertThat(api.http.get("/api/courses/pine-valley/bookings?date=2026-12-05").status()).isEqualTo(401);
        assertThat(api.http.get("/api/courses/pine-valley/bookings?date=12/05/2026", TestApi.admin()).status()).isEqualTo(400);
        assertThat(api.http.get("/api/courses/pine-valley/bookings", TestApi.admin()).status()).isEqualTo(400);
        assertThat(api.http.get("/api/courses/nowhere/bookings?date=2026-12-05", TestApi.admin()).status()).isEqualTo(404);
    }

    private static int spots(String start) {
        JsonNode teeTimes = api.http.get("/api/courses/pine-valley/availability?from=" + start.substring(0, 10))
                .json().path("days").get(0).path("teeTimes");
        for (JsonNode teeTime : teeTimes) {
            if (teeTime.path("start").asText().equals(start)) {
                return teeTime.path("available").asInt();
            }
        }
        throw new AssertionError("no tee time " + start);
    }

    static String slug(Http.Answer answer) {
        return answer.json().path("type").asText().replace("https://fairway.dev/problems/", "");
    }
}
