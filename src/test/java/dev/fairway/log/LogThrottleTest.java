package dev.fairway.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LogThrottle throttle = new LogThrottle(Duration.ofSeconds(1), now::get);

    @Test
    void lets_the_first_line_of_a_key_through_and_holds_back_the_rest_of_the_second() {
        assertThat(throttle.admit("25006")).isZero();
        for (int i = 0; i < 99; i++) {
            now.addAndGet(Duration.ofMillis(5).toNanos());
            assertThat(throttle.admit("25006")).isEqualTo(-1);
        }

        now.addAndGet(Duration.ofMillis(600).toNanos());

        assertThat(throttle.admit("25006")).as("the next line says how many were held back").isEqualTo(99);
        assertThat(throttle.admit("25006")).isEqualTo(-1);
    }

    @Test
    void keys_do_not_hold_each_other_back() {
        assertThat(throttle.admit("25006")).isZero();
        assertThat(throttle.admit("55P03")).isZero();
        assertThat(throttle.admit("25006")).isEqualTo(-1);
    }

    @Test
    void says_how_many_were_held_back() {
        assertThat(LogThrottle.heldBack(0)).isEmpty();
        assertThat(LogThrottle.heldBack(12)).isEqualTo(" (and 12 more like it since the last such line)");
    }
}
