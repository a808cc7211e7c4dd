package dev.fairway.teesheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoShowPolicyTest {

    private static final NoShowPolicy TWO_IN_90_FOR_30 = new NoShowPolicy(2, 90, 30);
    private static final Instant DAY_0 = Instant.parse("2027-01-01T12:00:00Z");

    private static Instant day(int n) {
        return DAY_0.plus(Duration.ofDays(n));
    }

    @Test
    void fewer_no_shows_than_strikes_suspend_nobody() {
        assertThat(TWO_IN_90_FOR_30.suspendedUntil(List.of(day(10)), day(11))).isEmpty();
        assertThat(TWO_IN_90_FOR_30.suspendedUntil(List.of(), day(11))).isEmpty();
    }

    @Test
    void the_second_no_show_suspends_until_suspend_days_after_it() {
        assertThat(TWO_IN_90_FOR_30.suspendedUntil(List.of(day(20), day(10)), day(21))).contains(day(50));
        assertThat(TWO_IN_90_FOR_30.suspendedUntil(List.of(day(20), day(10)), day(50))).isEmpty();
    }

    /**
     * Strikes on day 0 and day 85: on day 90 the first leaves the 90-day window, and the booker has
     * one no-show within it, so they may book from then; the until they are told must say so, not
     * day 115.
     */
    @Test
    void the_suspension_ends_when_the_oldest_counted_no_show_leaves_the_window() {
        assertThat(TWO_IN_90_FOR_30.suspendedUntil(List.of(day(85), day(0)), day(86))).contains(day(90));
    }

    @Test
    void counts_from_within_days_before_now() {
        assertThat(TWO_IN_90_FOR_30.countsFrom(day(100))).isEqualTo(day(10));
    }
}
