package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
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
                "resilience4j_retry_calls_total",
                "resilience4j_circuitbreaker_state{name=\"database\",state=\"closed\"} 1.0",
                "# TYPE fairway_db_retry_budget_exhausted_total counter",
                "# TYPE fairway_availability_stale_answers_total counter",
                "fairway_db_calls_total{operation=\"availability.read\"}",
                "http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/courses/{courseId}/availability\",status=\"200\"",
                "http_server_requests_seconds_count{method=\"GET\",route=\"/api/courses/{courseId}/availability\",status=\"404\"}",
                "jvm_memory_used_bytes");
        assertThat(metrics.body()).as("routes are templates, never raw paths").doesNotContain("route=\"/api/courses/metered");
    }
}
