package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stampede cannot fill the heap: an instance works on a bounded number of API requests at once,
 * the rest wait for their turn without a thread, and beyond a bounded line they are told to come
 * back at once instead of piling up.
 */
class InFlightLimitTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger working = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private Javalin app;

    @AfterEach
    void stop() {
        release.countDown();
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void requests_beyond_the_limit_wait_their_turn_and_are_all_answered() throws Exception {
        int port = start(4, 100, Duration.ofSeconds(5));
        List<CompletableFuture<HttpResponse<String>>> answers = send(port, 10);

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> waiting() == 6);
        assertThat(working.get()).isEqualTo(4);
        release.countDown();

        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(mostAtOnce.get()).isEqualTo(4);
    }

    @Test
    void beyond_the_line_a_request_is_answered_503_busy_at_once() throws Exception {
        int port = start(2, 3, Duration.ofSeconds(5));
        List<CompletableFuture<HttpResponse<String>>> held = send(port, 5);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> waiting() == 3);

        HttpResponse<String> refused = send(port, 1).getFirst().get(2, TimeUnit.SECONDS);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue(Problem.CONTENT_TYPE);
        assertThat(refused.body()).contains("\"type\":\"https://fairway.dev/problems/busy\"");
        release.countDown();
        for (CompletableFuture<HttpResponse<String>> answer : held) {
            assertThat(answer.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_request_that_waited_until_its_deadline_is_answered_503_busy() throws Exception {
        int port = start(1, 10, Duration.ofMillis(300));
        CompletableFuture<HttpResponse<String>> first = send(port, 1).getFirst();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> working.get() == 1);
        CompletableFuture<HttpResponse<String>> second = send(port, 1).getFirst();

        List<Integer> statuses = new ArrayList<>();
        statuses.add(second.get(2, TimeUnit.SECONDS).statusCode());
        release.countDown();
        statuses.add(first.get(2, TimeUnit.SECONDS).statusCode());

        assertThat(statuses).containsExactly(503, 200);
    }

    @Test
    void a_heap_of_128_mib_works_on_1024_requests_at_once() {
        assertThat(InFlightLimit.requestsFor(128L * 1024 * 1024)).isEqualTo(1024);
        assertThat(InFlightLimit.requestsFor(4L * 1024 * 1024)).isEqualTo(InFlightLimit.LEAST_REQUESTS);
        assertThat(InFlightLimit.requestsFor(64L * 1024 * 1024 * 1024)).isEqualTo(InFlightLimit.MOST_REQUESTS);
    }

    private int start(int inProgress, int waiting, Duration deadline) {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.port = 0;
            config.jetty.host = "127.0.0.1";
            config.jetty.modifyServer(server -> server.insertHandler(
                    new InFlightLimit(inProgress, waiting, deadline, metrics)));
            config.routes.get("/api/slow", ctx -> {
                mostAtOnce.accumulateAndGet(working.incrementAndGet(), Math::max);
                try {
                    release.await(10, TimeUnit.SECONDS);
                } finally {
                    working.decrementAndGet();
                }
                ctx.result("done");
            });
        }).start();
        return app.port();
    }

    private double waiting() {
        return metrics.get("fairway.http.requests.waiting").gauge().value();
    }

    private static List<CompletableFuture<HttpResponse<String>>> send(int port, int count) {
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/slow")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        return answers;
    }
}
