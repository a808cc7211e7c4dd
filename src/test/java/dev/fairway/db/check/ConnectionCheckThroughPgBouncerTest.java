package dev.fairway.db.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.config.DatabaseUrl;
import dev.fairway.db.check.CheckReport;
import dev.fairway.db.check.ConnectionCheck;
import dev.fairway.db.check.Step;
import dev.fairway.db.check.StepResult.Outcome;
import dev.fairway.support.PgBouncer;
import dev.fairway.support.TestPostgres;
import org.junit.jupiter.api.Test;

/** check-db in front of a real PgBouncer, in both pool modes. */
class ConnectionCheckThroughPgBouncerTest {

    @Test
    void tells_a_transaction_pooler_and_asks_for_pgbouncer_true() {
        String database = TestPostgres.newDatabase().database();
        try (PgBouncer bouncer = PgBouncer.start("transaction", 5)) {
            String base = "postgres://postgres@127.0.0.1:" + bouncer.port() + "/" + database;

            CheckReport without = new ConnectionCheck(DatabaseUrl.parse(base)).run();
            assertThat(without.step(Step.POOLER).outcome()).isEqualTo(Outcome.FAIL);
            assertThat(without.step(Step.POOLER).diagnosis()).startsWith("add pgbouncer=true");
            assertThat(without.usable()).isFalse();

            CheckReport with = new ConnectionCheck(DatabaseUrl.parse(base + "?pgbouncer=true")).run();
            assertThat(with.step(Step.POOLER).outcome()).isEqualTo(Outcome.OK);
            assertThat(with.step(Step.POOLER).finding()).startsWith("a transaction-mode pooler");
            assertThat(with.usable()).isTrue();
        }
    }

    @Test
    void tells_a_session_pooler_from_a_direct_connection() {
        String database = TestPostgres.newDatabase().database();
        try (PgBouncer bouncer = PgBouncer.start("session", 5)) {
            CheckReport report = new ConnectionCheck(
                    DatabaseUrl.parse("postgres://postgres@127.0.0.1:" + bouncer.port() + "/" + database)).run();

            assertThat(report.step(Step.POOLER).outcome()).isEqualTo(Outcome.WARN);
            assertThat(report.step(Step.POOLER).finding()).contains("session-mode pooler")
                    .contains("listens on port " + TestPostgres.port());
            assertThat(report.usable()).isTrue();
        }
    }

    @Test
    void tells_a_transaction_pooler_whose_pool_has_a_single_server_connection() {
        String database = TestPostgres.newDatabase().database();
        try (PgBouncer bouncer = PgBouncer.start("transaction", 1)) {
            CheckReport report = new ConnectionCheck(
                    DatabaseUrl.parse("postgres://postgres@127.0.0.1:" + bouncer.port() + "/" + database)).run();

            assertThat(report.step(Step.POOLER).outcome()).isEqualTo(Outcome.FAIL);
            assertThat(report.step(Step.POOLER).finding()).isEqualTo("a transaction-mode pooler is in front");
        }
    }
}
