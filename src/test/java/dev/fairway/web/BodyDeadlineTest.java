package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The body deadline cuts off a body still arriving at the request deadline, never a request whose
 * body has arrived and whose answer is still being worked out, however late the route reads it.
 */
class BodyDeadlineTest {

    private static final Duration DEADLINE = Duration.ofMillis(300);

    @Test
    void a_request_whose_body_has_arrived_is_answered_after_the_body_deadline() throws Exception {
        answersAfterTheDeadline(ctx -> {
            String body = ctx.body();
            Thread.sleep(DEADLINE.multipliedBy(3));
            ctx.contentType("text/plain").result("read " + body.length() + " bytes");
        });
    }

    /**
     * The golfers of bench/release who got "header parser received no bytes" instead of an answer:
     * their booking's body had arrived, but the route read it only after the golfer's token had
     * been read from a busy database, past the 5 s deadline, and the body deadline then closed the
     * connection under the 503 being written.
     */
    @Test
    void a_body_that_arrived_but_is_read_after_the_deadline_is_not_cut_off() throws Exception {
        answersAfterTheDeadline(ctx -> {
            Thread.sleep(DEADLINE.multipliedBy(3));
            ctx.contentType("text/plain").result("read " + ctx.body().length() + " bytes");
        });
    }

    private static void answersAfterTheDeadline(io.javalin.http.Handler slow) throws Exception {
        WebServer server = WebServer.start("127.0.0.1", 0, DEADLINE, Clock.systemUTC(), new SimpleMeterRegistry(),
                List.of(routes -> routes.post("/slow", slow)));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/slow"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"players\": 2}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("read 14 bytes");
        } finally {
            server.close();
        }
    }
}
