package dev.fairway.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults Fairway cannot see coming, under the scenario load of availability reads and keyed
 * bookings: connections left half-open or frozen, a COMMIT held back on its way, and a slow link.
 * No answer may come later than the deadline + 0.2 s, and no booking may be lost or doubled.
 */
@ExtendWith(FreshChaosEnvironment.class)
class SilentLinksTest {

    @Test
    void connections_left_half_open_every_3_seconds(ChaosEnvironment env) {
        ChaosReport report = Scenarios.halfOpen(env, Duration.ofSeconds(3), Duration.ofSeconds(9), 6, 4);
        System.out.println(ChaosReport.header() + "\n" + report.row());

        assertBounded(report);
        assertThat(report.otherErrors()).as("other errors").isZero();
    }

    @Test
    void connections_frozen_every_3_seconds(ChaosEnvironment env) {
        ChaosReport report = Scenarios.silentDrops(env, Duration.ofSeconds(3), Duration.ofSeconds(9), 6, 4);
        System.out.println(ChaosReport.header() + "\n" + report.row());

        assertBounded(report);
        assertThat(report.otherErrors()).as("other errors").isZero();
        assertThat(report.recovery()).as("first fresh answer after the last freeze")
                .isNotNull().isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void a_commit_held_back_every_half_second(ChaosEnvironment env) {
        ChaosReport report = Scenarios.heldCommits(env, Duration.ofMillis(500), Duration.ofSeconds(8), 6, 4);
        System.out.println(ChaosReport.header() + "\n" + report.row());

        assertBounded(report);
        assertThat(report.otherErrors()).as("other errors, the 500s of a retry that raced its first run").isZero();
        assertThat(env.proxy().heldCommits()).as("COMMITs held back").isGreaterThan(5);
    }

    @Test
    void two_seconds_added_to_every_packet(ChaosEnvironment env) {
        ChaosReport report = Scenarios.latency(env, Duration.ofSeconds(2), Duration.ofSeconds(8), 4, 4);
        System.out.println(ChaosReport.header() + "\n" + report.row());

        assertBounded(report);
        assertThat(report.otherErrors()).as("other errors").isZero();
        assertThat(report.missingRetryAfter()).as("503s without Retry-After").isZero();
    }

    private static void assertBounded(ChaosReport report) {
        assertThat(report.requests()).as("load ran").isGreaterThan(100);
        assertThat(report.late()).as("answers later than the deadline + 0.2 s (slowest %s)", report.max()).isZero();
        assertThat(report.resets()).as("HTTP connections reset").isZero();
        assertThat(report.acknowledged()).as("bookings answered 201").isPositive();
        assertThat(report.lost()).as("bookings answered 201 and not stored").isZero();
        assertThat(report.duplicates()).as("booked twice").isZero();
        assertThat(report.overbooked()).as("overbooked tee times").isZero();
        assertThat(report.countMismatches()).as("booked counts that disagree with the bookings").isZero();
    }
}
