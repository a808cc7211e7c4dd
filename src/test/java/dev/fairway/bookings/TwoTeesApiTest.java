package dev.fairway.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A course with two tees and crossovers (Part 3): on Saturday 2026-12-05, from 06:00 to 11:00
 * every 10 minutes, rounds start from the 1st tee all morning and from the 10th until 08:30;
 * an 18-hole round turns to the other tee 120 minutes (at most 10 more) later. "Now" is Tuesday
 * 2026-12-01 09:00 in New York.
 */
class TwoTeesApiTest {

    static final String CROSSOVER = """
            {"name": "Crossover", "timeZone": "America/New_York", "teeTimeIntervalMinutes": 10,
             "maxPlayersPerTeeTime": 4, "bookingWindowDays": 14,
             "weeklyHours": {"SATURDAY": [{"firstTeeTime": "06:00", "lastTeeTime": "11:00"}]},
             "rounds": [9, 18],
             "tees": [{"name": "1", "turnsTo": "10"},
                      {"name": "10", "turnsTo": "1", "starts": [{"days": ["SATURDAY"], "from": "06:00", "until": "08:30"}]}],
             "turnMinutes": 120, "turnWaitMinutes": 10,
             "bookingClasses": [{"name": "member", "bookingWindowDays": 14}],
             "rates": [
               {"name": "Members' eighteen", "holes": 18, "classes": ["member"], "from": "00:00", "until": "23:59", "pricePerPlayer": "45.00"},
               {"name": "Nine", "holes": 9, "from": "00:00", "until": "23:59", "pricePerPlayer": "30.00"},
               {"name": "Eighteen", "holes": 18, "from": "00:00", "until": "23:59", "pricePerPlayer": "60.00"}
             ]}
            """;
    static final String SATURDAY = "2026-12-05T%s:00-05:00";

    static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start(TestApi.EXAMPLE_CLOCK);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void freshCourse() {
        api.db.execute("delete from email");
        api.db.execute("delete from idempotency_key");
        api.db.execute("delete from booking");
        api.db.execute("delete from booking_group");
        api.db.execute("delete from block");
        api.db.execute("delete from tee_time");
        assertThat(api.putCourse("crossover", TestApi.object(CROSSOVER)).status()).isIn(200, 201);
    }

    static String at(String time) {
        return SATURDAY.formatted(time);
    }

    static Http.Answer book(String tee, String time, int holes, int players, String... headers) {
        return api.http.post("/api/courses/crossover/bookings", "{\"start\": \"" + at(time) + "\", \"tee\": \"" + tee
                + "\", \"holes\": " + holes + ", \"players\": " + players + ", \"name\": \"Ann Smith\", "
                + "\"email\": \"ann@example.com\"}", headers);
    }

    static Http.Answer group(String tee, String time, int holes, int players, String... headers) {
        return api.http.post("/api/courses/crossover/groups", "{\"start\": \"" + at(time) + "\", \"tee\": \"" + tee
                + "\", \"holes\": " + holes + ", \"players\": " + players + ", \"name\": \"Club outing\", "
                + "\"email\": \"captain@example.com\"}", headers);
    }

