package dev.fairway.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.Service;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.support.Db;
import dev.fairway.support.Http;
import dev.fairway.support.TcpProxy;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestPostgres;
import dev.fairway.support.TestService;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The answer to a COMMIT is lost: a proxy between the service and PostgreSQL lets the COMMIT
 * through, lets the server execute it, and cuts the connection before the answer gets back.
 */
class LostCommitTest {

    static TcpProxy proxy;
    static Service service;
    static Http http;
    static Db db;

    @BeforeAll
    static void start() {
        DatabaseUrl database = TestPostgres.newDatabase();
        proxy = TcpProxy.to(TestPostgres.port());
        service = TestService.startReady(TestPostgres.url(proxy.port(), database.database()), TestApi.EXAMPLE_CLOCK);
        http = new Http(service.port());
        http.put("/api/courses/pine-valley", TestApi.PINE_VALLEY, TestApi.admin());
        http.get("/api/courses/pine-valley"); // cached: the only transactions left are the bookings'
        db = new Db(database);
    }

    @AfterEach
    void heal() {
        proxy.heal();
        // A test that lost every answer may have opened the circuit breaker: let it close first.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> http.get("/health/ready").status() == 200);
    }

    @AfterAll
    static void stop() {
        service.close();
        proxy.close();
    }

    static Http.Answer book(String start, String name, String... headers) {
        return http.post("/api/courses/pine-valley/bookings",
                "{\"start\": \"" + start + "\", \"players\": 1, \"name\": \"" + name + "\"}", headers);
    }

    @Test
    void the_service_finds_the_booking_its_lost_commit_made_instead_of_booking_again() {
        int droppedBefore = proxy.droppedAnswers();
        // Without a key a booking is one autocommit statement: it commits as it completes.
        proxy.dropAnswersAfter(TcpProxy.containing("insert into booking"), 1);

        Http.Answer answer = book("2026-12-05T12:00:00-05:00", "Lost commit");

        assertThat(proxy.droppedAnswers()).as("the fault happened").isEqualTo(droppedBefore + 1);
        assertThat(answer.status()).isEqualTo(201);
        assertThat(db.count("select count(*) from booking where name = 'Lost commit'")).isEqualTo(1);
        assertThat(answer.json().path("id").asText()).isEqualTo(
                db.rows("select id from booking where name = 'Lost commit'").getFirst().get("id"));
        assertThat(db.count("select booked from tee_time where starts_at = '2026-12-05T12:00:00-05:00'")).isEqualTo(1);
    }

    @Test
    void with_an_idempotency_key_the_lost_commit_is_found_through_the_key() {
        int droppedBefore = proxy.droppedAnswers();
        proxy.dropAfterNextCommits(1);

        Http.Answer answer = book("2026-12-05T12:10:00-05:00", "Lost keyed commit", "Idempotency-Key", UUID.randomUUID().toString());

        assertThat(proxy.droppedAnswers()).as("the fault happened").isEqualTo(droppedBefore + 1);
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Idempotent-Replayed")).as("the client's first answer is no replay").isNull();
        assertThat(db.count("select count(*) from booking where name = 'Lost keyed commit'")).isEqualTo(1);
    }

    @Test
    void a_keyed_retry_waits_for_its_first_run_whose_commit_is_still_on_its_way() {
        // The first run's COMMIT is held back on its way to the server while the service, cut
        // off, retries: the retry must wait for the first run's key lock and find its booking,
        // not race it to the same booking id (which answered 500 with a booking_pkey violation).
        int heldBefore = proxy.heldCommits();
        proxy.holdNextCommit(java.time.Duration.ofMillis(500));

        Http.Answer answer = book("2026-12-05T12:40:00-05:00", "Held commit", "Idempotency-Key", UUID.randomUUID().toString());

        assertThat(proxy.heldCommits()).as("the COMMIT was held back, then delivered").isEqualTo(heldBefore + 1);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.header("Idempotent-Replayed")).as("the client's first answer is no replay").isNull();
        assertThat(db.count("select count(*) from booking where name = 'Held commit'")).isEqualTo(1);
        assertThat(db.count("select booked from tee_time where starts_at = '2026-12-05T12:40:00-05:00'")).isEqualTo(1);
    }

    @Test
    void when_every_answer_is_lost_the_client_gets_503_and_its_retry_with_the_same_key_books_once() {
        String key = UUID.randomUUID().toString();
        int droppedBefore = proxy.droppedAnswers();
        proxy.dropAfterNextCommits(100);

        Http.Answer unavailable = book("2026-12-05T12:20:00-05:00", "Client retry", "Idempotency-Key", key);

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.header("Retry-After")).isNotNull();
        assertThat(BookingApiTest.slug(unavailable)).isEqualTo("database-unavailable");
        assertThat(proxy.droppedAnswers() - droppedBefore).as("every attempt's answer was lost").isGreaterThanOrEqualTo(2);
        proxy.heal();

        Http.Answer retried = book("2026-12-05T12:20:00-05:00", "Client retry", "Idempotency-Key", key);

        assertThat(retried.status()).isEqualTo(201);
        assertThat(db.count("select count(*) from booking where name = 'Client retry'")).isEqualTo(1);
        assertThat(db.count("select booked from tee_time where starts_at = '2026-12-05T12:20:00-05:00'")).isEqualTo(1);
    }

    @Test
    void a_cancel_whose_commit_answer_is_lost_is_found_cancelled_and_frees_the_spots_once() {
        Http.Answer booked = book("2026-12-05T12:30:00-05:00", "Cancel lost");
        String id = booked.json().path("id").asText();
        int droppedBefore = proxy.droppedAnswers();
        proxy.dropAfterNextCommits(1);

        assertThat(http.delete("/api/bookings/" + id).status()).isEqualTo(204);

        assertThat(proxy.droppedAnswers()).as("the fault happened").isEqualTo(droppedBefore + 1);
        assertThat(db.rows("select status from booking where id = ?", id).getFirst().get("status")).isEqualTo("cancelled");
        assertThat(db.count("select booked from tee_time where starts_at = '2026-12-05T12:30:00-05:00'")).isZero();
    }
}
