package dev.fairway.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.support.Http;
import dev.fairway.support.MailServer;
import dev.fairway.support.TestApi;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The probe of issue 23 read golfers' sign-in codes from {@code GET /api/outbox} with the admin
 * token, and so could sign in as any golfer. A code is now read by no API, and once its email has
 * gone it is not kept at all.
 */
class SignInCodesInTheOutboxTest {

    @Test
    void the_outbox_shows_a_waiting_sign_in_email_with_its_code_masked() {
        try (TestApi api = TestApi.start()) {
            assertThat(signIn(api, "ann@example.com").status()).isEqualTo(202);

            JsonNode listed = api.http.get("/api/outbox", TestApi.admin()).json();

            assertThat(listed).hasSize(1);
            String text = listed.get(0).path("text").asText();
            assertThat(text).contains("••••••").doesNotContainPattern("(?m)^[0-9]{6}$");
        }
    }

    @Test
    void a_sent_sign_in_email_keeps_no_code() throws Exception {
        try (MailServer smtp = MailServer.start();
             TestApi api = TestApi.start(Clock.systemUTC(), EmailDeliveryTest.sendingTo(smtp))) {
            assertThat(signIn(api, "bea@example.com").status()).isEqualTo(202);
            String delivered = String.valueOf(smtp.await(1, Duration.ofSeconds(10)).getFirst().message().getContent());
            assertThat(delivered).containsPattern("(?m)^[0-9]{6}\\r?$");

            await().atMost(Duration.ofSeconds(10)).until(() ->
                    api.db.count("select count(*) from email where status = 'sent'") == 1);

            assertThat(api.db.strings("select body_text from email")).singleElement().asString()
                    .contains("••••••").doesNotContainPattern("(?m)^[0-9]{6}$");
        }
    }

    private static Http.Answer signIn(TestApi api, String email) {
        return api.http.post("/api/sign-in", Http.json(Map.of("email", email)), "Content-Type", "application/json");
    }
}
