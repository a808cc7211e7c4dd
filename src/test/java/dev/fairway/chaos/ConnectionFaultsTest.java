package dev.fairway.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Connections die under load, again and again; clients must not notice beyond latency. */
@ExtendWith(FreshChaosEnvironment.class)
class ConnectionFaultsTest {

    @Test
    void connections_reset_every_2_seconds_for_30_seconds(ChaosEnvironment env) {
        ChaosReport report = Scenarios.resets(env, Duration.ofSeconds(2), Duration.ofSeconds(30), 6, 4);
        System.out.println(ChaosReport.header() + "\n" + report.row());

        assertSurvived(report);
    }

    @Test
    void every_session_terminated_by_the_server_every_2_seconds(ChaosEnvironment env) {
        ChaosReport report = Scenarios.terminations(env, Duration.ofSeconds(2), Duration.ofSeconds(10), 6, 4);
        System.out.println(ChaosReport.header() + "\n" + report.row());

        assertSurvived(report);
    }

    private static void assertSurvived(ChaosReport report) {
        assertThat(report.requests()).as("load ran").isGreaterThan(200);
        assertThat(report.late()).as("answers later than the deadline + 0.2 s").isZero();
        assertThat(report.lost()).as("bookings answered 201 and not stored").isZero();
        assertThat(report.availability5xx()).as("availability 5xx").isZero();
        assertThat(report.unavailable()).as("503s: every failure was retried away").isZero();
        assertThat(report.otherErrors()).as("other errors").isZero();
        assertThat(report.resets()).as("HTTP connections reset").isZero();
        assertThat(report.acknowledged()).as("bookings answered 201").isPositive();
        assertThat(report.present()).as("bookings in the database").isEqualTo(report.acknowledged());
        assertThat(report.duplicates()).as("booked twice").isZero();
        assertThat(report.overbooked()).as("overbooked tee times").isZero();
        assertThat(report.countMismatches()).as("booked counts that disagree with the bookings").isZero();
    }
}
