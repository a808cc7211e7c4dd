package dev.fairway.db.postgres;

import dev.fairway.db.postgres.Migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.fairway.config.DatabaseUrl;
import dev.fairway.support.Db;
import dev.fairway.support.PgBouncer;
import dev.fairway.support.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Without DIRECT_URL, migrations go through the transaction pooler. Flyway's usual session-level
 * advisory lock would be taken on one server connection and released (or not) on another; the
 * transactional lock works there. Three instances starting at once must each finish, and the
 * schema be migrated exactly once.
 */
class MigrationsThroughPgBouncerTest {

    @Test
    void three_instances_migrate_at_once_through_a_transaction_pooler_without_hanging() {
        DatabaseUrl direct = TestPostgres.newDatabase();
        try (PgBouncer bouncer = PgBouncer.start("transaction", 3)) {
            DatabaseUrl pooled = DatabaseUrl.parse("postgresql://postgres@127.0.0.1:" + bouncer.port() + "/"
                    + direct.database() + "?sslmode=disable&pgbouncer=true");
            CountDownLatch go = new CountDownLatch(1);

            List<Integer> applied = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
                List<CompletableFuture<Integer>> instances = IntStream.range(0, 3)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                            await(go);
                            return new Migrations(pooled).migrate();
                        }))
                        .toList();
                go.countDown();
                return instances.stream().map(CompletableFuture::join).toList();
            });

            int latest = Integer.parseInt(new Migrations(pooled).state().latest());
            assertThat(applied.stream().mapToInt(Integer::intValue).sum()).as("migrations applied in all").isEqualTo(latest);
            assertThat(new Migrations(pooled).state().pending()).isZero();
            assertThat(new Db(direct).count("select count(*) from flyway_schema_history where success and version is not null"))
                    .isEqualTo(latest);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
