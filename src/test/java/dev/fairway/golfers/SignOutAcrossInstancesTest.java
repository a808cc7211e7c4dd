package dev.fairway.golfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fairway.support.SettableClock;
import dev.fairway.support.SignIns;
import dev.fairway.support.TestApi;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Another instance remembers a live token's row and reads it again in the background once it is
 * {@link GolferService#REMEMBER_TOKENS} old: a sign-out elsewhere reaches it by that read.
 */
class SignOutAcrossInstancesTest {

    @Test
    void a_token_signed_out_on_one_instance_is_refused_by_another_once_it_reads_the_token_again() {
        SettableClock clock = new SettableClock(Instant.now());
        try (TestApi first = TestApi.start(clock); TestApi second = first.beside(clock)) {
            String[] bearer = SignIns.bearer(SignIns.signIn(first, "ann@example.com"));
            assertThat(second.http.get("/api/me", bearer).status()).as("read on the second instance").isEqualTo(200);

            assertThat(first.http.post("/api/sign-out", "", bearer).status()).isEqualTo(204);

            assertThat(first.http.get("/api/me", bearer).status()).as("where it was signed out, at once").isEqualTo(401);
            assertThat(second.http.get("/api/me", bearer).status()).as("remembered on the other").isEqualTo(200);
            clock.advance(GolferService.REMEMBER_TOKENS);
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> second.http.get("/api/me", bearer).status() == 401);
        }
    }
}
