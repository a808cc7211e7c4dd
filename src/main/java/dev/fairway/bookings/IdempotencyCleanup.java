package dev.fairway.bookings;

import dev.fairway.db.Database;
import dev.fairway.db.DatabaseException;
import dev.fairway.db.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes Idempotency-Keys once they are older than {@link #RETENTION}, every {@link #PERIOD}, in small batches. */
public final class IdempotencyCleanup implements AutoCloseable {

    /** The contract keeps keys at least 24 hours; an hour more covers clocks that disagree a little. */
    public static final Duration RETENTION = Duration.ofHours(25);
    public static final Duration PERIOD = Duration.ofMinutes(10);
    /** Rows per delete: short transactions that never hold many locks. */
    static final int BATCH = 1000;
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private final Database database;
    private final Clock clock;
    private final IdempotencyStore keys = new IdempotencyStore();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("idempotency-cleanup").factory());

    public IdempotencyCleanup(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::runQuietly, PERIOD.toMinutes(), PERIOD.toMinutes(), TimeUnit.MINUTES);
    }

    /** Deletes every expired key now; returns how many. */
    public int run() {
        Instant cutoff = clock.instant().minus(RETENTION);
        int total = 0;
        int deleted;
        do {
            deleted = database.write("idempotency.cleanup", Deadline.after(DEADLINE),
                    session -> keys.deleteStoredBefore(session, cutoff, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    private void runQuietly() {
        try {
            int deleted = run();
            if (deleted > 0) {
                log.info("Removed {} Idempotency-Keys older than {} h", deleted, RETENTION.toHours());
            }
        } catch (DatabaseException e) {
            log.warn("Idempotency-Key cleanup did not run, next try in {} min: {}", PERIOD.toMinutes(), e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
