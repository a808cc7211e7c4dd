package dev.fairway.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdempotencyTest {

    static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.startWithPineValley();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static String body(String start, int players, String name) {
        return "{\"start\": \"" + start + "\", \"players\": " + players + ", \"name\": \"" + name + "\"}";
    }

    static Http.Answer post(String body, String key) {
        return api.http.post("/api/courses/pine-valley/bookings", body, "Idempotency-Key", key);
    }

    @Test
    void a_repeat_gets_the_first_answer_byte_for_byte_and_books_nothing_more() {
        String key = UUID.randomUUID().toString();
        Http.Answer first = post(body("2026-12-05T08:00:00-05:00", 2, "Ann"), key);
        // the same request, written with another offset and field order
        Http.Answer repeat = post("{\"name\": \"Ann\", \"players\": 2, \"start\": \"2026-12-05T13:00:00Z\"}", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(api.db.count("select count(*) from booking where starts_at = '2026-12-05T08:00:00-05:00'")).isEqualTo(1);
        assertThat(api.db.count("select booked from tee_time where starts_at = '2026-12-05T08:00:00-05:00'")).isEqualTo(2);
    }

    @Test
    void a_repeat_gets_the_first_answer_even_after_the_booking_was_cancelled() {
        String key = UUID.randomUUID().toString();
        Http.Answer first = post(body("2026-12-05T08:10:00-05:00", 1, "Ann"), key);
        api.http.delete(first.header("Location"));

        Http.Answer repeat = post(body("2026-12-05T08:10:00-05:00", 1, "Ann"), key);

        assertThat(repeat.body()).isEqualTo(first.body()).contains("\"confirmed\"");
        assertThat(api.db.count("select count(*) from booking where starts_at = '2026-12-05T08:10:00-05:00'")).isEqualTo(1);
    }

    @Test
    void a_refusal_is_replayed_too() {
        api.http.post("/api/courses/pine-valley/bookings", body("2026-12-05T08:20:00-05:00", 4, "Other"));
        String key = UUID.randomUUID().toString();

        Http.Answer first = post(body("2026-12-05T08:20:00-05:00", 1, "Ann"), key);
        Http.Answer repeat = post(body("2026-12-05T08:20:00-05:00", 1, "Ann"), key);

        assertThat(first.status()).isEqualTo(409);
        assertThat(repeat.status()).isEqualTo(409);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.contentType()).startsWith("application/problem+json");
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void the_same_key_with_a_different_request_is_refused_with_422() {
        String key = UUID.randomUUID().toString();
        assertThat(post(body("2026-12-05T08:30:00-05:00", 1, "Ann"), key).status()).isEqualTo(201);

        for (String other : new String[] {body("2026-12-05T08:30:00-05:00", 2, "Ann"),
                body("2026-12-05T08:40:00-05:00", 1, "Ann"), body("2026-12-05T08:30:00-05:00", 1, "Anne")}) {
            Http.Answer answer = post(other, key);
            assertThat(answer.status()).isEqualTo(422);
            assertThat(BookingApiTest.slug(answer)).isEqualTo("idempotency-key-reused");
        }
        assertThat(api.db.count("select count(*) from booking where name like 'Ann%' and starts_at in "
                + "('2026-12-05T08:30:00-05:00', '2026-12-05T08:40:00-05:00')")).isEqualTo(1);
    }

    @Test
    void fifty_concurrent_requests_with_one_key_make_one_booking() throws Exception {
        String key = UUID.randomUUID().toString();
        String request = body("2026-12-05T09:00:00-05:00", 1, "Concurrent");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Answer>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                answers.add(clients.submit(() -> {
                    go.await();
                    return post(request, key);
                }));
            }
            go.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        String bookingBody = null;
        for (Future<Http.Answer> answer : answers) {
            Http.Answer a = answer.get();
            statuses.add(a.status());
            if (a.status() == 201) {
                assertThat(bookingBody == null || bookingBody.equals(a.body())).as("every 201 is the same answer").isTrue();
                bookingBody = a.body();
            } else {
                assertThat(BookingApiTest.slug(a)).isEqualTo("request-in-progress");
            }
        }
        assertThat(statuses).containsOnly(201, 409).contains(201);
        assertThat(api.db.count("select count(*) from booking where name = 'Concurrent'")).isEqualTo(1);
        assertThat(api.db.count("select booked from tee_time where starts_at = '2026-12-05T09:00:00-05:00'")).isEqualTo(1);
    }

    @Test
    void keys_older_than_the_retention_are_cleaned_up_and_younger_ones_kept() {
        api.db.execute("insert into idempotency_key (key_hash, fingerprint, response_status, response_body, created_at) "
                + "values (sha256('old'), sha256('a'), 409, '{}', now() - interval '26 hours'), "
                + "(sha256('young'), sha256('a'), 409, '{}', now() - interval '23 hours')");

        int deleted = new IdempotencyCleanup(api.service.parts().database(), Clock.systemUTC()).run();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(api.db.count("select count(*) from idempotency_key where key_hash = sha256('old')")).isZero();
        assertThat(api.db.count("select count(*) from idempotency_key where key_hash = sha256('young')")).isEqualTo(1);
    }
}
