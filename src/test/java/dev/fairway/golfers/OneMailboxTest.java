package dev.fairway.golfers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fairway.config.RateLimitSettings;
import dev.fairway.config.TrustedProxies;
import dev.fairway.support.Http;
import dev.fairway.support.SignIns;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestService;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An email address is one mailbox: the attacks of the probe of issue 23, each refused or held. The
 * service trusts loopback as a proxy, so each test client names its own address in X-Forwarded-For;
 * the rate limits themselves are off.
 */
class OneMailboxTest {

    private static final String STRANGER = "203.0.113.66";
    private static final String GOLFER = "198.51.100.7";
    private static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start(TestApi.EXAMPLE_CLOCK, settings -> settings.withHttp(TestService.HTTP.withRateLimits(
                new RateLimitSettings(false, 20, 10, TrustedProxies.parse("127.0.0.1, ::1")))));
        ObjectNode course = TestApi.pineValley();
        course.set("bookingClasses", TestApi.object("{\"list\": [{\"name\": \"public\", \"bookingWindowDays\": 14, "
                + "\"maxOpenBookings\": 1}]}").get("list"));
        api.putCourse("pine-valley", course);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Http.Answer book(String start, String email) {
        return api.http.post("/api/courses/pine-valley/bookings", Http.json(Map.of("start", start, "players", 1,
                "name", "Ann", "email", email)), "Content-Type", "application/json");
    }

    @Test
    void calendar_injection_group_and_display_name_forms_are_a_400_naming_the_email_and_store_nothing() {
        String[] hostile = {
                "\"x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@x\r\n\" <victim@b.com>",
                "victim@b.com (\r\nBEGIN:VALARM\r\nTRIGGER:-PT1M\r\nEND:VALARM)",
                "Prize: v1@b.com, v2@b.com, v3@b.com, v4@b.com, v5@b.com;",
                "\"2\" <me@x.com>",
                "me@x.com (3)",
        };
        for (String email : hostile) {
            Http.Answer booked = book("2026-12-05T08:00:00-05:00", email);
            assertThat(booked.status()).as(email).isEqualTo(400);
            assertThat(booked.json().path("detail").asText()).as(email).startsWith("email ");
            Http.Answer signIn = api.http.post("/api/sign-in", Http.json(Map.of("email", email)),
                    "Content-Type", "application/json");
            assertThat(signIn.status()).as(email).isEqualTo(400);
        }
        assertThat(api.db.count("select count(*) from booking where email like '%b.com%' or email like '%x.com%'")).isZero();
        assertThat(api.db.count("select count(*) from email where recipient like '%b.com%' or recipient like '%x.com%'"))
                .isZero();
    }

    @Test
    void one_mailbox_is_one_booker_whatever_the_case_of_its_letters() {
        assertThat(book("2026-12-05T08:30:00-05:00", "Dana@Example.com").status()).isEqualTo(201);

        Http.Answer again = book("2026-12-05T08:40:00-05:00", "DANA@EXAMPLE.COM");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).endsWith("/limit-reached");
    }

    @Test
    void variants_of_one_mailbox_share_its_codes_an_hour() {
        String[] variants = {"kim@example.com", "Kim@example.com", "KIM@example.com", "kim@Example.com",
                "kIm@EXAMPLE.com", "KiM@example.COM", "kiM@example.com", "KIm@example.com"};
        for (String email : variants) {
            assertThat(signIn(email, STRANGER).status()).isEqualTo(202);
        }
        assertThat(api.db.count("select count(*) from email where kind = 'sign-in' and lower(recipient) = 'kim@example.com'"))
                .isEqualTo(SignInService.CODES_PER_HOUR);
    }

    @Test
    void a_stranger_who_asks_for_codes_and_guesses_does_not_silence_the_golfer() {
        String email = "lee@example.com";
        for (int i = 0; i < SignInService.CODES_PER_HOUR + 2; i++) {
            signIn(email, STRANGER);
        }
        assertThat(signIn(email, GOLFER).status()).isEqualTo(202);
        String code = SignIns.newestCode(api, email);
        for (int i = 0; i < SignInService.MAX_WRONG_TRIES + 2; i++) {
            assertThat(verify(email, SignInTest.wrong(code), STRANGER).status()).isEqualTo(401);
        }
        assertThat(verify(email, code, STRANGER).status()).as("the stranger, out of tries, even with the code")
                .isEqualTo(401);

        assertThat(verify(email, code, GOLFER).status()).as("the golfer's code, from the golfer").isEqualTo(200);
    }

    private static Http.Answer signIn(String email, String from) {
        return api.http.post("/api/sign-in", Http.json(Map.of("email", email)), "Content-Type", "application/json",
                "X-Forwarded-For", from);
    }

    private static Http.Answer verify(String email, String code, String from) {
        return api.http.post("/api/sign-in/verify", Http.json(Map.of("email", email, "code", code)),
                "Content-Type", "application/json", "X-Forwarded-For", from);
    }
}
