package dev.fairway.db.resilience;

import dev.fairway.db.resilience.RetryBudget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final RetryBudget budget = new RetryBudget(0.2, 10, Duration.ofSeconds(10), clock::get);

    @Test
    void allows_a_fifth_of_the_calls_plus_ten_per_second_of_the_window() {
        for (int i = 0; i < 500; i++) {
            budget.recordCall();
        }
        int granted = 0;
        while (budget.tryAcquireRetry()) {
            granted++;
        }

        assertThat(granted).isEqualTo(100 + 100); // 0.2 x 500 calls + 10/s x 10 s
    }

    @Test
    void with_no_calls_allows_only_the_trickle() {
        int granted = 0;
        while (budget.tryAcquireRetry()) {
            granted++;
        }

        assertThat(granted).isEqualTo(100);
    }

    @Test
    void forgets_what_left_the_window() {
        while (budget.tryAcquireRetry()) {
            // spend it
        }
        assertThat(budget.tryAcquireRetry()).isFalse();

        clock.addAndGet(Duration.ofSeconds(11).toMillis());

        assertThat(budget.tryAcquireRetry()).isTrue();
    }
}
