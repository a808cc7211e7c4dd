package dev.fairway.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CourseApiTest {

    static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void creates_a_course_then_replaces_it_and_returns_what_it_stored() {
        Http.Answer created = api.putCourse("created-course", TestApi.pineValley());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/courses/created-course");
        assertThat(created.json().path("id").asText()).isEqualTo("created-course");

        ObjectNode renamed = TestApi.pineValley().put("name", "Pine Valley East");
        Http.Answer replaced = api.putCourse("created-course", renamed);
        assertThat(replaced.status()).isEqualTo(200);

        JsonNode stored = api.http.get("/api/courses/created-course").json();
        assertThat(stored.path("name").asText()).isEqualTo("Pine Valley East");
        ObjectNode expected = TestApi.pineValley().put("name", "Pine Valley East").put("id", "created-course");
        // The stored course is the request, with its days in weekday order and overrides by date.
        assertThat(stored).isEqualTo(TestApi.object("""
                {"id":"created-course","name":"Pine Valley East","timeZone":"America/New_York",
                 "teeTimeIntervalMinutes":10,"maxPlayersPerTeeTime":4,"bookingWindowDays":14,"minNoticeMinutes":30,
                 "cancellationCutoffMinutes":120,"currency":"USD",
                 "weeklyHours":{"MONDAY":[{"firstTeeTime":"07:00","lastTeeTime":"17:00"}],
                   "SATURDAY":[{"firstTeeTime":"06:30","lastTeeTime":"11:00"},{"firstTeeTime":"12:00","lastTeeTime":"16:30"}]},
                 "dateOverrides":[{"date":"2026-12-24","hours":[{"firstTeeTime":"08:00","lastTeeTime":"12:00"}],
                   "teeTimeIntervalMinutes":12},{"date":"2026-12-25","hours":[]}],
                 "rates":[{"name":"Twilight","days":["SATURDAY","SUNDAY"],"from":"14:00","until":"23:59","pricePerPlayer":"35.00"},
                   {"name":"Standard","from":"00:00","until":"23:59","pricePerPlayer":"60.00"}]}
                """));
        assertThat(expected.path("name")).isEqualTo(stored.path("name"));
    }

    @Test
    void fills_in_the_defaults() {
        JsonNode stored = api.putCourse("minimal", TestApi.object("""
                {"name": "Minimal", "timeZone": "Europe/London", "teeTimeIntervalMinutes": 9,
                 "maxPlayersPerTeeTime": 2, "weeklyHours": {}}
                """)).json();

        assertThat(stored.path("bookingWindowDays").asInt()).isEqualTo(14);
        assertThat(stored.path("minNoticeMinutes").asInt()).isZero();
        assertThat(stored.path("cancellationCutoffMinutes").asInt()).isZero();
        assertThat(stored.path("currency").asText()).isEqualTo("USD");
        assertThat(stored.path("dateOverrides")).isEmpty();
        assertThat(stored.path("rates")).isEmpty();
    }

    @Test
    void lists_courses_publicly_by_id() {
        api.putCourse("list-b", TestApi.pineValley().put("name", "B"));
        api.putCourse("list-a", TestApi.pineValley().put("name", "A").put("timeZone", "Asia/Kathmandu"));

        JsonNode list = api.http.get("/api/courses").json();

        assertThat(list.findValuesAsText("id")).containsSubsequence("list-a", "list-b");
        JsonNode a = list.get(list.findValuesAsText("id").indexOf("list-a"));
        assertThat(a).isEqualTo(TestApi.object("{\"id\":\"list-a\",\"name\":\"A\",\"timeZone\":\"Asia/Kathmandu\"}"));
    }

    @Test
    void refuses_a_put_without_the_admin_token() {
        Http.Answer none = api.http.put("/api/courses/no-token", TestApi.PINE_VALLEY);
        Http.Answer wrong = api.http.put("/api/courses/no-token", TestApi.PINE_VALLEY, "Authorization", "Bearer nope");
        Http.Answer basic = api.http.put("/api/courses/no-token", TestApi.PINE_VALLEY, "Authorization", "Basic abc");

        for (Http.Answer answer : new Http.Answer[] {none, wrong, basic}) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(none.json().path("type").asText()).isEqualTo("https://fairway.dev/problems/unauthorized");
        assertThat(basic.json().path("type").asText()).isEqualTo("https://fairway.dev/problems/unauthorized");
        // Part 2: a bearer token that is neither the admin's nor a live golfer's is invalid-token everywhere.
        assertThat(wrong.json().path("type").asText()).isEqualTo("https://fairway.dev/problems/invalid-token");
        assertThat(api.http.get("/api/courses/no-token").status()).isEqualTo(404);
    }

    @Test
    void answers_404_for_an_unknown_course() {
        Http.Answer answer = api.http.get("/api/courses/no-such-course");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("type").asText()).isEqualTo("https://fairway.dev/problems/not-found");
        assertThat(api.http.get("/api/courses/Not_A_Valid_Id").status()).isEqualTo(404);
    }

    static Stream<Arguments> invalidCourses() {
        return Stream.of(
                invalid("name", c -> c.remove("name")),
                invalid("name", c -> c.put("name", "")),
                invalid("name", c -> c.put("name", "x".repeat(101))),
                invalid("name", c -> c.put("name", 42)),
                invalid("timeZone", c -> c.remove("timeZone")),
                invalid("timeZone", c -> c.put("timeZone", "Mars/Olympus_Mons")),
                invalid("timeZone", c -> c.put("timeZone", "+05:00")),
                invalid("teeTimeIntervalMinutes", c -> c.remove("teeTimeIntervalMinutes")),
                invalid("teeTimeIntervalMinutes", c -> c.put("teeTimeIntervalMinutes", 0)),
                invalid("teeTimeIntervalMinutes", c -> c.put("teeTimeIntervalMinutes", 241)),
                invalid("teeTimeIntervalMinutes", c -> c.put("teeTimeIntervalMinutes", 7.5)),
                invalid("teeTimeIntervalMinutes", c -> c.put("teeTimeIntervalMinutes", "10")),
                invalid("maxPlayersPerTeeTime", c -> c.remove("maxPlayersPerTeeTime")),
                invalid("maxPlayersPerTeeTime", c -> c.put("maxPlayersPerTeeTime", 0)),
                invalid("maxPlayersPerTeeTime", c -> c.put("maxPlayersPerTeeTime", 101)),
                invalid("bookingWindowDays", c -> c.put("bookingWindowDays", -1)),
                invalid("bookingWindowDays", c -> c.put("bookingWindowDays", 731)),
                invalid("minNoticeMinutes", c -> c.put("minNoticeMinutes", 10081)),
                invalid("cancellationCutoffMinutes", c -> c.put("cancellationCutoffMinutes", -5)),
                invalid("currency", c -> c.put("currency", "usd")),
                invalid("currency", c -> c.put("currency", "ZZZ")),
                invalid("currency", c -> c.put("currency", "EURO")),
                invalid("weeklyHours", c -> c.remove("weeklyHours")),
                invalid("weeklyHours", c -> c.put("weeklyHours", "always")),
                invalid("weeklyHours.MON", c -> c.with("weeklyHours").putArray("MON")),
                invalid("weeklyHours.MONDAY", c -> c.with("weeklyHours").put("MONDAY", "07:00")),
                invalid("weeklyHours.MONDAY[0].firstTeeTime", c -> ((ObjectNode) c.with("weeklyHours").withArray("MONDAY").get(0))
                        .put("firstTeeTime", "7:00")),
                invalid("weeklyHours.MONDAY[0].lastTeeTime", c -> ((ObjectNode) c.with("weeklyHours").withArray("MONDAY").get(0))
                        .put("lastTeeTime", "24:00")),
                invalid("weeklyHours.MONDAY[0].lastTeeTime", c -> ((ObjectNode) c.with("weeklyHours").withArray("MONDAY").get(0))
                        .put("lastTeeTime", "06:00")),
                invalid("weeklyHours.SATURDAY[1].firstTeeTime", c -> ((ObjectNode) c.with("weeklyHours").withArray("SATURDAY").get(1))
                        .put("firstTeeTime", "10:00")),
                invalid("dateOverrides[0].date", c -> ((ObjectNode) c.withArray("dateOverrides").get(0)).put("date", "2026-02-30")),
                invalid("dateOverrides[1].date", c -> ((ObjectNode) c.withArray("dateOverrides").get(1)).put("date", "2026-12-25")),
                invalid("dateOverrides[0].hours", c -> ((ObjectNode) c.withArray("dateOverrides").get(0)).remove("hours")),
                invalid("dateOverrides[1].teeTimeIntervalMinutes", c -> ((ObjectNode) c.withArray("dateOverrides").get(1))
                        .put("teeTimeIntervalMinutes", 0)),
                invalid("dateOverrides", c -> c.put("dateOverrides", "none")),
                invalid("rates[0].days", c -> ((ObjectNode) c.withArray("rates").get(0)).putArray("days")),
                invalid("rates[0].days", c -> ((ObjectNode) c.withArray("rates").get(0)).putArray("days").add("SAT")),
                invalid("rates[0].days", c -> ((ObjectNode) c.withArray("rates").get(0)).putArray("days").add("MONDAY").add("MONDAY")),
                invalid("rates[0].until", c -> ((ObjectNode) c.withArray("rates").get(0)).put("until", "13:00")),
                invalid("rates[1].pricePerPlayer", c -> ((ObjectNode) c.withArray("rates").get(1)).put("pricePerPlayer", 60)),
                invalid("rates[1].pricePerPlayer", c -> ((ObjectNode) c.withArray("rates").get(1)).put("pricePerPlayer", "-1")),
                invalid("rates[1].pricePerPlayer", c -> ((ObjectNode) c.withArray("rates").get(1)).put("pricePerPlayer", "60.001")),
                invalid("rates[1].name", c -> ((ObjectNode) c.withArray("rates").get(1)).remove("name")),
                invalid("reminderHoursBefore", c -> c.put("reminderHoursBefore", 169)),
                invalid("reminderHoursBefore", c -> c.put("reminderHoursBefore", -1)),
                invalid("roundMinutes", c -> c.put("roundMinutes", 29)),
                invalid("roundMinutes", c -> c.put("roundMinutes", "240")));
    }

    private static Arguments invalid(String field, Consumer<ObjectNode> change) {
        ObjectNode course = TestApi.pineValley();
        change.accept(course);
        return Arguments.of(field, course);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCourses")
    void refuses_each_invalid_field_with_a_400_naming_it_and_changes_nothing(String field, ObjectNode course) {
        Http.Answer answer = api.putCourse("invalid-course", course);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).isEqualTo("https://fairway.dev/problems/invalid-request");
        assertThat(answer.json().path("detail").asText()).startsWith(field + " ");
        assertThat(api.http.get("/api/courses/invalid-course").status()).isEqualTo(404);
    }

    @Test
    void refuses_a_course_id_that_does_not_match_the_pattern() {
        for (String id : new String[] {"Upper", "-leading-dash", "under_score", "a".repeat(65)}) {
            Http.Answer answer = api.putCourse(id, TestApi.pineValley());
            assertThat(answer.status()).as(id).isEqualTo(400);
            assertThat(answer.json().path("detail").asText()).startsWith("courseId ");
        }
        assertThat(api.putCourse("a".repeat(64), TestApi.pineValley()).status()).isEqualTo(201);
    }

    @Test
    void refuses_a_body_that_is_not_a_json_object() {
        for (String body : new String[] {"", "not json", "[]", "42", "{\"name\": \"x\"} trailing", "{\"name\":"}) {
            Http.Answer answer = api.http.put("/api/courses/bad-body", body, TestApi.admin());
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.json().path("detail").asText()).as(body).startsWith("the request body");
        }
    }

    @Test
    void keeps_the_email_fields_and_shows_them_only_when_set_away_from_their_defaults() {
        ObjectNode course = TestApi.pineValley().put("reminderHoursBefore", 0).put("roundMinutes", 300);
        assertThat(api.putCourse("emailing-course", course).status()).isEqualTo(201);
        JsonNode stored = api.http.get("/api/courses/emailing-course").json();
        assertThat(stored.path("reminderHoursBefore").asInt(-1)).isZero();
        assertThat(stored.path("roundMinutes").asInt()).isEqualTo(300);

        assertThat(api.putCourse("emailing-course", TestApi.pineValley().put("reminderHoursBefore", 24)).status())
                .isEqualTo(200);
        JsonNode defaults = api.http.get("/api/courses/emailing-course").json();
        assertThat(defaults.has("reminderHoursBefore")).isFalse();
        assertThat(defaults.has("roundMinutes")).isFalse();
    }
}
