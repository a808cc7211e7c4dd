package dev.fairway.db.resilience;

import dev.fairway.db.resilience.Backoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void doubles_from_the_base_up_to_the_cap() {
        assertThat(backoff.ceilingMillis(1)).isEqualTo(100);
        assertThat(backoff.ceilingMillis(2)).isEqualTo(200);
        assertThat(backoff.ceilingMillis(3)).isEqualTo(400);
        assertThat(backoff.ceilingMillis(4)).isEqualTo(800);
        assertThat(backoff.ceilingMillis(5)).isEqualTo(1000);
        assertThat(backoff.ceilingMillis(40)).isEqualTo(1000);
    }

    @Test
    void draws_each_wait_from_zero_to_the_ceiling() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            long wait = backoff.before(2).toMillis();
            assertThat(wait).isBetween(0L, 200L);
            seen.add(wait / 50);
        }
        assertThat(seen).as("spread over the whole range, not bunched").containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L);
    }
}