    static JsonNode teeTimes(String query) {
        Http.Answer answer = api.http.get("/api/courses/crossover/availability?date=2026-12-05&" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("days").get(0).path("teeTimes");
    }

    static JsonNode teeTime(String query, String tee, String time) {
        for (JsonNode teeTime : teeTimes(query)) {
            if (teeTime.path("tee").asText().equals(tee) && teeTime.path("start").asText().equals(at(time))) {
                return teeTime;
            }
        }
        return null;
    }

    /** Players held on a slot, as the database counts them. */
    static long held(String tee, String time) {
        return api.db.count("select coalesce(sum(booked), 0) from tee_time where course_id = 'crossover' and tee = '"
                + tee + "' and starts_at = '" + at(time) + "'");
    }

    static String slug(Http.Answer answer) {
        return answer.json().path("type").asText().replace("https://fairway.dev/problems/", "");
    }

    @Test
    void availability_lists_every_start_on_both_tees_by_start_then_tee_with_its_turn() {
        JsonNode teeTimes = teeTimes("holes=18");

        assertThat(teeTimes).hasSize(31 + 15);
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            first.add(teeTimes.get(i).path("start").asText().substring(11, 16) + "/" + teeTimes.get(i).path("tee").asText());
        }
        assertThat(first).containsExactly("06:00/1", "06:00/10", "06:10/1", "06:10/10");
        JsonNode early = teeTimes.get(0);
        assertThat(early.path("holes").asInt()).isEqualTo(18);
        assertThat(early.path("turn").path("tee").asText()).isEqualTo("10");
        assertThat(early.path("turn").path("start").asText()).isEqualTo(at("08:00"));
        assertThat(early.path("turn").path("available").asInt()).isEqualTo(4);
        assertThat(early.path("status").asText()).isEqualTo("open");
        assertThat(early.path("rate").path("name").asText()).isEqualTo("Eighteen");
        assertThat(teeTime("holes=18", "10", "08:30")).as("the 10th takes no starts from 08:30").isNull();
        JsonNode late = teeTime("holes=18", "1", "09:10");
        assertThat(late.path("status").asText()).as("its turn would be 11:10, after the last tee time")
                .isEqualTo("unavailable");
        assertThat(late.has("turn")).isFalse();
        assertThat(teeTime("holes=9", "1", "09:10").path("status").asText()).isEqualTo("open");
        assertThat(teeTime("holes=9", "1", "09:10").path("rate").path("name").asText()).isEqualTo("Nine");
        assertThat(teeTime("holes=9", "1", "09:10").has("turn")).isFalse();
        assertThat(teeTimes("holes=18&tee=10")).hasSize(15).allMatch(t -> t.path("tee").asText().equals("10"));
        assertThat(api.http.get("/api/courses/crossover/availability?date=2026-12-05&holes=18&bookingClass=member",
                TestApi.admin()).json().path("days").get(0).path("teeTimes").get(0).path("rate").path("name").asText())
                .isEqualTo("Members' eighteen");
    }

    @Test
    void a_crossover_start_from_the_10th_takes_the_1st_tee_time_that_its_round_turns_to() {
        Http.Answer crossover = book("10", "07:00", 18, 3);

        assertThat(crossover.status()).as(crossover.body()).isEqualTo(201);
        assertThat(crossover.json().path("tee").asText()).isEqualTo("10");
        assertThat(crossover.json().path("holes").asInt()).isEqualTo(18);
        assertThat(crossover.json().path("turn").path("tee").asText()).isEqualTo("1");
        assertThat(crossover.json().path("turn").path("start").asText()).isEqualTo(at("09:00"));
        assertThat(held("10", "07:00")).isEqualTo(3);
        assertThat(held("1", "09:00")).isEqualTo(3);
        JsonNode turnedOnto = teeTime("holes=18", "1", "09:00");
        assertThat(turnedOnto.path("booked").asInt()).isEqualTo(3);
        assertThat(turnedOnto.path("available").asInt()).isEqualTo(1);

        Http.Answer full = book("1", "09:00", 18, 2);

        assertThat(full.status()).isEqualTo(409);
        assertThat(slug(full)).isEqualTo("full");
        assertThat(full.json().path("slot").path("tee").asText()).isEqualTo("1");
        assertThat(full.json().path("slot").path("start").asText()).isEqualTo(at("09:00"));
        assertThat(full.json().path("slot").path("turn").asBoolean()).isFalse();
        assertThat(full.json().path("detail").asText()).contains("only 1 spot");
        assertThat(held("10", "11:00")).as("nothing taken at its turn").isZero();

        assertThat(api.http.delete("/api/bookings/" + crossover.json().path("id").asText()).status()).isEqualTo(204);
        assertThat(held("10", "07:00") + held("1", "09:00")).as("both slots given back").isZero();
    }

    @Test
    void a_round_whose_turn_slot_is_full_books_nothing_and_says_the_turn_refused() {
        assertThat(book("10", "08:00", 9, 3).json().path("turn").isNull()).isTrue();

        Http.Answer refused = book("1", "06:00", 18, 2);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(slug(refused)).isEqualTo("full");
        assertThat(refused.json().path("slot").path("tee").asText()).isEqualTo("10");
        assertThat(refused.json().path("slot").path("start").asText()).isEqualTo(at("08:00"));
        assertThat(refused.json().path("slot").path("turn").asBoolean()).isTrue();
        assertThat(refused.json().path("detail").asText()).contains("turn")
                .as("the slot in wall-clock words, not a timestamp").contains("the 10th tee at 08:00")
                .doesNotContain("T08:00");
        assertThat(held("1", "06:00")).as("no half round").isZero();
        assertThat(book("1", "06:00", 9, 2).status()).as("nine holes take no turn").isEqualTo(201);
    }

