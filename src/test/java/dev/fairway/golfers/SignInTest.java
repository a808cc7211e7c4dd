package dev.fairway.golfers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.support.Http;
import dev.fairway.support.SettableClock;
import dev.fairway.support.SignIns;
import dev.fairway.support.TestApi;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in by emailed code and golfer tokens, on a clock the tests move. */
class SignInTest {

    static final Instant START = Instant.parse("2026-12-01T14:00:00Z");
    static final SettableClock clock = new SettableClock(START);
    static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start(clock);
        api.putCourse("pine-valley", TestApi.pineValley());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void now() {
        clock.set(clock.instant().plus(Duration.ofDays(1))); // each test's emails start a fresh hour
    }

    static Http.Answer verify(String email, String code) {
        return api.http.post("/api/sign-in/verify", "{\"email\": \"" + email + "\", \"code\": \"" + code + "\"}");
    }

    static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    @Test
    void a_code_from_the_email_signs_the_golfer_in_and_the_token_is_the_golfers() {
        Http.Answer asked = api.http.post("/api/sign-in", "{\"email\": \"Ann@Example.com\"}");
        assertThat(asked.status()).isEqualTo(202);
        assertThat(Instant.parse(asked.json().path("expiresAt").asText())).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));

        Http.Answer verified = verify("ann@example.COM", SignIns.newestCode(api, "Ann@Example.com"));

        assertThat(verified.status()).isEqualTo(200);
        String token = verified.json().path("token").asText();
        assertThat(Instant.parse(verified.json().path("expiresAt").asText())).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(verified.json().path("golfer").path("email").asText()).as("as first verified, its domain in lower case")
                .isEqualTo("ann@example.com");
        Http.Answer me = api.http.get("/api/me", SignIns.bearer(token));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asText()).isEqualTo(verified.json().path("golfer").path("id").asText());
        assertThat(me.json().path("name").isNull()).isTrue();

        Http.Answer renamed = api.http.put("/api/me", "{\"name\": \"Ann Smith\"}", SignIns.bearer(token));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(api.http.get("/api/me", SignIns.bearer(token)).json().path("name").asText()).isEqualTo("Ann Smith");
        String again = SignIns.signIn(api, "ANN@example.com");
        assertThat(api.http.get("/api/me", SignIns.bearer(again)).json().path("id").asText())
                .as("the same golfer, whatever the case of the email").isEqualTo(me.json().path("id").asText());
    }

    @Test
    void every_email_gets_the_same_answer_whether_or_not_a_golfer_has_it() {
        SignIns.signIn(api, "known@example.com");

        Http.Answer known = api.http.post("/api/sign-in", "{\"email\": \"known@example.com\"}");
        Http.Answer unknown = api.http.post("/api/sign-in", "{\"email\": \"nobody@example.com\"}");

        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.json().fieldNames()).toIterable().containsExactly("expiresAt");
        assertThat(unknown.json().fieldNames()).toIterable().containsExactly("expiresAt");
    }

    @Test
    void a_code_works_once() {
        String code = SignIns.requestCode(api, "once@example.com");

        assertThat(verify("once@example.com", code).status()).isEqualTo(200);
        Http.Answer reused = verify("once@example.com", code);

        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.json().path("type").asText()).isEqualTo("https://fairway.dev/problems/invalid-code");
    }

    @Test
    void a_code_expires_ten_minutes_after_it_was_sent() {
        String early = SignIns.requestCode(api, "late@example.com");
        clock.advance(Duration.ofMinutes(10));

        assertThat(verify("late@example.com", early).status()).as("at ten minutes").isEqualTo(401);

        String fresh = SignIns.requestCode(api, "late@example.com");
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(verify("late@example.com", fresh).status()).as("a second before").isEqualTo(200);
    }

    @Test
    void a_code_dies_after_five_wrong_tries() {
        String code = SignIns.requestCode(api, "guess@example.com");
        for (int i = 0; i < 5; i++) {
            assertThat(verify("guess@example.com", wrong(code)).status()).isEqualTo(401);
        }

        assertThat(verify("guess@example.com", code).status()).as("the right code, after five wrong").isEqualTo(401);
        assertThat(api.db.count("select wrong_tries from sign_in_code where email = 'guess@example.com'")).isEqualTo(5);
    }

    @Test
    void four_wrong_tries_leave_the_code_working() {
        String code = SignIns.requestCode(api, "careful@example.com");
        for (int i = 0; i < 4; i++) {
            assertThat(verify("careful@example.com", wrong(code)).status()).isEqualTo(401);
        }

        assertThat(verify("careful@example.com", code).status()).isEqualTo(200);
    }

    @Test
    void at_most_five_codes_are_sent_to_an_email_in_an_hour() {
        for (int i = 0; i < 6; i++) {
            assertThat(api.http.post("/api/sign-in", "{\"email\": \"many@example.com\"}").status()).isEqualTo(202);
        }
        assertThat(api.db.count("select count(*) from email where kind = 'sign-in' and recipient = 'many@example.com'"))
                .isEqualTo(5);

        clock.advance(Duration.ofHours(1));
        api.http.post("/api/sign-in", "{\"email\": \"many@example.com\"}");
        assertThat(api.db.count("select count(*) from email where kind = 'sign-in' and recipient = 'many@example.com'"))
                .as("an hour later").isEqualTo(6);
    }

    @Test
    void codes_and_tokens_are_stored_only_as_hashes() {
        String code = SignIns.requestCode(api, "hashed@example.com");
        String token = verify("hashed@example.com", code).json().path("token").asText();
        String secret = token.substring(token.indexOf('.') + 1);

        assertThat(api.db.count("select count(*) from sign_in_code where email = 'hashed@example.com' "
                + "and position(convert_to(?, 'UTF8') in code_hash) = 0", code)).isEqualTo(1);
        assertThat(api.db.strings("select t::text from golfer_token t")).noneMatch(row -> row.contains(secret));
        assertThat(api.db.strings("select t::text from sign_in_code t")).noneMatch(row -> row.contains(code));
    }

    @Test
    void a_signed_out_token_is_refused_on_every_endpoint() {
        String token = SignIns.signIn(api, "leaving@example.com");

        assertThat(api.http.post("/api/sign-out", "", SignIns.bearer(token)).status()).isEqualTo(204);

        for (Http.Answer answer : new Http.Answer[] {api.http.get("/api/me", SignIns.bearer(token)),
                api.http.get("/api/courses", SignIns.bearer(token)),
                api.http.get("/api/courses/pine-valley/availability", SignIns.bearer(token))}) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().path("type").asText()).isEqualTo("https://fairway.dev/problems/invalid-token");
        }
    }

    @Test
    void a_token_expires_after_thirty_days() {
        String token = SignIns.signIn(api, "month@example.com");
        clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertThat(api.http.get("/api/me", SignIns.bearer(token)).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));

        assertThat(api.http.get("/api/me", SignIns.bearer(token)).json().path("type").asText())
                .isEqualTo("https://fairway.dev/problems/invalid-token");
    }

    @Test
    void an_unknown_token_is_refused_even_where_no_token_is_needed() {
        String forged = SignIns.signIn(api, "forger@example.com");
        String[] wrongSecret = SignIns.bearer(forged.substring(0, forged.indexOf('.') + 1) + "A".repeat(24));

        for (String[] header : new String[][] {wrongSecret, SignIns.bearer("nonsense")}) {
            Http.Answer answer = api.http.get("/api/courses/pine-valley", header);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().path("type").asText()).isEqualTo("https://fairway.dev/problems/invalid-token");
        }
        assertThat(api.http.get("/api/courses/pine-valley").status()).as("without a token").isEqualTo(200);
    }

    @Test
    void the_admin_token_is_not_a_golfers_nor_the_reverse() {
        String token = SignIns.signIn(api, "golfer@example.com");

        assertThat(api.http.get("/api/me", TestApi.admin()).status()).isEqualTo(401);
        Http.Answer asAdmin = api.http.get("/api/courses/pine-valley/bookings?date=2026-12-05", SignIns.bearer(token));
        assertThat(asAdmin.status()).isEqualTo(401);
        assertThat(api.http.get("/api/me").json().path("type").asText())
                .isEqualTo("https://fairway.dev/problems/sign-in-required");
    }

    @Test
    void bad_sign_in_requests_are_400_naming_the_field() {
        Http.Answer noAt = api.http.post("/api/sign-in", "{\"email\": \"not-an-email\"}");
        Http.Answer noCode = api.http.post("/api/sign-in/verify", "{\"email\": \"a@example.com\"}");

        assertThat(noAt.status()).isEqualTo(400);
        assertThat(noAt.json().path("detail").asText()).contains("email");
        assertThat(noCode.status()).isEqualTo(400);
        assertThat(noCode.json().path("detail").asText()).contains("code");
    }
}
