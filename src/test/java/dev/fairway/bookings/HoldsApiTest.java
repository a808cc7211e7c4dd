package dev.fairway.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.support.Http;
import dev.fairway.support.Race;
import dev.fairway.support.SettableClock;
import dev.fairway.support.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Holds (Part 3) on the two-tee crossover course of {@link TwoTeesApiTest}, served by two instances
 * on one database and one clock, which the tests move: a hold keeps its spots on every slot of its
 * round, lapses at its end on every instance with no job, is confirmed into a booking of the same
 * spots, and counts toward the booker's limits. "Now" is Tuesday 2026-12-01 09:00 in New York.
 */
class HoldsApiTest {

    static final Instant TUESDAY_NINE = OffsetDateTime.parse("2026-12-01T09:00:00-05:00").toInstant();
    static final SettableClock clock = new SettableClock(TUESDAY_NINE);
    static TestApi api;
    static TestApi other;

    @BeforeAll
    static void start() {
        api = TestApi.start(clock);
        other = api.beside(clock);
    }

    @AfterAll
    static void stop() {
        other.close();
        api.close();
    }

    @BeforeEach
    void freshCourse() {
        clock.set(TUESDAY_NINE);
        for (String table : new String[] {"email", "idempotency_key", "waitlist_entry", "hold", "booking",
                "booking_group", "block", "tee_time"}) {
            api.db.execute("delete from " + table);
        }
        putCourse("\"holdMinutes\": 1,");
    }

    static void putCourse(String extra) {
        Http.Answer put = api.putCourse("crossover", TestApi.object(TwoTeesApiTest.CROSSOVER.replace("\"turnMinutes\": 120,",
                extra + " \"turnMinutes\": 120,")));
        assertThat(put.status()).as(put.body()).isIn(200, 201);
    }

    static String at(String time) {
        return TwoTeesApiTest.at(time);
    }

    static Http.Answer hold(Http http, String tee, String time, int players, String email) {
        return http.post("/api/courses/crossover/holds", "{\"start\": \"" + at(time) + "\", \"tee\": \"" + tee
                + "\", \"holes\": 18, \"players\": " + players + ", \"email\": \"" + email + "\"}");
    }

    static Http.Answer book(Http http, String tee, String time, int players, String email) {
        return http.post("/api/courses/crossover/bookings", "{\"start\": \"" + at(time) + "\", \"tee\": \"" + tee
                + "\", \"holes\": 18, \"players\": " + players + ", \"name\": \"Party\", \"email\": \"" + email + "\"}");
    }

    /** The 18-hole round from {@code tee} at {@code time} as {@code http}'s availability shows it. */
    static JsonNode teeTime(Http http, String tee, String time) {
        Http.Answer answer = http.get("/api/courses/crossover/availability?date=2026-12-05&players=1&holes=18&tee=" + tee);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        for (JsonNode teeTime : answer.json().path("days").path(0).path("teeTimes")) {
            if (teeTime.path("start").asText().equals(at(time))) {
                return teeTime;
            }
        }
        throw new AssertionError("no tee time " + tee + " " + time + " in " + answer.body());
    }

    static JsonNode sheetSlot(String tee, String time) {
        Http.Answer sheet = other.http.get("/api/courses/crossover/sheet?date=2026-12-05", TestApi.admin());
        assertThat(sheet.status()).as(sheet.body()).isEqualTo(200);
        for (JsonNode slot : sheet.json().path("slots")) {
            if (slot.path("tee").asText().equals(tee) && slot.path("start").asText().equals(at(time))) {
                return slot;
            }
        }
        throw new AssertionError("no slot " + tee + " " + time);
    }

