package dev.fairway.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.support.Http;
import dev.fairway.support.SettableClock;
import dev.fairway.support.SignIns;
import dev.fairway.support.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The waitlist (Part 3) on two instances of one database and one clock: golfers join and leave,
 * and the room a cancellation frees is offered, by whichever instance's pass gets there, to the
 * first entry it fits, once; when the offer lapses, to the next. The offers come from the
 * instances' own scheduled passes, as in production (every {@link OfferWorker#PERIOD}).
 */
class WaitlistApiTest {

    static final Instant TUESDAY_NINE = OffsetDateTime.parse("2026-12-01T09:00:00-05:00").toInstant();
    static final String COURSE = """
            {"name": "Waiting Park", "timeZone": "America/New_York", "teeTimeIntervalMinutes": 10,
             "maxPlayersPerTeeTime": 4, "bookingWindowDays": 14, "waitlistOfferMinutes": 1,
             "weeklyHours": {"SATURDAY": [{"firstTeeTime": "07:00", "lastTeeTime": "08:00"}]}}
            """;
    static final Duration WITHIN = Duration.ofSeconds(60);
    static final SettableClock clock = new SettableClock(TUESDAY_NINE);
    static TestApi api;
    static TestApi other;
    static List<String> tokens = new ArrayList<>();

    @BeforeAll
    static void start() {
        api = TestApi.start(clock);
        other = api.beside(clock);
        for (int i = 1; i <= 5; i++) {
            tokens.add(SignIns.signIn(api, "golfer" + i + "@example.com"));
        }
    }

    @AfterAll
    static void stop() {
        other.close();
        api.close();
    }

    @BeforeEach
    void freshCourse() {
        clock.set(TUESDAY_NINE);
        for (String table : new String[] {"waitlist_entry", "hold", "idempotency_key", "booking", "block", "tee_time"}) {
            api.db.execute("delete from " + table);
        }
        api.db.execute("delete from email where kind <> 'sign-in'");
        Http.Answer put = api.putCourse("waiting-park", TestApi.object(COURSE));
        assertThat(put.status()).as(put.body()).isIn(200, 201);
    }

    static Http.Answer join(Http http, int golfer, String from, String until, int players) {
        return http.post("/api/courses/waiting-park/waitlist", "{\"date\": \"2026-12-05\", \"from\": \"" + from
                + "\", \"until\": \"" + until + "\", \"players\": " + players + "}", SignIns.bearer(tokens.get(golfer))
        );
    }

    static String book(int players) {
        Http.Answer booked = api.http.post("/api/courses/waiting-park/bookings", "{\"start\": \"2026-12-05T07:00:00-05:00\","
                + " \"players\": " + players + ", \"name\": \"Walk-in\", \"email\": \"walkin@example.com\"}");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().path("id").asText();
    }

    static JsonNode entry(String id) {
        for (JsonNode entry : api.http.get("/api/courses/waiting-park/waitlist?date=2026-12-05", TestApi.admin()).json()) {
            if (entry.path("id").asText().equals(id)) {
                return entry;
            }
        }
        throw new AssertionError("no entry " + id);
    }

