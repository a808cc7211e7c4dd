package dev.fairway.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a client of Parts 1 and 2 does with a course that sets none of Part 3's fields, request by
 * request, and the answers it gets: run on the build before Part 3 to store them
 * ({@link GoldenAnswers}), and on every build since to compare ({@code OldCourseAnswersTest}).
 * Each answer is kept as {status, body}.
 */
public final class OldCourseScenario {

    private OldCourseScenario() {
    }

    public static Map<String, JsonNode> run(TestApi api) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        ObjectNode course = TestApi.pineValley();
        course.set("bookingClasses", TestApi.object("{\"list\": [{\"name\": \"member\", \"bookingWindowDays\": 10, "
                + "\"releaseTime\": \"07:00\", \"maxOpenBookings\": 2}, {\"name\": \"public\", \"bookingWindowDays\": 7, "
                + "\"releaseTime\": \"19:00\", \"maxBookingsPerDay\": 1}]}").get("list"));
        course.set("minPlayers", TestApi.object("{\"list\": [{\"days\": [\"SATURDAY\"], \"from\": \"06:00\", \"until\": \"08:00\", "
                + "\"players\": 2}]}").get("list"));
        put(answers, "course put", api.putCourse("old", course));
        put(answers, "course get", api.http.get("/api/courses/old"));
        put(answers, "courses list", api.http.get("/api/courses"));
        put(answers, "availability 1 day", api.http.get("/api/courses/old/availability?from=2026-12-05&players=2"));
        put(answers, "availability 3 days", api.http.get("/api/courses/old/availability?from=2026-12-05&to=2026-12-07"));
        put(answers, "availability admin class", api.http.get(
                "/api/courses/old/availability?from=2026-12-05&bookingClass=member", TestApi.admin()));
        Http.Answer booked = book(api, "2026-12-05T08:30:00-05:00", 3, "Ann Smith", "ann@example.com", "k-1");
        put(answers, "booking created", booked);
        put(answers, "booking replayed", book(api, "2026-12-05T08:30:00-05:00", 3, "Ann Smith", "ann@example.com", "k-1"));
        put(answers, "booking full", book(api, "2026-12-05T08:30:00-05:00", 2, "Bob", "bob@example.com", null));
        put(answers, "booking limit", book(api, "2026-12-05T09:30:00-05:00", 1, "Ann Smith", "ann@example.com", null));
        put(answers, "booking too few players", book(api, "2026-12-05T07:10:00-05:00", 1, "Cy", "cy@example.com", null));
        put(answers, "booking not a tee time", book(api, "2026-12-05T08:31:00-05:00", 1, "Cy", "cy@example.com", null));
        put(answers, "booking outside window", book(api, "2026-12-19T08:30:00-05:00", 1, "Cy", "cy@example.com", null));
        put(answers, "booking staff", api.http.post("/api/courses/old/bookings", Http.json(Map.of(
                "start", "2026-12-05T10:00:00-05:00", "players", 1, "name", "Phone In")), "Content-Type", "application/json",
                TestApi.admin()[0], TestApi.admin()[1]));
        String id = booked.json().path("id").asText();
        put(answers, "booking get", api.http.get("/api/bookings/" + id));
        put(answers, "availability after", api.http.get("/api/courses/old/availability?from=2026-12-05&players=1"));
        Http.Answer block = api.http.post("/api/courses/old/blocks", "{\"start\": \"2026-12-05T09:00:00-05:00\", "
                + "\"end\": \"2026-12-05T09:30:00-05:00\", \"reason\": \"Frost\"}", TestApi.admin());
        put(answers, "block created", block);
        put(answers, "booking blocked", book(api, "2026-12-05T09:10:00-05:00", 1, "Dee", "dee@example.com", null));
        put(answers, "day bookings", api.http.get("/api/courses/old/bookings?date=2026-12-05", TestApi.admin()));
        put(answers, "booking cancelled", api.http.delete("/api/bookings/" + id, TestApi.admin()));
        put(answers, "booking get cancelled", api.http.get("/api/bookings/" + id));
        put(answers, "availability cancelled", api.http.get("/api/courses/old/availability?from=2026-12-05&players=4"));
        return answers;
    }

    private static Http.Answer book(TestApi api, String start, int players, String name, String email, String key) {
        String body = Http.json(Map.of("start", start, "players", players, "name", name, "email", email));
        return key == null
                ? api.http.post("/api/courses/old/bookings", body, "Content-Type", "application/json")
                : api.http.post("/api/courses/old/bookings", body, "Content-Type", "application/json", "Idempotency-Key", key);
    }

    private static void put(Map<String, JsonNode> answers, String name, Http.Answer answer) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        kept.put("status", answer.status());
        kept.set("body", answer.body().isEmpty() ? JsonNodeFactory.instance.nullNode() : answer.json());
        answers.put(name, kept);
    }
}
