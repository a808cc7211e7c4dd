package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Throws malformed JSON, huge numbers, wrong types and overlong strings at the course and
 * availability endpoints: every answer must be a 4xx problem, never a 5xx, and nothing refused may
 * be stored.
 */
class MalformedInputTest {

    static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start();
        api.putCourse("target", TestApi.pineValley());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void course_bodies_that_are_broken_in_every_way_get_only_4xx_and_change_nothing() {
        String stored = api.http.get("/api/courses/target").body();
        List<String> bodies = new ArrayList<>(List.of(
                "{", "}", "{\"name\": }", "{'name': 'x'}", "null", "true", "\"string\"", "[{}]",
                "{\"name\": \"\\ud800\"}", "\u0000", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                "{\"name\": \"" + "x".repeat(200_000) + "\"}"));
        String[] fields = {"name", "timeZone", "teeTimeIntervalMinutes", "maxPlayersPerTeeTime", "bookingWindowDays",
                "minNoticeMinutes", "cancellationCutoffMinutes", "currency", "weeklyHours", "dateOverrides", "rates"};
        String[] values = {"1e400", "-1e400", "99999999999999999999999999", "-0", "1.0000000000001", "null", "true",
                "\"\"", "[]", "{}", "[null]", "{\"MONDAY\": [null]}", "\"" + "z".repeat(5000) + "\"", "0x10", "NaN"};
        for (String field : fields) {
            for (String value : values) {
                bodies.add(TestApi.PINE_VALLEY.replaceFirst("\"" + field + "\": [^\\n]*\\n",
                        "\"" + field + "\": " + value + ",\n"));
            }
        }
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            bodies.add(mutate(TestApi.PINE_VALLEY, random));
        }

        for (String body : bodies) {
            Http.Answer answer = api.http.put("/api/courses/target", body, TestApi.admin());
            assertThat(answer.status()).as(abbreviate(body)).isLessThan(500);
            if (answer.status() >= 400) {
                assertThat(answer.contentType()).as(abbreviate(body)).startsWith("application/problem+json");
            }
            if (answer.status() != 200) {
                assertThat(api.http.get("/api/courses/target").body()).as(abbreviate(body)).isEqualTo(stored);
            } else {
                stored = api.http.get("/api/courses/target").body(); // a mutation that is still a valid course
            }
        }
    }

    @Test
    void availability_parameters_that_are_broken_in_every_way_get_only_4xx() {
        String[] values = {"", "x", "2026-12-01T00:00", "99999-01-01", "-2026-01-01", "2026-1-1", "1e9", "%00",
                "2026-12-01%00", "9".repeat(400), "2026-02-29", "0000-00-00", "🏌"};
        for (String name : new String[] {"from", "to", "players"}) {
            for (String value : values) {
                String query = name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
                Http.Answer answer = api.http.get("/api/courses/target/availability?" + query);
                assertThat(answer.status()).as(query).isBetween(200, 499);
            }
        }
        assertThat(api.http.get("/api/courses/" + "x".repeat(5000) + "/availability").status()).isBetween(400, 499);
        assertThat(api.http.get("/api/courses/target/availability?from=2026-12-01&from=garbage").status()).isEqualTo(200);
    }

    private static String mutate(String json, Random random) {
        StringBuilder text = new StringBuilder(json);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, "{}[],:\"0-9e.aZ\\".charAt(random.nextInt(15)));
                case 2 -> text.setCharAt(at, (char) (32 + random.nextInt(95)));
                default -> text.insert(at, "9".repeat(random.nextInt(40)));
            }
        }
        return text.toString();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
