package dev.fairway.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.Service;
import dev.fairway.config.MailSettings;
import dev.fairway.config.CacheSettings;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.config.ResilienceSettings;
import dev.fairway.config.Secret;
import dev.fairway.config.Settings;
import dev.fairway.db.postgres.NotificationListener;
import dev.fairway.support.Db;
import dev.fairway.support.Http;
import dev.fairway.support.PgBouncer;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestPostgres;
import dev.fairway.support.TestService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database, each with its availability cache: what one books shows in the
 * other's availability at once while changes are heard through LISTEN/NOTIFY, and within the
 * cache TTL where they cannot be (behind a transaction pooler without DIRECT_URL).
 */
class CrossInstanceCacheTest {

    /** Every day 06:00-18:00 UTC, so any test date works. */
    static final String EVERY_DAY = """
            {"name": "Every Day", "timeZone": "UTC", "teeTimeIntervalMinutes": 10, "maxPlayersPerTeeTime": 4,
             "bookingWindowDays": 14, "minNoticeMinutes": 0, "cancellationCutoffMinutes": 0, "currency": "USD",
             "weeklyHours": {%s}, "dateOverrides": [],
             "rates": [{"name": "Standard", "from": "00:00", "until": "23:59", "pricePerPlayer": "50.00"}]}
            """.formatted(String.join(",", java.util.Arrays.stream(java.time.DayOfWeek.values())
            .map(day -> "\"" + day + "\": [{\"firstTeeTime\": \"06:00\", \"lastTeeTime\": \"18:00\"}]").toList()));
    static final Duration NOTIFY_WITHIN = Duration.ofMillis(200);
    static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    static final Instant NOON = DAY.atTime(12, 0).toInstant(ZoneOffset.UTC);

    static DatabaseUrl database;
    static Service a;
    static Service b;
    static Http onA;
    static Http onB;

    @BeforeAll
    static void start() {
        database = TestPostgres.newDatabase();
        a = TestService.startReady(database);
        b = TestService.startReady(database);
        onA = new Http(a.port());
        onB = new Http(b.port());
        await().atMost(Duration.ofSeconds(10)).until(() -> a.parts().listening() && b.parts().listening());
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    @Test
    void a_booking_on_one_instance_shows_in_the_others_cached_availability_within_200_ms() {
        String course = newCourse();
        assertThat(booked(onB, course, NOON).booked()).isZero();
        assertThat(booked(onB, course, NOON).stale()).isFalse();

        String booking = book(onA, course, NOON, 2);
        long acknowledged = System.nanoTime();

        await().atMost(NOTIFY_WITHIN).pollInterval(Duration.ofMillis(5)).pollInSameThread()
                .until(() -> booked(onB, course, NOON).booked() == 2);
        System.out.printf("booking on A visible on B after %d ms%n", (System.nanoTime() - acknowledged) / 1_000_000);

        assertThat(onA.delete("/api/bookings/" + booking).status()).isEqualTo(204);
        await().atMost(NOTIFY_WITHIN).pollInterval(Duration.ofMillis(5)).pollInSameThread()
                .until(() -> booked(onB, course, NOON).booked() == 0);
    }

    @Test
    void a_block_added_on_one_instance_shows_in_the_others_cached_availability_within_200_ms() {
        String course = newCourse();
        assertThat(status(onB, course, NOON)).isEqualTo("open");

        Http.Answer block = onA.post("/api/courses/" + course + "/blocks", Http.json(Map.of(
                "start", NOON.atOffset(ZoneOffset.UTC).toString(),
                "end", NOON.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC).toString())), TestApi.admin());
        assertThat(block.status()).as(block.body()).isEqualTo(201);

        await().atMost(NOTIFY_WITHIN).pollInterval(Duration.ofMillis(5)).pollInSameThread()
                .until(() -> status(onB, course, NOON).equals("blocked"));
    }

