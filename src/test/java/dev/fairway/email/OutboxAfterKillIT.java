package dev.fairway.email;

import static dev.fairway.support.FairwayProcess.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.support.FairwayProcess;
import dev.fairway.support.Http;
import dev.fairway.support.MailServer;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar, killed with SIGKILL while emails wait for SMTP: after a restart each is delivered, once. */
class OutboxAfterKillIT {

    @TempDir
    Path dataDir;

    @Test
    void emails_pending_when_the_service_is_killed_are_all_delivered_once_after_a_restart() throws Exception {
        int port = FairwayProcess.freePort();
        try (MailServer smtp = MailServer.notStarted()) {
            Map<String, String> environment = Map.of("PORT", Integer.toString(port), "FAIRWAY_DATA_DIR",
                    dataDir.toString(), "FAIRWAY_SMTP_URL", smtp.url(), "FAIRWAY_ADMIN_TOKEN", TestService.ADMIN_TOKEN,
                    "FAIRWAY_RATE_LIMIT", "off");
            Http http = new Http(port);
            List<String> recipients = new ArrayList<>();
            try (FairwayProcess killed = FairwayProcess.start(environment)) {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                        .untilAsserted(() -> assertThat(http.get("/health/ready").status()).isEqualTo(200));
                String day = LocalDate.now(ZoneId.of("America/New_York")).plusDays(2).toString();
                JsonNode teeTimes = http.get("/api/courses/pine-hollow/availability?from=" + day + "&to=" + day)
                        .json().at("/days/0/teeTimes");
                for (JsonNode teeTime : teeTimes) {
                    if (recipients.size() == 10) {
                        break;
                    }
                    if (teeTime.get("status").asText().equals("open")) {
                        String email = "golfer" + recipients.size() + "@example.com";
                        Http.Answer booked = http.post("/api/courses/pine-hollow/bookings", Http.json(Map.of(
                                "start", teeTime.get("start").asText(), "players", 1, "name", "Golfer", "email", email)),
                                "Content-Type", "application/json");
                        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
                        recipients.add(email);
                    }
                }
                assertThat(recipients).hasSize(10);
                ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly(); // SIGKILL: no shutdown hook runs
                killed.waitFor(seconds(10));
            }
            assertThat(smtp.received()).isEmpty();
            smtp.resume();
            try (FairwayProcess restarted = FairwayProcess.start(environment)) {
                List<MailServer.Received> received = smtp.await(10, Duration.ofSeconds(90));
                await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> assertThat(
                        http.get("/api/outbox?status=sent", TestApi.admin())
                                .json()).hasSize(10));
                assertThat(smtp.received()).hasSize(10);
                assertThat(received.stream().map(MailServer.Received::recipient))
                        .containsExactlyInAnyOrderElementsOf(recipients);
                assertThat(received.stream().map(MailServer.Received::messageId).distinct()).hasSize(10);
                restarted.terminate();
                restarted.waitFor(seconds(20));
            }
        }
    }
}
