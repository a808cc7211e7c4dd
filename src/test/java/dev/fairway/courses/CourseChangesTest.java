package dev.fairway.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Changing a rate meant sending the whole course back with PUT; PATCH takes a merge patch
 * (RFC 7396) of what changes, validated as a whole, and a block's answer names the bookings it
 * covers (issue 24).
 */
class CourseChangesTest {

    private static final String[] MERGE_PATCH = {"Content-Type", "application/merge-patch+json",
            TestApi.admin()[0], TestApi.admin()[1]};
    static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.startWithPineValley();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Http.Answer patch(String body) {
        return api.http.send("PATCH", "/api/courses/pine-valley", body, MERGE_PATCH);
    }

    @Test
    void a_merge_patch_changes_the_fields_it_names_and_keeps_the_rest() {
        JsonNode before = api.http.get("/api/courses/pine-valley").json();

        Http.Answer changed = patch("""
                {"bookingWindowDays": 10, "weeklyHours": {"MONDAY": null, "TUESDAY": [{"firstTeeTime": "08:00", "lastTeeTime": "12:00"}]},
                 "rates": [{"name": "Winter", "from": "00:00", "until": "23:59", "pricePerPlayer": "40.00"}]}""");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode after = api.http.get("/api/courses/pine-valley").json();
        assertThat(after).isEqualTo(changed.json());
        assertThat(after.path("bookingWindowDays").asInt()).isEqualTo(10);
        assertThat(after.path("weeklyHours").has("MONDAY")).isFalse();
        assertThat(after.path("weeklyHours").path("TUESDAY").get(0).path("firstTeeTime").asText()).isEqualTo("08:00");
        assertThat(after.path("weeklyHours").path("SATURDAY")).isEqualTo(before.path("weeklyHours").path("SATURDAY"));
        assertThat(after.path("rates")).hasSize(1);
        assertThat(after.path("name")).isEqualTo(before.path("name"));

        assertThat(patch("{\"rates\": null}").json().path("rates")).as("null: back to the default").isEmpty();
        api.putCourse("pine-valley", TestApi.pineValley());
    }

    @Test
    void a_refused_patch_names_the_field_and_changes_nothing() {
        JsonNode before = api.http.get("/api/courses/pine-valley").json();

        Http.Answer refused = patch("{\"bookingWindowDays\": 3, \"weeklyHours\": {\"SATURDAY\": "
                + "[{\"firstTeeTime\": \"11:00\", \"lastTeeTime\": \"07:00\"}]}}");
        Http.Answer required = patch("{\"name\": null}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).startsWith("weeklyHours.SATURDAY[0]");
        assertThat(required.status()).isEqualTo(400);
        assertThat(required.json().path("detail").asText()).startsWith("name ");
        assertThat(api.http.get("/api/courses/pine-valley").json()).isEqualTo(before);
        assertThat(api.http.send("PATCH", "/api/courses/nowhere", "{}", MERGE_PATCH).status()).isEqualTo(404);
        assertThat(api.http.send("PATCH", "/api/courses/pine-valley", "{\"bookingWindowDays\": 1}",
                "Content-Type", "application/merge-patch+json").status()).isEqualTo(401);
    }

    @Test
    void patches_sent_together_are_each_applied() throws Exception {
        List<CompletableFuture<Http.Answer>> sent = new ArrayList<>();
        String[] fields = {"bookingWindowDays", "minNoticeMinutes", "cancellationCutoffMinutes", "reminderHoursBefore"};
        for (int i = 0; i < fields.length; i++) {
            String body = "{\"" + fields[i] + "\": " + (i + 5) + "}";
            sent.add(CompletableFuture.supplyAsync(() -> patch(body)));
        }
        for (CompletableFuture<Http.Answer> answer : sent) {
            assertThat(answer.get().status()).isEqualTo(200);
        }
        JsonNode after = api.http.get("/api/courses/pine-valley").json();
        for (int i = 0; i < fields.length; i++) {
            assertThat(after.path(fields[i]).asInt()).as(fields[i]).isEqualTo(i + 5);
        }
        api.putCourse("pine-valley", TestApi.pineValley());
    }

    @Test
    void a_block_answer_names_the_bookings_it_covers_which_stay_booked() {
        Http.Answer booked = api.http.post("/api/courses/pine-valley/bookings",
                "{\"start\": \"2026-12-05T07:30:00-05:00\", \"players\": 3, \"name\": \"Six Early\"}",
                "Content-Type", "application/json");
        assertThat(booked.status()).isEqualTo(201);

        Http.Answer block = api.http.post("/api/courses/pine-valley/blocks",
                "{\"start\": \"2026-12-05T07:00:00-05:00\", \"end\": \"2026-12-05T09:00:00-05:00\", \"reason\": \"Frost\"}",
                TestApi.admin());

        assertThat(block.status()).isEqualTo(201);
        JsonNode inside = block.json().path("bookingsInside");
        assertThat(inside).hasSize(1);
        assertThat(inside.get(0).path("id").asText()).isEqualTo(booked.json().path("id").asText());
        assertThat(inside.get(0).path("start").asText()).isEqualTo("2026-12-05T07:30:00-05:00");
        assertThat(inside.get(0).path("tee").asText()).isEqualTo("1");
        assertThat(inside.get(0).path("name").asText()).isEqualTo("Six Early");
        assertThat(inside.get(0).path("players").asInt()).isEqualTo(3);
        JsonNode listed = api.http.get("/api/courses/pine-valley/blocks?from=2026-12-05", TestApi.admin()).json();
        assertThat(listed.get(0).path("bookingsInside")).isEqualTo(inside);
        assertThat(api.http.get("/api/bookings/" + booked.json().path("id").asText()).json().path("status").asText())
                .isEqualTo("confirmed");
        api.http.delete("/api/courses/pine-valley/blocks/" + block.json().path("id").asText(), TestApi.admin());
    }
}
