package dev.fairway.db.resilience;

import dev.fairway.db.CircuitOpenException;
import dev.fairway.db.Deadline;

import dev.fairway.db.Phase;

import dev.fairway.db.DatabaseException;

import dev.fairway.db.resilience.ResiliencePolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fairway.config.ResilienceSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The policy's decisions, on failures as the runner reports them. Real database faults are
 * injected in the fault-injection suite; here each decision is pinned down on its own.
 */
class ResiliencePolicyTest {

    private final ResiliencePolicy policy = new ResiliencePolicy(ResilienceSettings.defaults(), System::currentTimeMillis);

    private static DatabaseException failure(String state, Phase phase) {
        return new DatabaseException("test.op", phase, new SQLException("simulated " + state, state));
    }

    @Test
    void retries_a_transient_failure_and_attaches_the_earlier_ones_when_it_gives_up() {
        List<Integer> attempts = new ArrayList<>();

        assertThatThrownBy(() -> policy.call("test.op", Deadline.after(Duration.ofSeconds(5)), n -> {
            attempts.add(n);
            throw failure("08006", Phase.WORK);
        })).isInstanceOfSatisfying(DatabaseException.class, e -> assertThat(e.getSuppressed()).hasSize(2));

        assertThat(attempts).containsExactly(1, 2, 3);
    }

    @Test
    void retries_an_ambiguous_commit_so_the_idempotent_work_can_look_its_write_up() {
        List<Integer> attempts = new ArrayList<>();

        String result = policy.call("test.op", Deadline.after(Duration.ofSeconds(5)), n -> {
            attempts.add(n);
            if (n == 1) {
                throw failure("08006", Phase.COMMIT);
            }
            return "found the first attempt's row";
        });

        assertThat(result).isEqualTo("found the first attempt's row");
        assertThat(attempts).containsExactly(1, 2);
    }

    @Test
    void never_retries_a_permanent_failure() {
        List<Integer> attempts = new ArrayList<>();

        assertThatThrownBy(() -> policy.call("test.op", Deadline.after(Duration.ofSeconds(5)), n -> {
            attempts.add(n);
            throw failure("23505", Phase.WORK);
        })).isInstanceOf(DatabaseException.class);

        assertThat(attempts).containsExactly(1);
    }

    @Test
    void never_waits_past_the_deadline() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> policy.call("test.op", Deadline.after(Duration.ofMillis(120)), n -> {
            throw failure("08001", Phase.CONNECT);
        })).isInstanceOf(DatabaseException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(120 + 50));
    }

    @Test
    void stops_retrying_when_the_budget_is_spent() {
        ResilienceSettings tight = new ResilienceSettings(Duration.ofSeconds(5), 3, Duration.ofMillis(1),
                Duration.ofMillis(1), 0.0, 1, Duration.ofSeconds(10), 50, 1000, 1000,
                Duration.ofSeconds(1), 2, ResilienceSettings.ATTEMPT_TIMEOUT, ResilienceSettings.LOCK_TIMEOUT,
                ResilienceSettings.IDLE_IN_TRANSACTION_TIMEOUT, false);
        ResiliencePolicy budgeted = new ResiliencePolicy(tight, System::currentTimeMillis);
        List<String> exhausted = new ArrayList<>();
        budgeted.addListener(new ResiliencePolicy.Listener() {
            @Override
            public void budgetExhausted(String operation, DatabaseException failure) {
                exhausted.add(operation);
            }
        });
        int[] attempts = {0};

        for (int call = 0; call < 10; call++) {
            assertThatThrownBy(() -> budgeted.call("test.op", Deadline.after(Duration.ofSeconds(5)), n -> {
                attempts[0]++;
                throw failure("08006", Phase.WORK);
            })).isInstanceOf(DatabaseException.class);
        }

        // 10 retries allowed in the window (1 per second x 10 s, ratio 0), not 20
        assertThat(attempts[0]).isEqualTo(10 + 10);
        assertThat(exhausted).isNotEmpty();
    }

    @Test
    void opens_the_breaker_on_sustained_failure_then_fails_fast_then_closes_after_successful_probes() throws Exception {
        for (int call = 0; call < 30; call++) {
            try {
                policy.call("test.op", Deadline.after(Duration.ofSeconds(5)), n -> {
                    throw failure("08001", Phase.CONNECT);
                });
            } catch (DatabaseException expected) {
                // failing
            }
        }
        assertThat(policy.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

        long start = System.nanoTime();
        assertThatThrownBy(() -> policy.call("test.op", Deadline.after(Duration.ofSeconds(5)), n -> "never run"))
                .isInstanceOf(CircuitOpenException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(50));

        Thread.sleep(ResilienceSettings.BREAKER_OPEN_DURATION.toMillis() + 50);
        for (int probe = 0; probe < ResilienceSettings.BREAKER_HALF_OPEN_CALLS; probe++) {
            String answer = policy.call("test.op", Deadline.after(Duration.ofSeconds(5)), n -> "ok");
            assertThat(answer).isEqualTo("ok");
        }
        assertThat(policy.breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void a_permanent_failure_does_not_count_against_the_database() {
        for (int call = 0; call < 50; call++) {
            try {
                policy.call("test.op", Deadline.after(Duration.ofSeconds(5)), n -> {
                    throw failure("23514", Phase.WORK);
                });
            } catch (DatabaseException expected) {
                // a rule of the database, not its health
            }
        }

        assertThat(policy.breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
