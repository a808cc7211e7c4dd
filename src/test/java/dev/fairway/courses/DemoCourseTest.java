package dev.fairway.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.Wiring;
import dev.fairway.Service;
import dev.fairway.config.MailSettings;
import dev.fairway.config.CacheSettings;
import dev.fairway.config.ResilienceSettings;
import dev.fairway.config.Secret;
import dev.fairway.config.Settings;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCourseTest {

    @TempDir
    Path dataDir;

    @Test
    void the_embedded_database_starts_with_a_realistic_demo_course() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T14:00:00Z"), ZoneOffset.UTC); // a Tuesday
        Settings settings = new Settings(Optional.empty(), Optional.empty(), 0, TestService.HTTP, new Secret(TestService.ADMIN_TOKEN),
                false, dataDir, ResilienceSettings.defaults(), CacheSettings.defaults(), MailSettings.defaults());
        try (Service service = Wiring.start(settings, clock)) {
            assertThat(service.awaitMigrated(Duration.ofSeconds(60))).isTrue();
            Http http = new Http(service.port());

            assertThat(http.get("/api/courses").json().findValuesAsText("id")).containsExactly(DemoCourse.ID);
            JsonNode days = http.get("/api/courses/" + DemoCourse.ID + "/availability?from=2026-12-04&to=2026-12-25")
                    .json().path("days");
            JsonNode friday = days.get(0).path("teeTimes");
            JsonNode saturday = days.get(1).path("teeTimes");
            assertThat(friday.get(1).path("start").asText()).isEqualTo("2026-12-04T07:10:00-05:00");
            assertThat(saturday.get(1).path("start").asText()).isEqualTo("2026-12-05T06:38:00-05:00");
            assertThat(saturday.get(0).path("rate").path("name").asText()).isEqualTo("Weekend");
            assertThat(friday.get(friday.size() - 1).path("rate").path("name").asText()).isEqualTo("Twilight");
            assertThat(days.get(21).path("date").asText()).isEqualTo("2026-12-25");
            assertThat(days.get(21).path("teeTimes")).as("Christmas is closed").isEmpty();
        }
    }

    @Test
    void an_external_database_gets_no_demo_course() {
        try (TestApi api = TestApi.start()) {
            assertThat(api.http.get("/api/courses").json()).isEmpty();
        }
    }
}
