package dev.fairway.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.support.Http;
import dev.fairway.support.SettableClock;
import dev.fairway.support.TestApi;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staff's day (Part 3) on the two-tee crossover course of {@link TwoTeesApiTest}, with a
 * no-show policy of 2 strikes in 90 days suspending for 30: the sheet, moves and changes of size
 * on the slot model, check-in, no-shows and the suspension. "Now" is Tuesday 2026-12-01 09:00 in
 * New York unless a test moves it to the Saturday.
 */
class StaffDayApiTest {

    static final Instant TUESDAY_NINE = OffsetDateTime.parse("2026-12-01T09:00:00-05:00").toInstant();
    static final Instant SATURDAY_NOON = OffsetDateTime.parse("2026-12-05T12:00:00-05:00").toInstant();
    static final SettableClock clock = new SettableClock(TUESDAY_NINE);
    static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start(clock);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void freshCourse() {
        clock.set(TUESDAY_NINE);
        for (String table : new String[] {"email", "idempotency_key", "booking", "booking_group", "block", "tee_time"}) {
            api.db.execute("delete from " + table);
        }
        String course = TwoTeesApiTest.CROSSOVER.replace("\"turnMinutes\": 120,",
                "\"noShowPolicy\": {\"strikes\": 2, \"withinDays\": 90, \"suspendDays\": 30}, \"turnMinutes\": 120,");
        Http.Answer put = api.putCourse("crossover", TestApi.object(course));
        assertThat(put.status()).as(put.body()).isIn(200, 201);
    }

    static String at(String time) {
        return TwoTeesApiTest.at(time);
    }

    static String book(String tee, String time, int holes, int players, String email) {
        Http.Answer booked = api.http.post("/api/courses/crossover/bookings", "{\"start\": \"" + at(time) + "\", \"tee\": \""
                + tee + "\", \"holes\": " + holes + ", \"players\": " + players + ", \"name\": \"Party " + time + "\""
                + (email == null ? "" : ", \"email\": \"" + email + "\"") + "}");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().path("id").asText();
    }

    static Http.Answer change(String id, String body) {
        return api.http.send("PATCH", "/api/bookings/" + id, body, "Authorization", TestApi.admin()[1],
                "Content-Type", "application/json");
    }

