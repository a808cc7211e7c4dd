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
            assertThat(fairway.output()).contains("Admin token (generated", "its data is in " + dataDir);

            fairway.terminate();
            fairway.waitFor(seconds(20));
            assertThat(fairway.output()).contains("Embedded PostgreSQL stopped", "Fairway has stopped");
        }
        try (FairwayProcess again = FairwayProcess.start(environment)) {
            Http http = new Http(port);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(http.get("/health/ready").status()).isEqualTo(200));
            assertThat(again.output()).contains("0 migrations applied now");
            again.terminate();
            again.waitFor(seconds(20));
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
