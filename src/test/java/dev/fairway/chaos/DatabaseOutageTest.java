package dev.fairway.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.support.Http;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The database goes away for 10 s, three ways, under load, and comes back. */
@ExtendWith(FreshChaosEnvironment.class)
class DatabaseOutageTest {

    @Test
    void unreachable_for_10_seconds_answers_within_the_deadline_stale_or_503_and_books_each_request_once(ChaosEnvironment env) {
        Http http = env.http();
        CompletableFuture<Boolean> readinessWentDown = CompletableFuture.supplyAsync(() -> {
            long until = System.nanoTime() + Duration.ofSeconds(12).toNanos();
            while (System.nanoTime() < until) {
                Http.Answer ready = http.get("/health/ready");
                if (ready.status() == 503) {
                    return true;
                }
                Scenarios.sleep(Duration.ofMillis(100));
            }
            return false;
        });

        ChaosReport report = Scenarios.outage(env, Duration.ofSeconds(10), 6, 4);
        System.out.println(ChaosReport.header() + "\n" + report.row());

        assertThat(report.max()).as("slowest answer").isLessThanOrEqualTo(ChaosReport.LATE);
        assertThat(report.late()).as("answers later than the deadline + 0.2 s").isZero();
        assertThat(report.stale()).as("availability answered from the last data read").isPositive();
        // Every date the readers ask for was read before the outage, and so was the course: even
        // though losing the LISTEN connection supersedes every cached copy, none may become a 503.
        assertThat(report.availability5xx()).as("availability 5xx for dates read before the outage").isZero();
        assertThat(report.unavailable()).as("503s during the outage").isPositive();
        assertThat(report.missingRetryAfter()).as("503s without Retry-After").isZero();
        assertThat(report.otherErrors()).as("other errors").isZero();
        assertThat(report.resets()).as("HTTP connections reset").isZero();
        assertThat(report.recovery()).as("first fresh answer after the database returned")
                .isNotNull().isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(report.present()).as("each acknowledged booking is in the database").isEqualTo(report.acknowledged());
        assertThat(report.duplicates()).as("a request booked twice").isZero();
        assertThat(report.overbooked()).isZero();
        assertThat(report.countMismatches()).isZero();
        assertThat(readinessWentDown.join()).as("readiness DOWN during the outage").isTrue();
    }
}