    @Test
    void a_hold_keeps_its_spots_on_the_start_and_the_turn_until_it_is_released() {
        Http.Answer held = hold(api.http, "1", "07:00", 3, "ann@example.com");

        assertThat(held.status()).as(held.body()).isEqualTo(201);
        JsonNode hold = held.json();
        assertThat(hold.path("status").asText()).isEqualTo("held");
        assertThat(hold.path("players").asInt()).isEqualTo(3);
        assertThat(hold.path("turn").path("tee").asText()).isEqualTo("10");
        assertThat(OffsetDateTime.parse(hold.path("expiresAt").asText()).toInstant())
                .isEqualTo(TUESDAY_NINE.plus(Duration.ofMinutes(1)));
        assertThat(held.header("Location")).isEqualTo("/api/holds/" + hold.path("id").asText());
        JsonNode start = teeTime(other.http, "1", "07:00");
        assertThat(start.path("held").asInt()).isEqualTo(3);
        assertThat(start.path("booked").asInt()).isZero();
        assertThat(start.path("available").asInt()).isEqualTo(1);
        assertThat(teeTime(other.http, "10", "07:00").path("turn").path("available").asInt())
                .as("the 10th's 07:00 round turns onto the 1st at 09:00, which no hold takes").isEqualTo(4);
        assertThat(book(other.http, "1", "07:00", 2, "bob@example.com").body()).contains("/problems/full");
        JsonNode slot = sheetSlot("1", "07:00");
        assertThat(slot.path("held").asInt()).isEqualTo(3);
        assertThat(slot.path("available").asInt()).isEqualTo(1);
        assertThat(slot.path("parties").get(0).path("kind").asText()).isEqualTo("hold");
        assertThat(slot.path("parties").get(0).path("name").asText()).isEqualTo("ann@example.com");
        assertThat(slot.path("parties").get(0).path("expiresAt").asText()).isEqualTo(hold.path("expiresAt").asText());
        assertThat(sheetSlot("10", "09:00").path("parties").get(0).path("turn").asBoolean()).isTrue();

        assertThat(api.http.delete("/api/holds/" + hold.path("id").asText()).status()).isEqualTo(204);

        assertThat(teeTime(other.http, "1", "07:00").path("available").asInt()).isEqualTo(4);
        assertThat(api.http.get("/api/holds/" + hold.path("id").asText()).json().path("status").asText())
                .isEqualTo("released");
        assertThat(api.db.count("select held from tee_time where tee = '1'")).isZero();
    }

    @Test
    void a_one_minute_hold_is_free_on_another_instance_a_second_after_it_ends_and_cannot_be_confirmed_then() {
        String id = hold(api.http, "1", "07:00", 4, "ann@example.com").json().path("id").asText();
        assertThat(teeTime(other.http, "1", "07:00").path("available").asInt()).as("read, and kept in memory").isZero();
        assertThat(book(other.http, "1", "07:00", 1, "bob@example.com").body()).contains("/problems/full");

        clock.advance(Duration.ofSeconds(61));

        assertThat(sheetSlot("1", "07:00").path("held").asInt()).as("the staff's sheet counts live holds only").isZero();
        assertThat(sheetSlot("1", "07:00").path("parties")).isEmpty();
        JsonNode lapsed = teeTime(other.http, "1", "07:00");
        assertThat(lapsed.path("held").asInt()).isZero();
        assertThat(lapsed.path("available").asInt()).isEqualTo(4);
        assertThat(api.http.get("/api/holds/" + id).json().path("status").asText()).isEqualTo("expired");
        Http.Answer confirm = api.http.post("/api/holds/" + id + "/confirm", "{\"name\": \"Ann\"}");
        assertThat(confirm.status()).as(confirm.body()).isEqualTo(410);
        assertThat(confirm.body()).contains("/problems/hold-expired");
        Http.Answer booked = book(other.http, "1", "07:00", 4, "bob@example.com");
        assertThat(booked.status()).as("the lapsed hold's spots are taken by a booking: " + booked.body()).isEqualTo(201);
        assertThat(api.db.rows("select booked, held from tee_time where tee = '1' and booked > 0"))
                .containsExactly(java.util.Map.of("booked", 4, "held", 0));
        assertThat(api.db.count("select count(*) from hold where status = 'expired'")).isEqualTo(1);
        assertThat(api.http.post("/api/holds/" + id + "/confirm", "{\"name\": \"Ann\"}").status()).isEqualTo(410);
    }

