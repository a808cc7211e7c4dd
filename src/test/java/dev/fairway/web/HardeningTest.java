package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * API.md Part 2, "Hardening", and what was found trying the service as an attacker would: no input
 * makes a 500 or changes data it was refused for, bodies are JSON, the request line's method is the
 * method, no label of a metric comes from the client, and a client that sends its body slowly or
 * not at all costs a request's deadline, no more, and no log line.
 */
class HardeningTest {

    static TestApi api;
    static final String BOOKINGS = "/api/courses/pine-valley/bookings";

    @BeforeAll
    static void start() {
        api = TestApi.startWithPineValley();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static String booking(String start, String name) {
        return "{\"start\": \"" + start + "\", \"players\": 1, \"name\": \"" + name + "\"}";
    }

    @Test
    void a_nul_or_an_unpaired_surrogate_in_a_name_is_a_400_naming_it_and_stores_nothing() {
        long stored = api.db.count("select count(*) from booking");
        List<ILoggingEvent> lines = logged(() -> {
            for (String name : new String[] {"Ann\\u0000Smith", "\\ud800x", "x\\udc00", "\\udbff"}) {
                Http.Answer answer = api.http.post(BOOKINGS, booking("2026-12-05T12:00:00-05:00", name));
                assertThat(answer.status()).as(name).isEqualTo(400);
                assertThat(answer.body()).as(name).contains("name must not contain NUL characters or unpaired");
            }
            return null;
        });

        assertThat(api.db.count("select count(*) from booking")).isEqualTo(stored);
        assertThat(lines).as("log lines at WARN or above").noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
        Http.Answer paired = api.http.post(BOOKINGS, booking("2026-12-05T12:10:00-05:00", "Golfer \\ud83c\\udfcc"));
        assertThat(paired.status()).as("a surrogate pair is a character like any other").isEqualTo(201);
        assertThat(paired.json().path("name").asText()).isEqualTo("Golfer \uD83C\uDFCC");
    }

    @Test
    void dates_and_instants_outside_1900_to_2200_are_a_400_naming_the_field() {
        for (String instant : new String[] {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "1899-12-31T23:59:59Z", "2201-01-01T00:00:00Z"}) {
            assertField(api.http.post(BOOKINGS, booking(instant, "Far")), "start", instant);
            assertField(api.http.post("/api/courses/pine-valley/blocks", "{\"start\": \"" + instant
                    + "\", \"end\": \"2026-12-05T12:00:00-05:00\"}", TestApi.admin()), "start", instant);
            assertField(api.http.get("/api/courses/pine-valley/blocks?from=" + encode(instant), TestApi.admin()),
                    "from", instant);
            assertField(api.http.get("/api/courses/pine-valley/blocks?to=" + encode(instant), TestApi.admin()),
                    "to", instant);
        }
        for (String date : new String[] {"+999999999-12-31", "-999999999-01-01", "1899-12-31", "2201-01-01"}) {
            assertField(api.http.get("/api/courses/pine-valley/availability?from=" + encode(date)), "from", date);
            assertField(api.http.get("/api/courses/pine-valley/availability?to=" + encode(date)), "to", date);
            assertField(api.http.get(BOOKINGS + "?date=" + encode(date), TestApi.admin()), "date", date);
            assertField(api.http.get("/api/courses/pine-valley/blocks?from=" + encode(date), TestApi.admin()),
                    "from", date);
        }
        assertThat(api.db.count("select count(*) from block")).isZero();
    }

    @Test
    void a_body_that_is_not_json_is_a_415_and_books_nothing() {
        String body = booking("2026-12-05T13:00:00-05:00", "Cross Site");
        for (String type : new String[] {"text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/jsonp", "text/json"}) {
            Http.Answer answer = api.http.send("POST", BOOKINGS, body, "Content-Type", type);
            assertThat(answer.status()).as(type).isEqualTo(415);
            assertThat(answer.json().path("type").asText()).as(type).endsWith("/unsupported-media-type");
        }
        Http.Answer untyped = api.http.send("POST", BOOKINGS, body);
        assertThat(untyped.status()).as("no Content-Type at all").isEqualTo(415);
        Http.Answer course = api.http.send("PUT", "/api/courses/pine-valley", TestApi.PINE_VALLEY.replace("Pine Valley",
                "Renamed"), "Content-Type", "text/plain", TestApi.admin()[0], TestApi.admin()[1]);
        assertThat(course.status()).isEqualTo(415);

        assertThat(api.db.count("select count(*) from booking where name = 'Cross Site'")).isZero();
        assertThat(api.http.get("/api/courses/pine-valley").json().path("name").asText()).isEqualTo("Pine Valley");
        assertThat(api.http.send("POST", BOOKINGS, body, "Content-Type", "application/json; charset=utf-8").status())
                .isEqualTo(201);
        assertThat(api.http.send("POST", BOOKINGS, booking("2026-12-05T13:10:00-05:00", "Plus Json"),
                "Content-Type", "application/vnd.fairway+json").status()).isEqualTo(201);
    }

    @Test
    void a_method_override_header_changes_nothing() {
        String id = api.http.post(BOOKINGS, booking("2026-12-05T14:00:00-05:00", "Override")).json().path("id").asText();

        for (String header : new String[] {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"}) {
            Http.Answer answer = api.http.get("/api/bookings/" + id, header, "DELETE");
            assertThat(answer.status()).as(header).isEqualTo(200);
            assertThat(answer.json().path("status").asText()).as(header).isEqualTo("confirmed");
        }
        assertThat(api.db.rows("select status from booking where id = ?", id).getFirst().get("status"))
                .isEqualTo("confirmed");
    }

    @Test
    void made_up_methods_add_no_series_to_the_metrics() {
        int before = api.http.get("/metrics").body().length();
        for (int i = 0; i < 200; i++) {
            api.http.send("XQWE" + i, "/api/courses", null);
            api.http.send("GET", "/api/courses", null, "X-HTTP-Method-Override", "ZZTOP" + i);
        }

        String metrics = api.http.get("/metrics").body();
        assertThat(metrics).doesNotContain("XQWE", "ZZTOP");
        assertThat(metrics).contains("method=\"OTHER\"");
        assertThat(metrics.length() - before).as("growth of /metrics, in characters").isLessThan(20_000);
    }

    @Test
    void a_client_that_hangs_up_halfway_through_its_body_is_not_logged_as_an_error() throws Exception {
        List<ILoggingEvent> lines = logged(() -> {
            try (Socket socket = new Socket("localhost", api.service.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + BOOKINGS + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"start\": \"2026-").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(200);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
            return null;
        });

        assertThat(lines).as("log lines at WARN or above").noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
    }

    @Test
    void a_body_sent_a_byte_at_a_time_is_cut_off_at_the_request_deadline() throws Exception {
        long start = System.nanoTime();
        try (Socket socket = new Socket("localhost", api.service.port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST " + BOOKINGS + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 200\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            boolean closed = false;
            for (int i = 0; i < 200 && !closed; i++) {
                try {
                    out.write('{');
                    out.flush();
                } catch (java.io.IOException e) {
                    closed = true;
                }
                if (System.nanoTime() - start > Duration.ofSeconds(12).toNanos()) {
                    break;
                }
                if (!closed && in.available() > 0) {
                    closed = true; // an answer came
                }
                Thread.sleep(500);
            }
            assertThat(closed).as("the server ended the request").isTrue();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("held for")
                .isLessThan(dev.fairway.config.ResilienceSettings.REQUEST_DEADLINE.plusSeconds(2));
        assertThat(api.http.get("/health/live").status()).isEqualTo(200);
    }

    @Test
    void wrong_admin_tokens_are_logged_once_a_second_without_the_token() {
        List<ILoggingEvent> lines = logged(() -> {
            for (int i = 0; i < 100; i++) {
                assertThat(api.http.get(BOOKINGS + "?date=2026-12-05", "Authorization", "Bearer guess-" + i).status())
                        .isEqualTo(401);
            }
            return null;
        });

        List<String> warnings = lines.stream().filter(e -> e.getFormattedMessage().contains("wrong admin token"))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warnings).as("lines for 100 wrong tokens").isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(String.join("\n", warnings)).doesNotContain("guess-");
    }

    private static void assertField(Http.Answer answer, String field, String value) {
        assertThat(answer.status()).as(field + "=" + value + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.body()).as(field + "=" + value).contains("\"detail\":\"" + field + " ");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<ILoggingEvent> logged(Supplier<Void> action) {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(lines);
        try {
            action.get();
        } finally {
            root.detachAppender(lines);
        }
        return List.copyOf(lines.list);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
