package dev.fairway.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlockApiTest {

    static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start();
        api.putCourse("blocked-course", TestApi.pineValley());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void adds_lists_and_removes_a_block_with_instants_in_the_courses_zone() {
        Http.Answer added = api.http.post("/api/courses/blocked-course/blocks",
                "{\"start\": \"2026-12-05T12:00:00Z\", \"end\": \"2026-12-05T16:00:00+02:00\", \"reason\": \"Frost delay\"}",
                TestApi.admin());

        assertThat(added.status()).isEqualTo(201);
        JsonNode block = added.json();
        String id = block.path("id").asText();
        assertThat(id).matches("[A-Za-z0-9_-]{22,}");
        assertThat(added.header("Location")).isEqualTo("/api/courses/blocked-course/blocks/" + id);
        assertThat(block.path("start").asText()).isEqualTo("2026-12-05T07:00:00-05:00");
        assertThat(block.path("end").asText()).isEqualTo("2026-12-05T09:00:00-05:00");
        assertThat(block.path("reason").asText()).isEqualTo("Frost delay");

        JsonNode listed = api.http.get("/api/courses/blocked-course/blocks?from=2026-12-05&to=2026-12-06", TestApi.admin()).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).isEqualTo(block);
        assertThat(api.http.get("/api/courses/blocked-course/blocks?from=2026-12-06", TestApi.admin()).json()).isEmpty();

        assertThat(api.http.delete("/api/courses/blocked-course/blocks/" + id, TestApi.admin()).status()).isEqualTo(204);
        assertThat(api.http.delete("/api/courses/blocked-course/blocks/" + id, TestApi.admin()).status()).isEqualTo(404);
        assertThat(api.http.get("/api/courses/blocked-course/blocks", TestApi.admin()).json()).isEmpty();
    }

    @Test
    void a_block_without_a_reason_has_a_null_reason() {
        Http.Answer added = api.http.post("/api/courses/blocked-course/blocks",
                "{\"start\": \"2027-01-05T12:00:00Z\", \"end\": \"2027-01-05T13:00:00Z\"}", TestApi.admin());

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("reason").isNull()).isTrue();
    }

    @Test
    void refuses_bad_blocks_with_a_400_naming_the_field() {
        String[][] cases = {
                {"{\"end\": \"2026-12-05T12:00:00Z\"}", "start"},
                {"{\"start\": \"2026-12-05 12:00\", \"end\": \"2026-12-05T13:00:00Z\"}", "start"},
                {"{\"start\": \"2026-12-05T12:00:00\", \"end\": \"2026-12-05T13:00:00Z\"}", "start"},
                {"{\"start\": \"2026-12-05T12:00:00Z\", \"end\": \"2026-12-05T12:00:00Z\"}", "end"},
                {"{\"start\": \"2026-12-05T12:00:00Z\", \"end\": \"2026-12-05T11:00:00Z\"}", "end"},
                {"{\"start\": \"2026-12-01T00:00:00Z\", \"end\": \"2027-01-01T00:00:01Z\"}", "end"},
                {"{\"start\": \"2026-12-05T12:00:00Z\", \"end\": \"2026-12-05T13:00:00Z\", \"reason\": 7}", "reason"},
        };
        for (String[] c : cases) {
            Http.Answer answer = api.http.post("/api/courses/blocked-course/blocks", c[0], TestApi.admin());
            assertThat(answer.status()).as(c[0]).isEqualTo(400);
            assertThat(answer.json().path("detail").asText()).as(c[0]).startsWith(c[1] + " ");
        }
        Http.Answer exactly31Days = api.http.post("/api/courses/blocked-course/blocks",
                "{\"start\": \"2026-12-01T00:00:00Z\", \"end\": \"2027-01-01T00:00:00Z\"}", TestApi.admin());
        assertThat(exactly31Days.status()).isEqualTo(201);
        assertThat(api.http.get("/api/courses/blocked-course/blocks?from=tomorrow", TestApi.admin()).status()).isEqualTo(400);
    }

    @Test
    void needs_the_admin_token_and_an_existing_course() {
        String body = "{\"start\": \"2026-12-05T12:00:00Z\", \"end\": \"2026-12-05T13:00:00Z\"}";

        assertThat(api.http.post("/api/courses/blocked-course/blocks", body).status()).isEqualTo(401);
        assertThat(api.http.get("/api/courses/blocked-course/blocks").status()).isEqualTo(401);
        assertThat(api.http.delete("/api/courses/blocked-course/blocks/abcdefghijklmnopqrstuv").status()).isEqualTo(401);
        assertThat(api.http.post("/api/courses/no-course/blocks", body, TestApi.admin()).status()).isEqualTo(404);
        assertThat(api.http.delete("/api/courses/blocked-course/blocks/not-a-block", TestApi.admin()).status()).isEqualTo(404);
    }
}
