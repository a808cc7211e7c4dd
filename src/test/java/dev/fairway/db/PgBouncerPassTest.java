package dev.fairway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fairway.support.TestApi;
import dev.fairway.support.TestPooler;
import dev.fairway.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * Proves the build's PgBouncer pass really goes through PgBouncer: a service started the way the
 * API tests start theirs is configured as behind a transaction pooler, works, and PgBouncer logged
 * its logins. Only meaningful in that pass; skipped in the direct one.
 */
class PgBouncerPassTest {

    @Test
    void api_tests_in_the_pgbouncer_pass_reach_postgresql_through_pgbouncer() {
        assumeTrue(TestPooler.active(), "only in the build's PgBouncer pass (-D" + TestPooler.PROPERTY + "=pgbouncer)");
        try (TestApi api = TestApi.start()) {
            assertThat(TestService.settings(api.database).database().orElseThrow().transactionPooler()).isTrue();
            assertThat(api.putCourse("through-pooler", TestApi.pineValley()).status()).isEqualTo(201);
            assertThat(api.http.get("/api/courses/through-pooler").status()).isEqualTo(200);

            assertThat(TestPooler.log()).contains("login attempt: db=" + api.database.database() + " ");
        }
    }
}
