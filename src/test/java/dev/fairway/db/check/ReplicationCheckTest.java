package dev.fairway.db.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.db.check.CheckReport;
import dev.fairway.db.check.ConnectionCheck;
import dev.fairway.db.check.Step;
import dev.fairway.db.check.StepResult.Outcome;
import dev.fairway.support.ReplicatedPostgres;
import dev.fairway.support.TestPostgres;
import org.junit.jupiter.api.Test;

/** {@code check-db} says whether a failover could lose acknowledged bookings, on real replicated servers. */
class ReplicationCheckTest {

    @Test
    void an_asynchronous_standby_is_a_warning_that_a_failover_can_lose_bookings_and_a_standby_fails() {
        try (ReplicatedPostgres servers = ReplicatedPostgres.start(false)) {
            CheckReport primary = new ConnectionCheck(servers.primaryDb().url()).run();
            CheckReport standby = new ConnectionCheck(servers.replicaDb().url()).run();

            assertThat(primary.step(Step.REPLICATION).outcome()).isEqualTo(Outcome.WARN);
            assertThat(primary.step(Step.REPLICATION).finding()).contains("asynchronous: 1 standby",
                    "a failover can lose bookings");
            assertThat(primary.step(Step.REPLICATION).diagnosis()).contains("FAIRWAY_DB_REQUIRE_SYNC_STANDBY=true");
            assertThat(standby.step(Step.REPLICATION).outcome()).isEqualTo(Outcome.FAIL);
            assertThat(standby.step(Step.REPLICATION).finding()).contains("standby");
            assertThat(standby.usable()).isFalse();
        }
    }

    @Test
    void a_synchronous_standby_is_fine() {
        try (ReplicatedPostgres servers = ReplicatedPostgres.start(true)) {
            CheckReport primary = new ConnectionCheck(servers.primaryDb().url()).run();

            assertThat(primary.step(Step.REPLICATION).outcome()).isEqualTo(Outcome.OK);
            assertThat(primary.step(Step.REPLICATION).finding()).contains("synchronous: 1 standby(s) confirm every commit");
        }
    }

    @Test
    void a_server_without_standbys_has_nothing_to_lose_in_a_failover() {
        CheckReport report = new ConnectionCheck(TestPostgres.newDatabase()).run();

        assertThat(report.step(Step.REPLICATION).outcome()).isEqualTo(Outcome.OK);
        assertThat(report.step(Step.REPLICATION).finding()).startsWith("no standby streaming");
    }
}