    @Test
    void the_lost_listen_connection_is_noticed_re_established_and_every_cached_day_flushed() {
        String course = newCourse();
        booked(onB, course, NOON);
        long flushes = b.parts().bookedCounts().flushes();
        Db db = new Db(database);
        long killed = db.count("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                + "where application_name = ? and datname = ?", NotificationListener.APPLICATION_NAME, database.database());
        assertThat(killed).as("listen connections of both instances").isEqualTo(2);

        await().atMost(Duration.ofSeconds(10)).until(() -> b.parts().bookedCounts().flushes() >= flushes + 2 && b.parts().listening());
        assertThat(db.count("select count(*) from pg_stat_activity where application_name = ? and datname = ?",
                NotificationListener.APPLICATION_NAME, database.database())).isEqualTo(2);

        await().atMost(Duration.ofSeconds(10)).until(() -> a.parts().listening());
        book(onA, course, NOON.plus(Duration.ofMinutes(10)), 3);
        await().atMost(NOTIFY_WITHIN).pollInterval(Duration.ofMillis(5)).pollInSameThread()
                .until(() -> booked(onB, course, NOON.plus(Duration.ofMinutes(10))).booked() == 3);
    }

    @Test
    void behind_a_transaction_pooler_without_direct_url_a_booking_shows_within_the_ttl_and_as_of_stays_true() {
        String course = newCourse();
        try (PgBouncer bouncer = PgBouncer.start("transaction", 5)) {
            DatabaseUrl pooled = DatabaseUrl.parse("postgresql://postgres@127.0.0.1:" + bouncer.port() + "/"
                    + database.database() + "?sslmode=disable&pgbouncer=true");
            Settings noDirectUrl = new Settings(Optional.of(pooled), Optional.empty(), 0, TestService.HTTP,
                    new Secret(TestService.ADMIN_TOKEN), false, Path.of("target", "unused-data-dir"),
                    ResilienceSettings.defaults(), CacheSettings.defaults(), MailSettings.defaults());
            try (Service pooledB = TestService.startReady(noDirectUrl, Clock.systemUTC())) {
                Http onPooledB = new Http(pooledB.port());
                assertThat(booked(onPooledB, course, NOON).booked()).isZero();

                book(onA, course, NOON, 1);
                Instant acknowledged = Instant.now();
                long since = System.nanoTime();

                Seen seen;
                do {
                    seen = booked(onPooledB, course, NOON);
                    if (seen.asOf().isAfter(acknowledged)) {
                        assertThat(seen.booked()).as("an answer as of after the booking includes it").isEqualTo(1);
                    }
                } while (seen.booked() == 0 && System.nanoTime() - since < Duration.ofSeconds(3).toNanos());
                Duration visibleAfter = Duration.ofNanos(System.nanoTime() - since);
                System.out.printf("without LISTEN, booking on A visible on B after %d ms%n", visibleAfter.toMillis());

                assertThat(pooledB.parts().listening()).isFalse();
                assertThat(seen.booked()).isEqualTo(1);
                assertThat(visibleAfter).isLessThanOrEqualTo(CacheSettings.TTL.plusMillis(250));
            }
        }
    }

    private static String newCourse() {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(onA.put("/api/courses/" + id, EVERY_DAY, TestApi.admin()).status()).isEqualTo(201);
        return id;
    }

    /** Books and returns the booking's id. */
    private static String book(Http http, String course, Instant start, int players) {
        Http.Answer answer = http.post("/api/courses/" + course + "/bookings", Http.json(Map.of(
                "start", start.atOffset(ZoneOffset.UTC).toString(), "players", players, "name", "Ann Smith")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asText();
    }

    private static Seen booked(Http http, String course, Instant start) {
        JsonNode json = availability(http, course);
        JsonNode teeTime = teeTime(json, start);
        return new Seen(teeTime.path("booked").asInt(), Instant.parse(json.path("asOf").asText()),
                json.path("stale").asBoolean());
    }

    private static String status(Http http, String course, Instant start) {
        return teeTime(availability(http, course), start).path("status").asText();
    }

    private static JsonNode availability(Http http, String course) {
        Http.Answer answer = http.get("/api/courses/" + course + "/availability?from=" + DAY);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode teeTime(JsonNode availability, Instant start) {
        for (JsonNode teeTime : availability.path("days").get(0).path("teeTimes")) {
            if (OffsetDateTime.parse(teeTime.path("start").asText()).toInstant().equals(start)) {
                return teeTime;
            }
        }
        throw new AssertionError("no tee time at " + start + " in " + availability);
    }

    /** What one availability answer said about one tee time. */
    record Seen(int booked, Instant asOf, boolean stale) {
    }
}
