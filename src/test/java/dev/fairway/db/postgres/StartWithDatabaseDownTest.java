package dev.fairway.db.postgres;

import dev.fairway.db.postgres.EmbeddedDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fairway.Wiring;
import dev.fairway.Service;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.support.Http;
import dev.fairway.support.TestService;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartWithDatabaseDownTest {

    @TempDir
    Path dataDir;

    @Test
    void starts_without_its_database_reports_not_ready_and_recovers_when_it_comes_up() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        DatabaseUrl url;
        try (EmbeddedDatabase made = EmbeddedDatabase.start(dataDir, port)) {
            url = made.url(); // made once, and stopped, for its passwords
        }
        try (Service service = Wiring.start(TestService.settings(url))) {
            Http http = new Http(service.port());

            long start = System.nanoTime();
            Http.Answer down = http.get("/health/ready");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.header("Retry-After")).isNotNull();
            assertThat(down.json().path("status").asText()).isEqualTo("DOWN");
            assertThat(down.json().path("database").path("reason").asText()).contains("08001");
            assertThat(http.get("/health/live").status()).isEqualTo(200);

            try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, port)) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                        assertThat(http.get("/health/ready").status()).isEqualTo(200));
                assertThat(http.get("/health/ready").json().path("database").path("schema").asText())
                        .isEqualTo("up to date");
                assertThat(database.url().jdbcUrl()).endsWith(":" + port + "/fairway");
            }
        }
    }
}