    @Test
    void golfers_join_see_and_leave_their_entries_and_no_more_than_three_wait_at_once() {
        // The day is blocked: nothing is offered while the entries are counted.
        assertThat(api.http.post("/api/courses/waiting-park/blocks", "{\"start\": \"2026-12-05T06:00:00-05:00\", "
                + "\"end\": \"2026-12-05T09:00:00-05:00\", \"reason\": \"Aeration\"}", TestApi.admin()).status())
                .isEqualTo(201);
        Http.Answer anonymous = api.http.post("/api/courses/waiting-park/waitlist",
                "{\"date\": \"2026-12-05\", \"from\": \"07:00\", \"until\": \"08:00\", \"players\": 2}");
        Http.Answer backwards = join(api.http, 0, "08:00", "07:00", 2);
        Http.Answer past = api.http.post("/api/courses/waiting-park/waitlist", "{\"date\": \"2026-11-30\", "
                + "\"from\": \"07:00\", \"until\": \"08:00\", \"players\": 2}", SignIns.bearer(tokens.getFirst()));
        Http.Answer first = join(api.http, 0, "07:00", "08:00", 2);
        join(other.http, 0, "07:00", "07:30", 2);
        join(api.http, 0, "07:30", "08:00", 1);
        Http.Answer fourth = join(other.http, 0, "07:00", "08:00", 1);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).contains("/problems/sign-in-required");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("until");
        assertThat(past.status()).isEqualTo(400);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode entry = first.json();
        assertThat(entry.path("status").asText()).isEqualTo("waiting");
        assertThat(entry.path("from").asText()).isEqualTo("07:00");
        assertThat(entry.path("holes").asInt()).isEqualTo(18);
        assertThat(entry.has("holdId")).isFalse();
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.body()).contains("/problems/waitlist-limit");
        assertThat(api.http.get("/api/me/waitlist", SignIns.bearer(tokens.getFirst())).json()).hasSize(3);
        String id = entry.path("id").asText();
        assertThat(api.http.delete("/api/waitlist/" + id, SignIns.bearer(tokens.get(1))).status()).isEqualTo(403);
        assertThat(api.http.delete("/api/waitlist/" + id, SignIns.bearer(tokens.getFirst())).status()).isEqualTo(204);
        assertThat(api.http.get("/api/me/waitlist", SignIns.bearer(tokens.getFirst())).json()).hasSize(2);
        assertThat(join(api.http, 0, "07:00", "08:00", 1).status()).as("room for one more waiting").isEqualTo(201);
        assertThat(api.http.get("/api/courses/waiting-park/waitlist?date=2026-12-05").status()).isEqualTo(401);
    }

    @Test
    void five_waiting_one_cancellation_one_offer_to_the_first_and_the_next_when_it_lapses() {
        String cancelled = book(2);
        book(2);
        List<String> entries = new ArrayList<>();
        for (int golfer = 0; golfer < 5; golfer++) {
            Http.Answer joined = join(golfer % 2 == 0 ? api.http : other.http, golfer, "07:00", "07:10", 2);
            assertThat(joined.status()).as(joined.body()).isEqualTo(201);
            entries.add(joined.json().path("id").asText());
        }

        assertThat(api.http.delete("/api/bookings/" + cancelled).status()).isEqualTo(204);

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> entry(entries.getFirst()).path("status").asText().equals("offered"));
        JsonNode offered = entry(entries.getFirst());
        String firstHold = offered.path("holdId").asText();
        assertThat(entries.subList(1, 5)).allMatch(id -> entry(id).path("status").asText().equals("waiting"));
        assertThat(api.db.count("select count(*) from hold")).isEqualTo(1);
        assertThat(api.db.strings("select body_text from email where kind = 'offer' and recipient = ?",
                "golfer1@example.com")).singleElement().asString().contains("/?hold=" + firstHold);
        JsonNode hold = api.http.get("/api/holds/" + firstHold).json();
        assertThat(hold.path("status").asText()).isEqualTo("held");
        assertThat(hold.path("players").asInt()).isEqualTo(2);
        assertThat(OffsetDateTime.parse(hold.path("expiresAt").asText()).toInstant())
                .isEqualTo(TUESDAY_NINE.plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofSeconds(61));

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> entry(entries.get(1)).path("status").asText().equals("offered"));
        assertThat(entry(entries.getFirst()).path("status").asText()).isEqualTo("lapsed");
        assertThat(entries.subList(2, 5)).allMatch(id -> entry(id).path("status").asText().equals("waiting"));
        assertThat(api.db.count("select count(*) from hold where status = 'held'")).isEqualTo(1);
        assertThat(api.db.count("select count(*) from email where kind = 'offer'")).isEqualTo(2);
        String secondHold = entry(entries.get(1)).path("holdId").asText();
        Http.Answer confirmed = other.http.post("/api/holds/" + secondHold + "/confirm", "{}",
                SignIns.bearer(tokens.get(1)));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        assertThat(entry(entries.get(1)).path("status").asText()).isEqualTo("booked");
        assertThat(api.db.count("select booked + held from tee_time")).isEqualTo(4);
    }
}
