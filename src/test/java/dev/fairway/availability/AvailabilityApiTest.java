package dev.fairway.availability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Availability against the contract's example course, with "now" fixed at Tuesday 2026-12-01 09:00 New York. */
class AvailabilityApiTest {

    static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.startWithPineValley();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void answers_the_contracts_shape_for_a_saturday() {
        JsonNode answer = get("/api/courses/pine-valley/availability?from=2026-12-05&players=2").json();

        assertThat(answer.path("courseId").asText()).isEqualTo("pine-valley");
        assertThat(answer.path("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(answer.path("currency").asText()).isEqualTo("USD");
        assertThat(answer.path("from").asText()).isEqualTo("2026-12-05");
        assertThat(answer.path("to").asText()).isEqualTo("2026-12-05");
        assertThat(answer.path("players").asInt()).isEqualTo(2);
        assertThat(answer.path("stale").asBoolean()).isFalse();
        // An instant of the answer like the others: in the course's zone, not UTC.
        assertThat(answer.path("asOf").asText()).isEqualTo("2026-12-01T09:00:00-05:00");
        JsonNode day = answer.path("days").get(0);
        assertThat(day.path("date").asText()).isEqualTo("2026-12-05");
        JsonNode teeTimes = day.path("teeTimes");
        assertThat(teeTimes).hasSize(28 + 28); // 06:30..11:00 and 12:00..16:30, every 10 minutes
        assertThat(teeTimes.get(0)).isEqualTo(TestApi.object("""
                {"start":"2026-12-05T06:30:00-05:00","booked":0,"available":4,"status":"open",
                 "rate":{"name":"Standard","pricePerPlayer":"60.00"},"tee":"1","holes":18,"held":0}"""));
        assertThat(starts(teeTimes)).contains("2026-12-05T11:00:00-05:00", "2026-12-05T12:00:00-05:00")
                .doesNotContain("2026-12-05T11:10:00-05:00", "2026-12-05T11:50:00-05:00");
        assertThat(teeTimes.get(teeTimes.size() - 1).path("rate")).isEqualTo(TestApi.object(
                "{\"name\":\"Twilight\",\"pricePerPlayer\":\"35.00\"}"));
    }

    @Test
    void defaults_to_today_in_the_courses_zone_for_one_player() {
        JsonNode answer = get("/api/courses/pine-valley/availability").json();

        assertThat(answer.path("from").asText()).isEqualTo("2026-12-01");
        assertThat(answer.path("to").asText()).isEqualTo("2026-12-01");
        assertThat(answer.path("players").asInt()).isEqualTo(1);
        assertThat(answer.path("days").get(0).path("teeTimes")).as("a Tuesday: closed").isEmpty();
    }

    @Test
    void lists_every_date_of_the_range_in_order_with_overrides_and_closed_days() {
        JsonNode days = get("/api/courses/pine-valley/availability?from=2026-12-21&to=2027-01-21").json().path("days");

        assertThat(days).hasSize(32);
        assertThat(days.get(0).path("date").asText()).isEqualTo("2026-12-21");
        assertThat(days.get(31).path("date").asText()).isEqualTo("2027-01-21");
        assertThat(days.get(0).path("teeTimes")).hasSize(61); // Monday 07:00..17:00
        assertThat(days.get(3).path("date").asText()).isEqualTo("2026-12-24");
        assertThat(starts(days.get(3).path("teeTimes"))).containsExactly("2026-12-24T08:00:00-05:00",
                "2026-12-24T08:12:00-05:00", "2026-12-24T08:24:00-05:00", "2026-12-24T08:36:00-05:00",
                "2026-12-24T08:48:00-05:00", "2026-12-24T09:00:00-05:00", "2026-12-24T09:12:00-05:00",
                "2026-12-24T09:24:00-05:00", "2026-12-24T09:36:00-05:00", "2026-12-24T09:48:00-05:00",
                "2026-12-24T10:00:00-05:00", "2026-12-24T10:12:00-05:00", "2026-12-24T10:24:00-05:00",
                "2026-12-24T10:36:00-05:00", "2026-12-24T10:48:00-05:00", "2026-12-24T11:00:00-05:00",
                "2026-12-24T11:12:00-05:00", "2026-12-24T11:24:00-05:00", "2026-12-24T11:36:00-05:00",
                "2026-12-24T11:48:00-05:00", "2026-12-24T12:00:00-05:00");
        assertThat(days.get(4).path("teeTimes")).as("Christmas: closed by override").isEmpty();
    }

    @Test
    void counts_booked_players_and_marks_full_blocked_and_unavailable() {
        api.db.execute("insert into tee_time (course_id, starts_at, capacity, booked) values "
                + "('pine-valley', '2026-12-05T07:00:00-05:00', 4, 3), ('pine-valley', '2026-12-05T07:10:00-05:00', 4, 4)");
        api.http.post("/api/courses/pine-valley/blocks",
                "{\"start\": \"2026-12-05T08:00:00-05:00\", \"end\": \"2026-12-05T08:30:00-05:00\"}", TestApi.admin());

        JsonNode teeTimes = get("/api/courses/pine-valley/availability?from=2026-12-05&to=2026-12-19&players=2")
                .json().path("days").get(0).path("teeTimes");

        assertThat(teeTime(teeTimes, "2026-12-05T07:00:00-05:00")).isEqualTo(TestApi.object("""
                {"start":"2026-12-05T07:00:00-05:00","booked":3,"available":1,"status":"full",
                 "rate":{"name":"Standard","pricePerPlayer":"60.00"},"tee":"1","holes":18,"held":0}"""));
        assertThat(teeTime(teeTimes, "2026-12-05T07:10:00-05:00").path("available").asInt()).isZero();
        assertThat(teeTime(teeTimes, "2026-12-05T08:00:00-05:00").path("status").asText()).isEqualTo("blocked");
        assertThat(teeTime(teeTimes, "2026-12-05T08:20:00-05:00").path("status").asText()).isEqualTo("blocked");
        assertThat(teeTime(teeTimes, "2026-12-05T08:30:00-05:00").path("status").asText()).isEqualTo("open");

        JsonNode beyondWindow = get("/api/courses/pine-valley/availability?from=2026-12-19&players=2")
                .json().path("days").get(0).path("teeTimes");
        assertThat(beyondWindow.findValuesAsText("status")).as("15 days after today, window 14").containsOnly("unavailable");
        assertThat(beyondWindow.findValuesAsText("releasesAt")).as("Part 2: opens at midnight, 14 days before")
                .containsOnly("2026-12-05T00:00:00-05:00");
        assertThat(teeTimes.findValues("releasesAt")).as("released tee times have none").isEmpty();
        assertThat(teeTimes.findValues("minPlayers")).as("a course without minPlayers rules reads as before").isEmpty();
    }

    @Test
    void refuses_bad_parameters_with_a_400_naming_them() {
        String[][] cases = {
                {"from=2026-13-01", "from"}, {"from=tomorrow", "from"}, {"to=2026-12-32", "to"},
                {"from=2026-12-05&to=2026-12-04", "to"}, {"from=2026-12-01&to=2027-01-02", "to"},
                {"players=0", "players"}, {"players=5", "players"}, {"players=two", "players"},
                {"players=-1", "players"}, {"players=99999999999999999999", "players"}, {"players=1.5", "players"},
        };
        for (String[] c : cases) {
            Http.Answer answer = get("/api/courses/pine-valley/availability?" + c[0]);
            assertThat(answer.status()).as(c[0]).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("detail").asText()).as(c[0]).startsWith(c[1] + " ");
        }
        assertThat(get("/api/courses/pine-valley/availability?from=2026-12-01&to=2027-01-01").status()).isEqualTo(200);
        assertThat(get("/api/courses/pine-valley/availability?players=4").status()).isEqualTo(200);
    }

    @Test
    void answers_404_for_an_unknown_course() {
        Http.Answer answer = get("/api/courses/nowhere/availability");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("type").asText()).isEqualTo("https://fairway.dev/problems/not-found");
    }

    private static Http.Answer get(String path) {
        return api.http.get(path);
    }

    private static List<String> starts(JsonNode teeTimes) {
        List<String> starts = new ArrayList<>();
        teeTimes.forEach(t -> starts.add(t.path("start").asText()));
        return starts;
    }

    private static JsonNode teeTime(JsonNode teeTimes, String start) {
        for (JsonNode teeTime : teeTimes) {
            if (teeTime.path("start").asText().equals(start)) {
                return teeTime;
            }
        }
        throw new AssertionError("no tee time at " + start);
    }
}
