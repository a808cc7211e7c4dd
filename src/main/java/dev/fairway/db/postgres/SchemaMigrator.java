package dev.fairway.db.postgres;

import dev.fairway.db.SqlFailures;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies migrations in the background at start, retrying until the database lets it, so the
 * service can start while its database is down and become ready by itself when it returns.
 */
public final class SchemaMigrator implements AutoCloseable {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    private final Migrations migrations;
    private final List<Runnable> whenReady;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile String lastFailure = "not attempted yet";
    private volatile boolean closed;
    private Thread worker;

    /** @param whenReady run once, in order, after the schema is up to date (a failure is logged, not fatal) */
    public SchemaMigrator(Migrations migrations, List<Runnable> whenReady) {
        this.migrations = migrations;
        this.whenReady = List.copyOf(whenReady);
    }

    public void start() {
        worker = Thread.ofVirtual().name("schema-migrator").start(this::migrateUntilDone);
    }

    public boolean isReady() {
        return ready.getCount() == 0;
    }

    /** Why the schema is not ready yet; empty when it is. */
    public String pendingReason() {
        return isReady() ? "" : "schema migrations have not run: " + lastFailure;
    }

    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void migrateUntilDone() {
        DoublingWait wait = new DoublingWait(FIRST_RETRY, MAX_RETRY);
        while (!closed) {
            try {
                int applied = migrations.migrate();
                log.info("Database schema is up to date ({} migration{} applied now)", applied, applied == 1 ? "" : "s");
                break;
            } catch (RuntimeException e) {
                lastFailure = SqlFailures.describe(e);
                log.warn("Database migrations did not run, retrying in {} ms: {} (to see why, step by step: "
                        + "java -jar fairway.jar check-db, with the same DATABASE_URL)", wait.next().toMillis(), lastFailure);
            }
            if (!wait.sleep()) {
                return;
            }
        }
        if (closed) {
            return;
        }
        for (Runnable task : whenReady) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("A start-up task after migrations failed: {}", SqlFailures.describe(e));
            }
        }
        ready.countDown();
    }

    @Override
    public void close() {
        closed = true;
        if (worker != null) {
            worker.interrupt();
        }
    }
}
