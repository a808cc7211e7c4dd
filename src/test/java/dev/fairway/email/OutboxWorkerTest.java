package dev.fairway.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxWorkerTest {

    @Test
    void retries_wait_one_two_four_seconds_and_then_at_most_thirty() {
        assertThat(OutboxWorker.backoff(1)).hasSeconds(1);
        assertThat(OutboxWorker.backoff(2)).hasSeconds(2);
        assertThat(OutboxWorker.backoff(3)).hasSeconds(4);
        assertThat(OutboxWorker.backoff(6)).hasSeconds(30);
        assertThat(OutboxWorker.backoff(1000)).hasSeconds(30);
    }
}
