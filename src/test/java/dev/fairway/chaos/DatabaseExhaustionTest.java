package dev.fairway.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.config.ResilienceSettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection slots run out and a storm of clients meets a database that refuses everyone. */
class DatabaseExhaustionTest {

    private ChaosEnvironment env;

    @BeforeEach
    void start() {
        env = ChaosEnvironment.start();
    }

    @AfterEach
    void stop() {
        env.close();
    }

    @Test
    void max_connections_taken_by_another_client_answers_within_the_deadline_and_leaks_nothing() {
        env.restartWithMaxConnections(30);

        ChaosReport report = Scenarios.exhaustion(env, Duration.ofSeconds(8), 6, 4);
        System.out.println(ChaosReport.header() + "\n" + report.row());

        assertThat(report.max()).as("slowest answer").isLessThanOrEqualTo(DatabaseOutageTest.DEADLINE_AND_SLACK);
        assertThat(report.stale() + report.unavailable()).as("the exhaustion was felt").isPositive();
        assertThat(report.missingRetryAfter()).isZero();
        assertThat(report.otherErrors()).isZero();
        assertThat(report.present()).isEqualTo(report.acknowledged());
        assertThat(report.duplicates()).isZero();
        assertThat(report.overbooked()).isZero();
        assertThat(env.service().pool().activeConnections()).as("connections still borrowed").isZero();
        assertThat(env.service().pool().totalConnections()).as("pool size").isLessThanOrEqualTo(10);
        assertThat(env.db().count("select count(*) from pg_stat_activity where application_name = 'fairway'"))
                .as("Fairway's sessions on the server").isLessThanOrEqualTo(10);
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("fairway-pool-")))
                .as("the pool's own threads (HikariCP keeps one adder, one closer, one housekeeper)").hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void a_retry_storm_of_200_clients_stays_within_the_retry_budget() {
        dev.fairway.support.Http http = env.http();
        java.util.concurrent.CompletableFuture<Boolean> breakerSeenOpen = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            long until = System.nanoTime() + Duration.ofSeconds(12).toNanos();
            while (System.nanoTime() < until) {
                if (http.get("/health/ready").body().contains("circuit breaker is open")) {
                    return true;
                }
                Scenarios.sleep(Duration.ofMillis(50));
            }
            return false;
        });

        Scenarios.Storm storm = Scenarios.retryStorm(env, 200, Duration.ofSeconds(8));
        System.out.println(ChaosReport.header() + "\n" + storm.report().row());
        System.out.printf("storm: %.0f calls, %.0f retries in %.1f s%n", storm.calls(), storm.retries(), storm.seconds());

        double budget = ResilienceSettings.BUDGET_RATIO * storm.calls()
                + ResilienceSettings.BUDGET_PER_SECOND * Math.max(ResilienceSettings.BUDGET_WINDOW.toSeconds(), storm.seconds());
        System.out.println(env.http().get("/metrics").body().lines()
                .filter(l -> l.startsWith("fairway_db_failures_total")).collect(java.util.stream.Collectors.joining("\n")));
        assertThat(storm.calls()).as("the storm hit the service").isGreaterThan(500);
        assertThat(storm.retries()).as("retries, budget %.0f", budget).isLessThanOrEqualTo(budget);
        assertThat(storm.report().max()).isLessThanOrEqualTo(DatabaseOutageTest.DEADLINE_AND_SLACK);
        assertThat(storm.report().otherErrors()).isZero();
        assertThat(storm.report().missingRetryAfter()).isZero();
        assertThat(env.metric("resilience4j_circuitbreaker_state") ).as("breaker state gauge exported").isPositive();
        assertThat(env.metric("fairway_db_failures_total")).as("failures counted by SQLSTATE").isPositive();
        assertThat(storm.report().duplicates()).isZero();
        assertThat(storm.report().present()).isEqualTo(storm.report().acknowledged());
        assertThat(breakerSeenOpen.join()).as("readiness DOWN because the circuit breaker was open").isTrue();
    }
}
