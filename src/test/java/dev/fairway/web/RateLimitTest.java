package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fairway.Service;
import dev.fairway.config.RateLimitSettings;
import dev.fairway.config.Settings;
import dev.fairway.config.TrustedProxies;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestPostgres;
import dev.fairway.support.TestService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-address and per-email token buckets: 429 with Retry-After, recovery, and who counts as the client. */
class RateLimitTest {

    /** 5 requests a second (bursts of 10) and 3 bookings a minute; loopback is a trusted proxy when asked. */
    private static Service start(boolean trustLoopback) {
        TrustedProxies proxies = trustLoopback ? TrustedProxies.parse("127.0.0.1, ::1") : TrustedProxies.NONE;
        Settings settings = TestService.settings(TestPostgres.newDatabase())
                .withHttp(TestService.HTTP.withRateLimits(new RateLimitSettings(true, 5, 3, proxies)));
        Service service = TestService.startReady(settings, TestApi.EXAMPLE_CLOCK);
        new Http(service.port()).put("/api/courses/pine-valley", TestApi.PINE_VALLEY, TestApi.admin());
        return service;
    }

    private static Http.Answer book(Http http, int minutes, String email, String forwardedFor) {
        String start = "2026-12-07T" + (7 + minutes / 60) + ":" + String.format("%02d", minutes % 60) + ":00-05:00";
        String body = Http.json(Map.of("start", start.replace("T7:", "T07:").replace("T8:", "T08:").replace("T9:", "T09:"),
                "players", 1, "name", "Bot", "email", email));
        return forwardedFor == null
                ? http.post("/api/courses/pine-valley/bookings", body, "Content-Type", "application/json")
                : http.post("/api/courses/pine-valley/bookings", body, "Content-Type", "application/json",
                        "X-Forwarded-For", forwardedFor);
    }

    @Test
    void a_client_over_its_request_rate_gets_429_with_retry_after_and_is_served_again_after_it() {
        try (Service service = start(false)) {
            Http http = new Http(service.port());
            List<Http.Answer> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                answers.add(http.get("/api/courses"));
            }
            Http.Answer limited = answers.stream().filter(a -> a.status() == 429).findFirst().orElseThrow();
            // A burst of 10, less the course's PUT, and what refilled meanwhile.
            assertThat(answers.stream().filter(a -> a.status() == 200).count()).isBetween(9L, 20L);
            assertThat(limited.contentType()).startsWith("application/problem+json");
            assertThat(limited.json().path("type").asText()).isEqualTo("https://fairway.dev/problems/rate-limited");
            long retryAfter = Long.parseLong(limited.header("Retry-After"));
            assertThat(retryAfter).isBetween(1L, 2L);

            for (int i = 0; i < 30; i++) {
                assertThat(http.get("/health/ready").status()).as("health is not limited").isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(retryAfter + 1)).until(() -> http.get("/api/courses").status() == 200);
        }
    }

    @Test
    void bookings_are_limited_per_address_and_x_forwarded_for_from_an_untrusted_peer_changes_nothing() {
        try (Service service = start(false)) {
            Http http = new Http(service.port());
            for (int i = 0; i < 3; i++) {
                assertThat(book(http, 10 * i, "golfer" + i + "@example.com", "198.51.100." + i).status()).isEqualTo(201);
            }
            Http.Answer fourth = book(http, 30, "golfer3@example.com", "198.51.100.3");
            assertThat(fourth.status()).isEqualTo(429);
            assertThat(fourth.header("Retry-After")).isNotNull();
            assertThat(fourth.json().path("detail").asText()).contains("from your address");
        }
    }

    /** Staff on the phone hit the golfers' limit at their 11th booking in a minute (issue 24). */
    @Test
    void staff_with_the_admin_token_book_many_in_a_row_without_a_limit() {
        try (Service service = start(false)) {
            Http http = new Http(service.port());
            for (int i = 0; i < 12; i++) {
                String start = "2026-12-07T" + String.format("%02d:%02d", 7 + i / 6, i % 6 * 10) + ":00-05:00";
                Http.Answer booked = http.post("/api/courses/pine-valley/bookings", Http.json(Map.of("start", start,
                        "players", 1, "name", "Caller " + i)), "Content-Type", "application/json",
                        TestApi.admin()[0], TestApi.admin()[1]);
                assertThat(booked.status()).as("booking %d", i).isEqualTo(201);
            }
        }
    }

    @Test
    void behind_a_trusted_proxy_each_forwarded_client_has_its_own_bucket_and_one_email_has_one_across_them() {
        try (Service service = start(true)) {
            Http http = new Http(service.port());
            for (int i = 0; i < 6; i++) {
                // A client-written hop left of the real one is not believed: 203.0.113.9 is not the client.
                assertThat(book(http, 10 * i, "golfer" + i + "@example.com", "203.0.113.9, 198.51.100." + i).status())
                        .as("client %d", i).isEqualTo(201);
            }
            for (int i = 0; i < 3; i++) {
                assertThat(book(http, 60 + 10 * i, "Same@Example.com", "192.0.2." + i).status()).isEqualTo(201);
            }
            Http.Answer fourth = book(http, 90, "same@example.com", "192.0.2.3");
            assertThat(fourth.status()).isEqualTo(429);
            assertThat(fourth.json().path("detail").asText()).contains("for this golfer");
        }
    }

    @Test
    void sign_in_requests_share_the_bucket_of_their_email_whatever_the_address() {
        try (Service service = start(true)) {
            Http http = new Http(service.port());
            for (int i = 0; i < 3; i++) {
                assertThat(http.post("/api/sign-in", "{\"email\": \"Sam@example.com\"}", "X-Forwarded-For", "192.0.2." + i)
                        .status()).isEqualTo(202);
            }
            Http.Answer fourth = http.post("/api/sign-in", "{\"email\": \"sam@example.com\"}", "X-Forwarded-For", "192.0.2.9");
            assertThat(fourth.status()).isEqualTo(429);
            assertThat(fourth.header("Retry-After")).isNotNull();
            assertThat(http.post("/api/sign-in", "{\"email\": \"other@example.com\"}", "X-Forwarded-For", "192.0.2.10")
                    .status()).as("another email").isEqualTo(202);
        }
    }
}