    @Test
    void a_confirmed_hold_is_a_booking_of_its_spots_once_however_often_it_is_confirmed() {
        String id = hold(api.http, "1", "07:00", 2, "ann@example.com").json().path("id").asText();
        assertThat(book(other.http, "1", "07:00", 2, "bob@example.com").status()).isEqualTo(201);

        Http.Answer confirmed = other.http.post("/api/holds/" + id + "/confirm", "{\"name\": \"Ann Smith\"}",
                "Idempotency-Key", "confirm-1");
        Http.Answer again = api.http.post("/api/holds/" + id + "/confirm", "{\"name\": \"Ann Smith\"}");

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        JsonNode booking = confirmed.json();
        assertThat(booking.path("players").asInt()).isEqualTo(2);
        assertThat(booking.path("email").asText()).isEqualTo("ann@example.com");
        assertThat(booking.path("turn").path("tee").asText()).isEqualTo("10");
        assertThat(booking.path("pricePerPlayer").asText()).isEqualTo("60.00");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asText()).isEqualTo(booking.path("id").asText());
        assertThat(api.http.get("/api/holds/" + id).json().path("status").asText()).isEqualTo("confirmed");
        assertThat(api.db.count("select count(*) from tee_time where booked = 4 and held = 0")).as("start and turn")
                .isEqualTo(2);
        assertThat(api.db.count("select count(*) from email where kind = 'confirmation' and booking_id = '"
                + booking.path("id").asText() + "'")).isEqualTo(1);
        clock.advance(Duration.ofMinutes(5));
        assertThat(api.http.post("/api/holds/" + id + "/confirm", "{\"name\": \"Ann Smith\"}").status())
                .as("confirmed before its end: still the booking after it").isEqualTo(200);
    }

    @Test
    void a_booker_holds_one_tee_time_at_a_time_and_a_hold_counts_toward_the_limits() {
        Http.Answer put = api.putCourse("crossover", TestApi.object(TwoTeesApiTest.CROSSOVER.replace(
                "\"bookingClasses\": [{\"name\": \"member\", \"bookingWindowDays\": 14}]",
                "\"holdMinutes\": 10, \"bookingClasses\": [{\"name\": \"member\", \"bookingWindowDays\": 14}, "
                        + "{\"name\": \"public\", \"bookingWindowDays\": 14, \"maxOpenBookings\": 1}]")));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        Http.Answer first = hold(api.http, "1", "07:00", 2, "ann@example.com");
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        Http.Answer second = hold(other.http, "1", "07:10", 2, "ANN@example.com");
        Http.Answer booking = book(other.http, "1", "07:10", 2, "ann@example.com");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).contains("/problems/hold-limit");
        assertThat(booking.status()).isEqualTo(409);
        assertThat(booking.body()).contains("/problems/limit-reached");
        clock.advance(Duration.ofMinutes(10));
        assertThat(book(other.http, "1", "07:10", 2, "ann@example.com").status())
                .as("the lapsed hold no longer counts").isEqualTo(201);
    }

    @Test
    void a_hold_is_refused_as_a_booking_would_be() {
        Http.Answer anonymous = api.http.post("/api/courses/crossover/holds",
                "{\"start\": \"" + at("07:00") + "\", \"players\": 2}");
        Http.Answer notATeeTime = hold(api.http, "1", "07:05", 2, "ann@example.com");
        Http.Answer tooMany = hold(api.http, "1", "07:00", 5, "ann@example.com");

        assertThat(anonymous.status()).isEqualTo(400);
        assertThat(anonymous.body()).contains("email");
        assertThat(notATeeTime.status()).isEqualTo(422);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(api.http.get("/api/holds/nothing-here").status()).isEqualTo(404);
        assertThat(api.http.post("/api/holds/nothing-here-at-all-xxxxxx/confirm", "{\"name\": \"A\"}").status())
                .isEqualTo(404);
        assertThat(api.db.count("select count(*) from hold")).isZero();
    }

    @Test
    void fifty_holds_and_bookings_on_two_instances_never_put_more_on_a_slot_than_it_holds() throws Exception {
        assertThat(book(api.http, "1", "07:00", 1, "first@example.com").status()).isEqualTo(201);

        List<Http.Answer> answers = Race.of(50, i -> i % 2 == 0
                ? hold(i % 4 == 0 ? api.http : other.http, "1", "07:00", 1 + i % 2, "holder" + i + "@example.com")
                : book(i % 4 == 1 ? api.http : other.http, "1", "07:00", 1 + i % 3, "booker" + i + "@example.com"));

        assertThat(answers).extracting(Http.Answer::status).containsOnly(201, 409);
        assertThat(answers.stream().filter(a -> a.status() == 201)).isNotEmpty();
        long players = answers.stream().filter(a -> a.status() == 201).mapToLong(a -> a.json().path("players").asLong())
                .sum();
        assertThat(players).as("the three spots left").isLessThanOrEqualTo(3);
        for (java.util.Map<String, Object> slot : api.db.rows("select booked, held, capacity from tee_time")) {
            assertThat(((Number) slot.get("booked")).intValue() + ((Number) slot.get("held")).intValue())
                    .as("%s", slot).isLessThanOrEqualTo(4);
        }
        assertThat(api.db.count("select coalesce(sum(players), 0) from booking where tee = '1'")
                + api.db.count("select coalesce(sum(players), 0) from hold where tee = '1' and status = 'held'"))
                .isEqualTo(api.db.count("select booked + held from tee_time where tee = '1'"));
    }
}
