package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.Service;
import dev.fairway.config.HttpSettings;
import dev.fairway.config.RateLimitSettings;
import dev.fairway.config.Secret;
import dev.fairway.config.Settings;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestPostgres;
import dev.fairway.support.TestService;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetricsTest {

    static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start();
        api.putCourse("metered", TestApi.pineValley());
        api.http.get("/api/courses/metered/availability");
        api.http.get("/api/courses/nowhere/availability");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void exports_pool_retry_breaker_failure_budget_stale_and_http_figures_in_prometheus_text() {
        Http.Answer metrics = api.http.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).contains(
                "hikaricp_connections_active{pool=\"fairway\"}",
                "hikaricp_connections_pending{pool=\"fairway\"}",
                "fairway_db_call_results_total{operation=\"availability.read\",result=\"succeeded\"}",
                "resilience4j_circuitbreaker_state{name=\"database\",state=\"closed\"} 1.0",
                "# TYPE fairway_db_retry_budget_exhausted_total counter",
                "# TYPE fairway_availability_stale_answers_total counter",
                "fairway_db_calls_total{operation=\"availability.read\"}",
                "http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/courses/{courseId}/availability\",status=\"200\"",
                "http_server_requests_seconds_count{method=\"GET\",route=\"/api/courses/{courseId}/availability\",status=\"404\"}",
                "jvm_memory_used_bytes");
        assertThat(metrics.body()).as("routes are templates, never raw paths").doesNotContain("route=\"/api/courses/metered");
    }

    @Test
    void names_the_process_figures_as_prometheus_dashboards_expect() {
        String metrics = api.http.get("/metrics").body();

        assertThat(metrics).contains("# TYPE process_cpu_seconds_total counter", "system_cpus ");
        assertThat(metrics).doesNotContain("process_cpu_time_ns_total", "system_cpu_count");
    }

    @Test
    void promtool_accepts_every_metric() throws Exception {
        java.nio.file.Path promtool = java.nio.file.Path.of("/usr/bin/promtool");
        if (!java.nio.file.Files.isExecutable(promtool)) {
            System.err.println("*** SKIPPED: promtool is not installed here (Debian's prometheus package; .ci/run installs it) ***");
            org.junit.jupiter.api.Assumptions.abort("promtool is not installed");
        }
        api.http.send("XQWE", "/api/courses", null); // an OTHER method, and a 405, among the series
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (java.io.OutputStream in = check.getOutputStream()) {
            in.write(api.http.get("/metrics").body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String said = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(check.waitFor()).as("promtool check metrics: " + said).isZero();
        assertThat(said).isBlank();
    }

    @Test
    void with_a_metrics_token_the_metrics_answer_only_a_request_that_carries_it() {
        Settings base = TestService.settings(TestPostgres.newDatabase());
        Settings guarded = base.withHttp(new HttpSettings(Optional.empty(),
                Optional.of(new Secret("metrics-token-0123456789")), RateLimitSettings.off()));
        try (Service service = TestService.startReady(guarded, Clock.systemUTC())) {
            Http http = new Http(service.port());

            assertThat(http.get("/metrics").status()).isEqualTo(401);
            assertThat(http.get("/metrics", "Authorization", "Bearer wrong-token-0123456789").status()).isEqualTo(401);
            assertThat(http.get("/metrics", TestApi.admin()).status()).as("the admin token is not the metrics token").isEqualTo(401);
            Http.Answer scraped = http.get("/metrics", "Authorization", "Bearer metrics-token-0123456789");
            assertThat(scraped.status()).isEqualTo(200);
            assertThat(scraped.body()).contains("jvm_memory_used_bytes");
        }
    }
}