    @Test
    void a_block_of_the_10th_tee_blocks_the_rounds_that_turn_there_and_not_their_nine_hole_rounds() {
        Http.Answer block = api.http.post("/api/courses/crossover/blocks", "{\"start\": \"" + at("08:10") + "\", \"end\": \""
                + at("08:20") + "\", \"tees\": [\"10\"], \"reason\": \"Junior clinic\"}", TestApi.admin());
        assertThat(block.status()).as(block.body()).isEqualTo(201);
        assertThat(block.json().path("tees").get(0).asText()).isEqualTo("10");

        Http.Answer blocked = book("1", "06:10", 18, 2);

        assertThat(slug(blocked)).isEqualTo("blocked");
        assertThat(blocked.json().path("slot").path("turn").asBoolean()).isTrue();
        assertThat(teeTime("holes=18", "1", "06:10").path("status").asText()).isEqualTo("blocked");
        assertThat(teeTime("holes=18", "10", "08:10").path("status").asText()).isEqualTo("blocked");
        assertThat(teeTime("holes=18", "1", "08:10").path("status").asText()).as("the 1st tee is not blocked")
                .isEqualTo("open");
        assertThat(book("1", "06:10", 9, 2).status()).isEqualTo(201);
        assertThat(slug(book("10", "08:10", 9, 1))).isEqualTo("blocked");
    }

    @Test
    void a_round_without_a_turn_a_tee_without_starts_and_unknown_tees_and_holes_are_refused_by_name() {
        Http.Answer noTurn = book("1", "09:10", 18, 1);
        assertThat(noTurn.status()).isEqualTo(409);
        assertThat(slug(noTurn)).isEqualTo("no-turn");
        assertThat(slug(book("10", "08:30", 9, 1))).isEqualTo("not-a-tee-time");
        assertThat(book("10", "08:30", 9, 1).status()).isEqualTo(422);
        assertThat(field(book("2", "07:00", 18, 1))).isEqualTo("tee");
        assertThat(field(book("1", "07:00", 27, 1))).isEqualTo("holes");
        assertThat(field(api.http.get("/api/courses/crossover/availability?date=2026-12-05&holes=27"))).isEqualTo("holes");
        assertThat(field(api.http.get("/api/courses/crossover/availability?date=2026-12-05&tee=2"))).isEqualTo("tee");
        assertThat(field(group("1", "07:00", 18, 1))).isEqualTo("players");
        assertThat(field(group("1", "07:00", 18, 401))).isEqualTo("players");
        assertThat(api.db.count("select count(*) from booking")).isZero();
    }

    static String field(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        return answer.json().path("detail").asText().split(" ")[0];
    }

    @Test
    void a_booking_keeps_the_price_of_its_round_when_the_rates_change_later() {
        Http.Answer eighteen = book("1", "07:00", 18, 2);
        Http.Answer nine = book("1", "07:10", 9, 2);
        assertThat(eighteen.json().path("pricePerPlayer").asText()).isEqualTo("60.00");
        assertThat(eighteen.json().path("price").asText()).isEqualTo("120.00");
        assertThat(nine.json().path("pricePerPlayer").asText()).isEqualTo("30.00");

        Http.Answer patched = api.http.send("PATCH", "/api/courses/crossover", "{\"rates\": [{\"name\": \"Eighteen\", "
                + "\"holes\": 18, \"from\": \"00:00\", \"until\": \"23:59\", \"pricePerPlayer\": \"70.00\"}]}",
                "Authorization", TestApi.admin()[1], "Content-Type", "application/merge-patch+json");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);

