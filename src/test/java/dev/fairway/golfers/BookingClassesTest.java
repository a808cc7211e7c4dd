package dev.fairway.golfers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.support.Http;
import dev.fairway.support.SettableClock;
import dev.fairway.support.SignIns;
import dev.fairway.support.TestApi;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Booking classes, members, release times, limits, least players and sign-in-only courses, on a
 * clock that stands at Tuesday 2026-12-01 09:00 in New York unless a test moves it.
 */
class BookingClassesTest {

    static final Instant TUESDAY_NINE = OffsetDateTime.parse("2026-12-01T09:00:00-05:00").toInstant();
    static final String OAK_RIDGE = """
            {"name": "Oak Ridge", "timeZone": "America/New_York", "teeTimeIntervalMinutes": 10,
             "maxPlayersPerTeeTime": 4, "bookingWindowDays": 14,
             "weeklyHours": {%s},
             "bookingClasses": [
               {"name": "member", "bookingWindowDays": 8, "releaseTime": "07:00", "maxOpenBookings": 4, "maxBookingsPerDay": 1},
               {"name": "public", "bookingWindowDays": 5, "releaseTime": "19:00", "maxOpenBookings": 2}
             ]%s}
            """;
    static final SettableClock clock = new SettableClock(TUESDAY_NINE);
    static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start(clock);
        String everyDay = String.join(", ", java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(day -> "\"" + day + "\": [{\"firstTeeTime\": \"07:00\", \"lastTeeTime\": \"10:00\"}]").toList());
        assertThat(api.putCourse("oak-ridge", TestApi.object(OAK_RIDGE.formatted(everyDay, ""))).status()).isEqualTo(201);
        assertThat(api.putCourse("two-balls", TestApi.object(OAK_RIDGE.formatted(everyDay, """
                , "signInRequired": true,
                "minPlayers": [{"days": ["SATURDAY", "SUNDAY"], "from": "07:00", "until": "08:00", "players": 2}]
                """))).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void tuesdayNine() {
        clock.set(TUESDAY_NINE);
    }

    static String member(String email) {
        Http.Answer put = api.http.put("/api/courses/oak-ridge/members/" + email,
                "{\"bookingClass\": \"member\", \"name\": \"A Member\"}", TestApi.admin());
        assertThat(put.status()).isEqualTo(201);
        return SignIns.signIn(api, email);
    }

    static Http.Answer book(String course, String start, int players, String... headers) {
        return api.http.post("/api/courses/" + course + "/bookings",
                "{\"start\": \"" + start + "\", \"players\": " + players + "}", headers);
    }

    static Http.Answer bookAs(String email, String start, String... headers) {
        return api.http.post("/api/courses/oak-ridge/bookings", "{\"start\": \"" + start + "\", \"players\": 1, "
                + "\"name\": \"Anon\", \"email\": \"" + email + "\"}", headers);
    }

    static JsonNode teeTime(String course, String date, String start, int players, String... headers) {
        Http.Answer answer = api.http.get("/api/courses/" + course + "/availability?from=" + date + "&players=" + players,
                headers);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return StreamSupport.stream(answer.json().path("days").get(0).path("teeTimes").spliterator(), false)
                .filter(t -> t.path("start").asText().equals(start)).findFirst().orElseThrow();
    }

    static String slug(Http.Answer answer) {
        return answer.json().path("type").asText().replace("https://fairway.dev/problems/", "");
    }

    @Test
    void a_member_and_the_public_see_different_release_times_for_one_tee_time() {
        String token = member("early@example.com");

        JsonNode forMember = teeTime("oak-ridge", "2026-12-12", "2026-12-12T08:00:00-05:00", 1, SignIns.bearer(token));
        JsonNode forPublic = teeTime("oak-ridge", "2026-12-12", "2026-12-12T08:00:00-05:00", 1);

        assertThat(forMember.path("status").asText()).isEqualTo("unavailable");
        assertThat(forMember.path("releasesAt").asText()).isEqualTo("2026-12-04T07:00:00-05:00");
        assertThat(forPublic.path("status").asText()).isEqualTo("unavailable");
        assertThat(forPublic.path("releasesAt").asText()).isEqualTo("2026-12-07T19:00:00-05:00");
        assertThat(api.http.get("/api/courses/oak-ridge/availability?from=2026-12-12", SignIns.bearer(token)).json()
                .path("bookingClass").asText()).isEqualTo("member");
        assertThat(api.http.get("/api/courses/oak-ridge/availability?from=2026-12-12").json()
                .path("bookingClass").asText()).isEqualTo("public");
        JsonNode released = teeTime("oak-ridge", "2026-12-09", "2026-12-09T08:00:00-05:00", 1, SignIns.bearer(token));
        assertThat(released.path("status").asText()).isEqualTo("open");
        assertThat(released.has("releasesAt")).as("released: no releasesAt").isFalse();
        assertThat(teeTime("oak-ridge", "2026-12-12", "2026-12-12T08:00:00-05:00", 1, TestApi.admin()).path("releasesAt")
                .asText()).as("the admin sees the public's by default").isEqualTo("2026-12-07T19:00:00-05:00");
        Http.Answer asked = api.http.get("/api/courses/oak-ridge/availability?from=2026-12-12&bookingClass=member",
                TestApi.admin());
        assertThat(asked.json().path("bookingClass").asText()).isEqualTo("member");
        assertThat(api.http.get("/api/courses/oak-ridge/availability?bookingClass=member").status())
                .as("only the admin chooses the class").isEqualTo(401);
        assertThat(api.http.get("/api/courses/oak-ridge/availability?bookingClass=gold", TestApi.admin()).status())
                .isEqualTo(400);
    }

    @Test
    void a_tee_time_booked_a_second_before_its_release_is_refused_with_releases_at_and_at_it_is_booked() {
        String token = member("punctual@example.com");
        Instant releasesAt = OffsetDateTime.parse("2026-12-12T07:00:00-05:00").toInstant();
        clock.set(releasesAt.minusSeconds(1));

        Http.Answer early = book("oak-ridge", "2026-12-20T07:00:00-05:00", 2, SignIns.bearer(token));

        assertThat(early.status()).isEqualTo(409);
        assertThat(slug(early)).isEqualTo("outside-booking-window");
        assertThat(early.json().path("releasesAt").asText()).isEqualTo("2026-12-12T07:00:00-05:00");
        assertThat(teeTime("oak-ridge", "2026-12-20", "2026-12-20T07:00:00-05:00", 2, SignIns.bearer(token))
                .path("status").asText()).isEqualTo("unavailable");

        clock.set(releasesAt);

        assertThat(teeTime("oak-ridge", "2026-12-20", "2026-12-20T07:00:00-05:00", 2, SignIns.bearer(token))
                .path("status").asText()).isEqualTo("open");
        Http.Answer onTime = book("oak-ridge", "2026-12-20T07:00:00-05:00", 2, SignIns.bearer(token));
        assertThat(onTime.status()).as(onTime.body()).isEqualTo(201);
        assertThat(onTime.json().path("name").asText()).as("the golfer's, not retyped").isEqualTo("punctual@example.com");
        assertThat(onTime.json().path("email").asText()).isEqualTo("punctual@example.com");
    }

    @Test
    void a_member_books_one_tee_time_a_day_and_cancelling_gives_the_allowance_back() {
        String token = member("daily@example.com");

        Http.Answer first = book("oak-ridge", "2026-12-05T07:00:00-05:00", 1, SignIns.bearer(token));
        Http.Answer second = book("oak-ridge", "2026-12-05T07:10:00-05:00", 1, SignIns.bearer(token));
        Http.Answer otherDay = book("oak-ridge", "2026-12-06T07:10:00-05:00", 1, SignIns.bearer(token));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(slug(second)).isEqualTo("limit-reached");
        assertThat(second.json().path("detail").asText()).contains("maxBookingsPerDay");
        assertThat(otherDay.status()).isEqualTo(201);
        assertThat(api.http.delete("/api/bookings/" + first.json().path("id").asText(), SignIns.bearer(token)).status())
                .isEqualTo(204);
        assertThat(book("oak-ridge", "2026-12-05T07:10:00-05:00", 1, SignIns.bearer(token)).status()).isEqualTo(201);
    }

    @Test
    void the_public_holds_two_open_bookings_counted_by_lowercased_email() {
        Http.Answer one = bookAs("Carl@example.com", "2026-12-02T07:00:00-05:00");
        Http.Answer two = bookAs("carl@example.com", "2026-12-03T07:00:00-05:00");
        Http.Answer three = bookAs("CARL@EXAMPLE.COM", "2026-12-04T07:00:00-05:00");

        assertThat(one.status()).isEqualTo(201);
        assertThat(two.status()).isEqualTo(201);
        assertThat(three.status()).isEqualTo(409);
        assertThat(slug(three)).isEqualTo("limit-reached");
        assertThat(three.json().path("detail").asText()).contains("maxOpenBookings");
        assertThat(bookAs("dora@example.com", "2026-12-04T07:00:00-05:00").status()).as("someone else").isEqualTo(201);

        clock.set(OffsetDateTime.parse("2026-12-02T07:00:00-05:00").toInstant());
        assertThat(bookAs("carl@example.com", "2026-12-04T07:10:00-05:00").status())
                .as("once the first tee time has started it no longer counts").isEqualTo(201);
    }

    @Test
    void an_anonymous_booker_must_give_an_email_where_the_class_has_limits() {
        Http.Answer answer = api.http.post("/api/courses/oak-ridge/bookings",
                "{\"start\": \"2026-12-02T08:00:00-05:00\", \"players\": 1, \"name\": \"No Email\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("detail").asText()).contains("email");
        assertThat(api.db.count("select count(*) from booking where name = 'No Email'")).isZero();
    }

    @Test
    void staff_bookings_skip_release_times_and_limits() {
        for (String start : new String[] {"2026-12-14T07:00:00-05:00", "2026-12-14T07:10:00-05:00",
                "2026-12-14T07:20:00-05:00"}) {
            Http.Answer answer = api.http.post("/api/courses/oak-ridge/bookings", "{\"start\": \"" + start
                    + "\", \"players\": 1, \"name\": \"By Phone\", \"email\": \"phone@example.com\"}", TestApi.admin());
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        }
        assertThat(bookAs("phone@example.com", "2026-12-02T09:00:00-05:00").status())
                .as("staff bookings still count against the golfer").isEqualTo(409);
    }

    @Test
    void a_golfers_token_cannot_cancel_another_golfers_booking_but_the_link_alone_can() {
        String owner = member("owner@example.com");
        String other = SignIns.signIn(api, "other@example.com");
        String id = book("oak-ridge", "2026-12-03T09:00:00-05:00", 1, SignIns.bearer(owner)).json().path("id").asText();

        Http.Answer stolen = api.http.delete("/api/bookings/" + id, SignIns.bearer(other));

        assertThat(stolen.status()).isEqualTo(403);
        assertThat(api.http.get("/api/bookings/" + id).json().path("status").asText()).isEqualTo("confirmed");
        assertThat(api.http.delete("/api/bookings/" + id).status()).as("the link alone").isEqualTo(204);
    }

    @Test
    void my_bookings_lists_the_golfers_tee_times_to_come_soonest_first() {
        String token = member("mine@example.com");
        String later = book("oak-ridge", "2026-12-04T09:00:00-05:00", 1, SignIns.bearer(token)).json().path("id").asText();
        String sooner = book("oak-ridge", "2026-12-03T09:10:00-05:00", 1, SignIns.bearer(token)).json().path("id").asText();
        bookAs("mine@example.com", "2026-12-02T09:10:00-05:00"); // anonymous, with the same email: not the golfer's

        Http.Answer mine = api.http.get("/api/me/bookings", SignIns.bearer(token));

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().findValuesAsText("id")).containsExactly(sooner, later);
        assertThat(api.http.get("/api/me/bookings").status()).isEqualTo(401);
    }

    @Test
    void members_are_added_replaced_listed_and_removed_by_the_admin() {
        Http.Answer added = api.http.put("/api/courses/oak-ridge/members/Eve@Example.com",
                "{\"bookingClass\": \"member\", \"name\": \"Eve\"}", TestApi.admin());
        Http.Answer replaced = api.http.put("/api/courses/oak-ridge/members/eve@example.com",
                "{\"bookingClass\": \"member\", \"name\": \"Eve Adams\"}", TestApi.admin());

        assertThat(added.status()).isEqualTo(201);
        assertThat(replaced.status()).isEqualTo(200);
        JsonNode list = api.http.get("/api/courses/oak-ridge/members", TestApi.admin()).json();
        assertThat(list.findValuesAsText("email")).contains("eve@example.com");
        assertThat(api.http.put("/api/courses/oak-ridge/members/x@example.com", "{\"bookingClass\": \"public\"}",
                TestApi.admin()).status()).isEqualTo(400);
        assertThat(api.http.put("/api/courses/oak-ridge/members/x@example.com", "{\"bookingClass\": \"gold\"}",
                TestApi.admin()).json().path("detail").asText()).contains("bookingClass");
        assertThat(api.http.get("/api/courses/oak-ridge/members").status()).isEqualTo(401);
        assertThat(api.http.delete("/api/courses/oak-ridge/members/EVE@example.com", TestApi.admin()).status()).isEqualTo(204);
        assertThat(api.http.delete("/api/courses/oak-ridge/members/eve@example.com", TestApi.admin()).status()).isEqualTo(404);
    }

    @Test
    void a_sign_in_only_course_refuses_anonymous_bookings() {
        Http.Answer anonymous = api.http.post("/api/courses/two-balls/bookings",
                "{\"start\": \"2026-12-02T09:00:00-05:00\", \"players\": 2, \"name\": \"Anon\", \"email\": \"a@example.com\"}");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(slug(anonymous)).isEqualTo("sign-in-required");
        String token = SignIns.signIn(api, "signed@example.com");
        assertThat(book("two-balls", "2026-12-02T09:00:00-05:00", 2, SignIns.bearer(token)).status()).isEqualTo(201);
    }

    @Test
    void weekend_mornings_take_two_players_at_least() {
        String token = SignIns.signIn(api, "single@example.com");
        JsonNode forOne = teeTime("two-balls", "2026-12-05", "2026-12-05T07:30:00-05:00", 1, SignIns.bearer(token));
        JsonNode forTwo = teeTime("two-balls", "2026-12-05", "2026-12-05T07:30:00-05:00", 2, SignIns.bearer(token));
        JsonNode later = teeTime("two-balls", "2026-12-05", "2026-12-05T08:00:00-05:00", 1, SignIns.bearer(token));

        assertThat(forOne.path("minPlayers").asInt()).isEqualTo(2);
        assertThat(forOne.path("status").asText()).isEqualTo("unavailable");
        assertThat(forTwo.path("status").asText()).isEqualTo("open");
        assertThat(later.path("minPlayers").asInt()).isEqualTo(1);
        Http.Answer alone = book("two-balls", "2026-12-05T07:30:00-05:00", 1, SignIns.bearer(token));
        assertThat(alone.status()).isEqualTo(409);
        assertThat(slug(alone)).isEqualTo("too-few-players");
        assertThat(book("two-balls", "2026-12-05T07:30:00-05:00", 1, TestApi.admin()).status())
                .as("staff, with a name").isEqualTo(400);
        Http.Answer staff = api.http.post("/api/courses/two-balls/bookings",
                "{\"start\": \"2026-12-05T07:30:00-05:00\", \"players\": 1, \"name\": \"Solo\"}", TestApi.admin());
        assertThat(staff.status()).as("staff skip minPlayers").isEqualTo(201);
    }

    @Test
    void the_course_reads_back_its_classes_and_rules() {
        JsonNode course = api.http.get("/api/courses/two-balls").json();

        assertThat(course.path("signInRequired").asBoolean()).isTrue();
        assertThat(course.path("bookingClasses").findValuesAsText("name")).containsExactly("member", "public");
        assertThat(course.path("bookingClasses").get(0).path("maxBookingsPerDay").asInt()).isEqualTo(1);
        assertThat(course.path("minPlayers").get(0).path("players").asInt()).isEqualTo(2);
        assertThat(api.putCourse("bad", TestApi.object(OAK_RIDGE.formatted("", ", \"minPlayers\": [{\"from\": \"07:00\", "
                + "\"until\": \"08:00\", \"players\": 9}]"))).json().path("detail").asText()).contains("players");
    }
}
