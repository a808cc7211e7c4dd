package dev.fairway.cli;

import static dev.fairway.support.FairwayProcess.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fairway.support.FairwayProcess;
import dev.fairway.support.Http;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's run command: no configuration, an embedded database, ready within 60 s, stopped by SIGTERM. */
class ServeIT {

    @TempDir
    Path dataDir;

    @Test
    void serves_with_no_configuration_and_stops_cleanly_on_sigterm_keeping_its_data() {
        int port = FairwayProcess.freePort();
        Map<String, String> environment = Map.of("PORT", Integer.toString(port), "FAIRWAY_DATA_DIR", dataDir.toString());
        try (FairwayProcess fairway = FairwayProcess.start(environment)) {
            Http http = new Http(port);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(http.get("/health/ready").status()).isEqualTo(200));
            assertThat(fairway.output()).contains("Admin token (made at this first start", "its data is in " + dataDir);
            assertThat(http.get("/api/sign-in").json().path("available").asBoolean())
                    .as("no SMTP: sign-in is said to be unavailable").isFalse();

            fairway.terminate();
            fairway.waitFor(seconds(20));
            assertThat(fairway.output()).contains("Embedded PostgreSQL stopped", "Fairway has stopped");
        }
        String token = kept(environment);
        Map<String, String> console = new java.util.HashMap<>(environment);
        console.put("FAIRWAY_SMTP_URL", "console");
        try (FairwayProcess again = FairwayProcess.start(console)) {
            Http http = new Http(port);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(http.get("/health/ready").status()).isEqualTo(200));
            assertThat(again.output()).contains("0 migrations applied now", "Admin token: kept in")
                    .doesNotContain(token);
            // The admin token of the first start still works: it changed at every start before (issue 24).
            assertThat(http.get("/api/outbox", "Authorization", "Bearer " + token).status()).isEqualTo(200);
            Http.Answer old = http.get("/api/outbox", "Authorization", "Bearer an-old-admin-token-from-before");
            assertThat(old.status()).isEqualTo(401);
            assertThat(old.json().path("detail").asText()).startsWith("this is not the admin token");
            // FAIRWAY_SMTP_URL=console prints a golfer's code where Fairway runs, for a local trial.
            assertThat(http.get("/api/sign-in").json().path("delivery").asText()).isEqualTo("console");
            assertThat(http.post("/api/sign-in", "{\"email\": \"trial@example.com\"}", "Content-Type", "application/json")
                    .status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(again.output())
                    .contains("FAIRWAY_SMTP_URL=console: printed, not sent", "To: trial@example.com")
                    .containsPattern("(?m)^[0-9]{6}$"));
            again.terminate();
            again.waitFor(seconds(20));
        }
        assertThat(kept(environment)).as("the same token, printed again on request").isEqualTo(token);
    }

    /** What {@code fairway admin-token} prints for the data directory. */
    private static String kept(Map<String, String> environment) {
        try (FairwayProcess adminToken = FairwayProcess.start(environment, "admin-token")) {
            assertThat(adminToken.waitFor(seconds(30))).isZero();
            return adminToken.output().lines().filter(line -> line.matches("[A-Za-z0-9_-]{32,}")).findFirst().orElseThrow();
        }
    }

    @Test
    void stops_a_postgres_left_running_by_a_killed_instance() {
        int port = FairwayProcess.freePort();
        Map<String, String> environment = Map.of("PORT", Integer.toString(port), "FAIRWAY_DATA_DIR", dataDir.toString());
        try (FairwayProcess killed = FairwayProcess.start(environment)) {
            Http http = new Http(port);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(http.get("/health/ready").status()).isEqualTo(200));
            ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly(); // SIGKILL: no shutdown hook runs
            killed.waitFor(seconds(10));
        }
        try (FairwayProcess next = FairwayProcess.start(environment)) {
            Http http = new Http(port);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(http.get("/health/ready").status()).isEqualTo(200));
            assertThat(next.output()).contains("left running by an earlier Fairway");
            next.terminate();
            next.waitFor(seconds(20));
        }
    }
}
