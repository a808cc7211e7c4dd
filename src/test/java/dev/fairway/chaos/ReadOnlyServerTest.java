package dev.fairway.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.fairway.support.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * The server turns read-only, as a standby or a primary being demoted is: writes fail with
 * 25006. That is a database that cannot take bookings right now, not a bug: 503 with
 * Retry-After, the circuit breaker counts it, and the log gets a line a second, not a stack
 * trace per request. When the server takes writes again, so does Fairway.
 */
@ExtendWith(FreshChaosEnvironment.class)
class ReadOnlyServerTest {

    private static final Duration READ_ONLY_FOR = Duration.ofSeconds(4);

    @Test
    void a_read_only_server_gets_503s_with_retry_after_and_a_log_line_a_second(ChaosEnvironment env) {
        Http http = env.http();
        assertThat(book(http, 0).status()).isEqualTo(201);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Http.Answer> answers;
        try {
            env.readOnly(true);
            root.addAppender(lines);
            answers = bookFor(http, READ_ONLY_FOR);
        } finally {
            root.detachAppender(lines);
            env.readOnly(false);
        }

        assertThat(answers).as("bookings tried while read-only").hasSizeGreaterThan(20);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).isNotNull();
        });
        assertThat(answers).anySatisfy(answer -> assertThat(answer.body()).contains("takes no writes"));
        List<ILoggingEvent> warnings = lines.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
        assertThat(warnings).as("stack traces").noneMatch(e -> e.getThrowableProxy() != null);
        assertThat(warnings).as("no line about a bug").noneMatch(e -> e.getFormattedMessage().contains("failure of"));
        assertThat(warnings).as("the failure was logged").isNotEmpty();
        long seconds = READ_ONLY_FOR.toSeconds() + 1;
        List<String> messages = warnings.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(messages.stream().filter(m -> m.contains("25006")).count())
                .as("lines about the read-only server, for %d refused bookings: %s", answers.size(), messages)
                .isLessThanOrEqualTo(seconds);
        // Besides: the breaker opening and its first probe, and the reset of a session this test ended.
        assertThat(messages).as("every line in the window").hasSizeLessThanOrEqualTo((int) seconds + 3);

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> book(http, 1).status() == 201);
    }

    private static List<Http.Answer> bookFor(Http http, Duration duration) {
        List<CompletableFuture<List<Http.Answer>>> clients = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < 4; client++) {
                int hour = 10 + client;
                clients.add(CompletableFuture.supplyAsync(() -> {
                    List<Http.Answer> answers = new ArrayList<>();
                    long end = System.nanoTime() + duration.toNanos();
                    while (System.nanoTime() < end) {
                        answers.add(book(http, hour));
                    }
                    return answers;
                }, threads));
            }
            return clients.stream().flatMap(c -> c.join().stream()).toList();
        }
    }

    private static Http.Answer book(Http http, int hour) {
        String key = UUID.randomUUID().toString();
        return http.post("/api/courses/" + ChaosEnvironment.COURSE + "/bookings", "{\"start\": \""
                        + ChaosEnvironment.BOOKING_DATE + "T" + String.format("%02d", hour) + ":00:00Z\", \"players\": 1, "
                        + "\"name\": \"read only " + key + "\"}", "Idempotency-Key", key);
    }
}