    static JsonNode sheet() {
        Http.Answer answer = api.http.get("/api/courses/crossover/sheet?date=2026-12-05", TestApi.admin());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static JsonNode slot(JsonNode sheet, String tee, String time) {
        for (JsonNode slot : sheet.path("slots")) {
            if (slot.path("tee").asText().equals(tee) && slot.path("start").asText().equals(at(time))) {
                return slot;
            }
        }
        throw new AssertionError("no slot " + tee + " " + time);
    }

    /** Players held on a slot, as the database counts them. */
    static long held(String tee, String time) {
        return api.db.count("select coalesce(sum(booked), 0) from tee_time where course_id = 'crossover' and tee = '"
                + tee + "' and starts_at = '" + at(time) + "'");
    }

    static String slug(Http.Answer answer) {
        return TwoTeesApiTest.slug(answer);
    }

    @Test
    void the_sheet_has_every_slot_of_both_tees_with_who_starts_and_who_turns_there_and_answers_304_while_unchanged() {
        String turner = book("10", "07:00", 18, 3, null);
        api.http.post("/api/courses/crossover/blocks", "{\"start\": \"" + at("10:00") + "\", \"end\": \"" + at("10:30")
                + "\", \"tees\": [\"10\"], \"reason\": \"Clinic\"}", TestApi.admin());

        Http.Answer first = api.http.get("/api/courses/crossover/sheet?date=2026-12-05", TestApi.admin());
        JsonNode sheet = first.json();

        assertThat(sheet.path("tees").toString()).isEqualTo("[\"1\",\"10\"]");
        assertThat(sheet.path("slots")).as("31 tee times on each tee, the 10th's turn-only ones too").hasSize(62);
        assertThat(sheet.path("slots").get(0).path("tee").asText()).isEqualTo("1");
        assertThat(sheet.path("slots").get(1).path("tee").asText()).isEqualTo("10");
        JsonNode start = slot(sheet, "10", "07:00");
        assertThat(start.path("booked").asInt()).isEqualTo(3);
        assertThat(start.path("available").asInt()).isEqualTo(1);
        assertThat(start.path("parties").get(0).path("id").asText()).isEqualTo(turner);
        assertThat(start.path("parties").get(0).path("turn").asBoolean()).isFalse();
        JsonNode turn = slot(sheet, "1", "09:00");
        assertThat(turn.path("parties").get(0).path("id").asText()).isEqualTo(turner);
        assertThat(turn.path("parties").get(0).path("turn").asBoolean()).isTrue();
        assertThat(turn.path("capacity").asInt()).isEqualTo(4);
        assertThat(slot(sheet, "10", "10:10").path("block").path("reason").asText()).isEqualTo("Clinic");
        assertThat(slot(sheet, "1", "10:10").path("block").isNull()).isTrue();
        assertThat(slot(sheet, "10", "10:50").path("parties")).as("a turn-only slot, empty").isEmpty();

        String etag = first.header("ETag");
        assertThat(api.http.get("/api/courses/crossover/sheet?date=2026-12-05", "Authorization", TestApi.admin()[1],
                "If-None-Match", etag).status()).isEqualTo(304);
        book("1", "07:00", 9, 1, null);
        assertThat(api.http.get("/api/courses/crossover/sheet?date=2026-12-05", "Authorization", TestApi.admin()[1],
                "If-None-Match", etag).status()).as("changed since").isEqualTo(200);
        assertThat(api.http.get("/api/courses/crossover/sheet?date=2026-12-05").status()).isEqualTo(401);
    }

    @Test
    void a_move_takes_the_new_slots_and_gives_back_the_old_keeping_the_id_and_a_full_slot_refuses_it_whole() {
        String id = book("1", "07:00", 18, 2, null);
        book("1", "07:40", 9, 3, null);

        Http.Answer moved = change(id, "{\"start\": \"" + at("07:30") + "\"}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("id").asText()).isEqualTo(id);
        assertThat(moved.json().path("start").asText()).isEqualTo(at("07:30"));
        assertThat(moved.json().path("turn").path("start").asText()).isEqualTo(at("09:30"));
        assertThat(held("1", "07:00") + held("10", "09:00")).as("the old slots given back").isZero();
        assertThat(held("1", "07:30")).isEqualTo(2);
        assertThat(held("10", "09:30")).isEqualTo(2);

        Http.Answer full = change(id, "{\"start\": \"" + at("07:40") + "\"}");

        assertThat(full.status()).isEqualTo(409);
        assertThat(slug(full)).isEqualTo("full");
        assertThat(full.json().path("slot").path("start").asText()).isEqualTo(at("07:40"));
        assertThat(full.json().path("detail").asText()).contains("only 1 spot");
        assertThat(held("1", "07:30") + held("10", "09:30")).as("nothing changed").isEqualTo(4);
        assertThat(held("1", "07:40")).isEqualTo(3);

        Http.Answer bigger = change(id, "{\"players\": 4, \"tee\": \"10\", \"start\": \"" + at("07:30") + "\"}");
        assertThat(bigger.status()).as(bigger.body()).isEqualTo(200);
        assertThat(held("10", "07:30")).isEqualTo(4);
        assertThat(held("1", "09:30")).as("its new turn").isEqualTo(4);
        assertThat(held("1", "07:30") + held("10", "09:30")).isZero();
    }

    @Test
    void a_move_of_an_eighteen_hole_round_whose_new_turn_is_full_changes_nothing() {
        book("10", "08:20", 9, 4, null); // the 10th at 08:20 full: the turn of a 06:20 start on the 1st
        String id = book("1", "06:00", 18, 2, null);

        Http.Answer refused = change(id, "{\"start\": \"" + at("06:20") + "\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(slug(refused)).isEqualTo("full");
        assertThat(refused.json().path("slot").path("tee").asText()).isEqualTo("10");
        assertThat(refused.json().path("slot").path("turn").asBoolean()).isTrue();
        assertThat(held("1", "06:00")).isEqualTo(2);
        assertThat(held("10", "08:00")).isEqualTo(2);
        assertThat(held("1", "06:20")).as("its new start untouched").isZero();
        assertThat(api.http.get("/api/bookings/" + id).json().path("start").asText()).isEqualTo(at("06:00"));
        assertThat(slug(change(id, "{\"start\": \"" + at("10:20") + "\"}"))).isEqualTo("no-turn");
        assertThat(slug(change(id, "{\"start\": \"" + at("08:40") + "\", \"tee\": \"10\"}")))
                .as("the 10th takes no starts then").isEqualTo("not-a-tee-time");
        assertThat(change(id, "{\"start\": \"" + at("10:20") + "\", \"holes\": 9}").status()).as("9 holes do not turn")
                .isEqualTo(200);
        assertThat(held("1", "06:00") + held("10", "08:00")).isZero();
        assertThat(held("1", "10:20")).isEqualTo(2);
    }

    @Test
    void a_no_show_is_marked_only_once_the_tee_time_has_started_and_a_check_in_only_on_its_day() {
        String id = book("1", "07:00", 18, 2, null);

        Http.Answer early = change(id, "{\"status\": \"no-show\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(slug(early)).isEqualTo("not-started");
        assertThat(slug(change(id, "{\"status\": \"checked-in\"}"))).isEqualTo("not-today");

        clock.set(OffsetDateTime.parse("2026-12-05T06:50:00-05:00").toInstant());
        Http.Answer checkedIn = change(id, "{\"status\": \"checked-in\", \"notes\": \"Paid cash\"}");
        assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
        assertThat(checkedIn.json().path("status").asText()).isEqualTo("checked-in");
        assertThat(checkedIn.json().path("notes").asText()).isEqualTo("Paid cash");
        assertThat(api.http.get("/api/bookings/" + id).json().has("notes")).as("notes are the staff's").isFalse();
        assertThat(slot(sheet(), "1", "07:00").path("parties").get(0).path("status").asText()).isEqualTo("checked-in");
        assertThat(held("1", "07:00")).as("still holds its spots").isEqualTo(2);

        clock.set(SATURDAY_NOON);
        assertThat(change(id, "{\"status\": \"no-show\"}").json().path("status").asText()).isEqualTo("no-show");
        assertThat(change(id, "{\"status\": \"confirmed\", \"notes\": null}").json().path("status").asText())
                .as("undone").isEqualTo("confirmed");
        assertThat(api.http.get("/api/bookings/" + id).json().path("status").asText()).isEqualTo("confirmed");
        assertThat(held("1", "07:00")).isEqualTo(2);
    }

    @Test
    void a_second_no_show_suspends_the_golfer_until_thirty_days_after_the_latest_and_the_staff_still_book_them() {
        String first = book("1", "07:00", 9, 1, "bob@example.com");
        String second = book("1", "07:10", 9, 1, "Bob@Example.com");
        clock.set(SATURDAY_NOON);
        assertThat(change(first, "{\"status\": \"no-show\"}").status()).isEqualTo(200);
        Http.Answer stillFine = api.http.post("/api/courses/crossover/bookings", "{\"start\": \"2026-12-12T07:00:00-05:00\", "
                + "\"holes\": 9, \"players\": 1, \"name\": \"Bob\", \"email\": \"bob@example.com\"}");
        assertThat(stillFine.status()).as("one no-show: no suspension yet").isEqualTo(201);

        assertThat(change(second, "{\"status\": \"no-show\"}").status()).isEqualTo(200);
        Http.Answer suspended = api.http.post("/api/courses/crossover/bookings", "{\"start\": \"2026-12-12T07:10:00-05:00\", "
                + "\"holes\": 9, \"players\": 1, \"name\": \"Bob\", \"email\": \"bob@example.com\"}");

        assertThat(suspended.status()).isEqualTo(409);
        assertThat(slug(suspended)).isEqualTo("suspended");
        assertThat(suspended.json().path("until").asText()).as("the latest no-show + 30 days")
                .isEqualTo("2027-01-04T07:10:00-05:00");
        assertThat(api.http.post("/api/courses/crossover/groups", "{\"start\": \"2026-12-12T08:00:00-05:00\", \"holes\": 9, "
                + "\"players\": 6, \"name\": \"Bob\", \"email\": \"bob@example.com\"}").json().path("type").asText())
                .endsWith("/suspended");
        Http.Answer byStaff = api.http.post("/api/courses/crossover/bookings", "{\"start\": \"2026-12-12T07:10:00-05:00\", "
                + "\"holes\": 9, \"players\": 1, \"name\": \"Bob\", \"email\": \"bob@example.com\"}", TestApi.admin());
        assertThat(byStaff.status()).as(byStaff.body()).isEqualTo(201);
        clock.set(OffsetDateTime.parse("2027-01-04T07:10:00-05:00").toInstant());
        assertThat(api.http.post("/api/courses/crossover/bookings", "{\"start\": \"2027-01-09T07:10:00-05:00\", "
                + "\"holes\": 9, \"players\": 1, \"name\": \"Bob\", \"email\": \"bob@example.com\"}").status())
                .as("the suspension over").isEqualTo(201);
    }

    @Test
    void a_change_refuses_a_cancelled_booking_a_field_it_does_not_take_and_anyone_but_the_staff() {
        String id = book("1", "07:00", 18, 2, null);

        assertThat(TwoTeesApiTest.field(change(id, "{\"player\": 3}"))).isEqualTo("player");
        assertThat(TwoTeesApiTest.field(change(id, "{\"status\": \"cancelled\"}"))).isEqualTo("status");
        assertThat(TwoTeesApiTest.field(change(id, "{\"players\": 5}"))).isEqualTo("players");
        assertThat(TwoTeesApiTest.field(change(id, "{\"tee\": \"2\"}"))).isEqualTo("tee");
        assertThat(TwoTeesApiTest.field(change(id, "{\"notes\": \"" + "n".repeat(501) + "\"}"))).isEqualTo("notes");
        assertThat(api.http.send("PATCH", "/api/bookings/" + id, "{\"players\": 3}", "Content-Type", "application/json")
                .status()).isEqualTo(401);
        assertThat(change("AAAAAAAAAAAAAAAAAAAAAAAA", "{\"players\": 3}").status()).isEqualTo(404);
        assertThat(held("1", "07:00")).isEqualTo(2);

        assertThat(api.http.delete("/api/bookings/" + id, TestApi.admin()).status()).isEqualTo(204);
        Http.Answer cancelled = change(id, "{\"players\": 3}");
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(slug(cancelled)).isEqualTo("booking-cancelled");
        assertThat(held("1", "07:00")).isZero();
    }
}