        String id = eighteen.json().path("id").asText();
        assertThat(api.http.get("/api/bookings/" + id).json().path("price").asText()).isEqualTo("120.00");
        assertThat(teeTime("holes=18", "1", "07:20").path("rate").path("pricePerPlayer").asText()).isEqualTo("70.00");
        JsonNode emails = api.http.get("/api/outbox", TestApi.admin()).json();
        assertThat(emails.findValuesAsText("text").stream().filter(text -> text.contains("USD 120.00 (USD 60.00 per player)")))
                .as("the confirmation says the price it was booked at").hasSize(1);
    }

    @Test
    void a_group_takes_consecutive_tee_times_larger_parts_first_each_with_its_turn_and_cancels_as_one() {
        Http.Answer booked = group("1", "07:00", 18, 11);

        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        JsonNode group = booked.json();
        String id = group.path("id").asText();
        assertThat(booked.header("Location")).isEqualTo("/api/groups/" + id);
        assertThat(group.path("players").asInt()).isEqualTo(11);
        List<JsonNode> parts = new ArrayList<>();
        group.path("bookings").forEach(parts::add);
        assertThat(parts).extracting(p -> p.path("start").asText()).containsExactly(at("07:00"), at("07:10"), at("07:20"));
        assertThat(parts).extracting(p -> p.path("players").asInt()).containsExactly(4, 4, 3);
        assertThat(parts).extracting(p -> p.path("groupId").asText()).containsOnly(id);
        assertThat(group.path("bookings").get(2).path("turn").path("start").asText()).isEqualTo(at("09:20"));
        assertThat(held("10", "09:20")).isEqualTo(3);
        assertThat(api.http.get("/api/groups/" + id).json()).isEqualTo(group);
        String part = group.path("bookings").get(1).path("id").asText();
        assertThat(api.http.get("/api/bookings/" + part).json().path("groupId").asText()).isEqualTo(id);

        assertThat(api.http.delete("/api/groups/" + id).status()).isEqualTo(204);

        assertThat(api.http.get("/api/groups/" + id).json().path("bookings").findValuesAsText("status"))
                .containsOnly("cancelled");
        assertThat(api.db.count("select coalesce(sum(booked), 0) from tee_time where course_id = 'crossover'")).isZero();
        assertThat(api.http.get("/api/groups/nope").status()).isEqualTo(404);
    }

    @Test
    void a_group_whose_third_tee_time_turns_onto_a_full_slot_books_nothing() {
        assertThat(book("10", "08:20", 9, 2).status()).isEqualTo(201);

        Http.Answer refused = group("1", "06:00", 18, 11);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(slug(refused)).isEqualTo("full");
        assertThat(refused.json().path("part").asInt()).isEqualTo(3);
        assertThat(refused.json().path("slot").path("tee").asText()).isEqualTo("10");
        assertThat(refused.json().path("slot").path("start").asText()).isEqualTo(at("08:20"));
        assertThat(refused.json().path("slot").path("turn").asBoolean()).isTrue();
        assertThat(refused.json().path("detail").asText()).startsWith("nothing was booked");
        assertThat(api.db.count("select count(*) from booking where group_id is not null")).isZero();
        assertThat(api.db.count("select count(*) from booking_group")).isZero();
        assertThat(held("1", "06:00") + held("1", "06:10") + held("10", "08:00") + held("10", "08:10")).isZero();
    }

    @Test
    void a_group_with_one_idempotency_key_is_booked_once_and_its_answer_replayed() {
        String[] key = {"Idempotency-Key", "outing-2026-12-05"};
        Http.Answer first = group("1", "08:00", 9, 6, key);
        Http.Answer again = group("1", "08:00", 9, 6, key);
        Http.Answer other = group("1", "08:00", 9, 7, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(api.db.count("select count(*) from booking")).isEqualTo(2);
    }

    @Test
    void a_group_refused_under_a_key_is_refused_again_the_same_way() {
        String[] key = {"Idempotency-Key", "refused-outing"};
        book("1", "08:10", 9, 4);
        Http.Answer first = group("1", "08:00", 9, 6, key);
        api.db.execute("delete from booking");
        api.db.execute("delete from tee_time");

        Http.Answer again = group("1", "08:00", 9, 6, key);

        assertThat(first.status()).isEqualTo(409);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void a_group_the_day_has_too_few_tee_times_for_is_not_a_tee_time() {
        Http.Answer late = group("10", "08:10", 9, 11);

        assertThat(late.status()).isEqualTo(422);
        assertThat(slug(late)).isEqualTo("not-a-tee-time");
        assertThat(late.json().path("detail").asText()).contains("3 consecutive tee times");
        assertThat(api.db.count("select count(*) from booking")).isZero();
    }
}
