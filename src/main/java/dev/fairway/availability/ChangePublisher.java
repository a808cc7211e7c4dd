package dev.fairway.availability;

import dev.fairway.config.CacheSettings;
import dev.fairway.db.Database;
import dev.fairway.db.DatabaseException;
import dev.fairway.db.Deadline;
import dev.fairway.teesheet.TeeSheetChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the other instances, on {@value ChangePayloads#CHANNEL}, which tee times this
 * instance's bookings and cancellations changed: after they commit, in batches, from one
 * background thread.
 *
 * <p>Why not NOTIFY inside the booking's transaction (a trigger): PostgreSQL takes one global
 * lock for the notification queue from just before a notifying transaction commits until its
 * commit is flushed, so every booking's commit would wait for the one before it. Measured with
 * {@code bench/bookings}: 0.68x pgbench -N without the trigger, 0.45x with it. Batched, one
 * instance sends at most one notifying transaction per {@link #PAUSE}.
 *
 * <p>What this gives up: a change is announced only if the instance that made it lives to send
 * the batch (a few milliseconds after the commit), and tee times changed by anyone else than
 * Fairway (psql) are not announced. Other instances re-read a cached day at the latest after
 * {@link CacheSettings#LISTENING_MAX_AGE}.
 */
public final class ChangePublisher implements TeeSheetChanges, AutoCloseable {

    /**
     * Between two batches: at most 50 notifying transactions a second from one instance, each a
     * commit PostgreSQL flushes; a change still reaches the others well within 100 ms.
     */
    static final Duration PAUSE = Duration.ofMillis(20);
    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    static final int MAX_PAYLOAD_BYTES = 7900;
    /** Changes waiting beyond this many while the database is away are replaced by "everything". */
    static final int MAX_PENDING = 100_000;
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    /** How often an idle publisher looks whether it is closed. */
    private static final Duration IDLE_CHECK = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(ChangePublisher.class);

    private final Database database;
    private final String origin;
    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>(MAX_PENDING);
    private volatile boolean overflowed;
    private volatile boolean closed;
    private boolean failing;
    private Thread worker;

    /** @param origin this instance's id, sent with every batch so the instance can skip its own */
    public ChangePublisher(Database database, String origin) {
        this.database = database;
        this.origin = origin;
    }

    public void start() {
        worker = Thread.ofVirtual().name("publish-changes").start(this::run);
    }

    @Override
    public void teeTimeChanged(String courseId, Instant start) {
        if (!pending.offer(ChangePayloads.teeTime(courseId, start))) {
            overflowed = true;
        }
    }

    private void run() {
        try {
            while (true) {
                String first = pending.poll(IDLE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    publish(drain(first));
                    Thread.sleep(PAUSE);
                } else if (closed) {
                    return; // everything sent, or tried
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Set<String> drain(String first) {
        Set<String> batch = new LinkedHashSet<>();
        batch.add(first);
        List<String> more = new ArrayList<>();
        pending.drainTo(more);
        batch.addAll(more);
        if (overflowed) {
            overflowed = false;
            return Set.of(ChangePayloads.EVERYTHING);
        }
        return batch;
    }

    private void publish(Set<String> changes) {
        try {
            for (String payload : ChangePayloads.batch(origin, changes, MAX_PAYLOAD_BYTES)) {
                database.writeStatements("changes.publish", Deadline.after(DEADLINE), session ->
                        session.query("select pg_notify(?, ?)", params -> {
                            params.setString(1, ChangePayloads.CHANNEL);
                            params.setString(2, payload);
                        }, row -> Boolean.TRUE));
            }
            if (failing) {
                failing = false;
                log.info("Telling other instances of changes again");
            }
        } catch (DatabaseException e) {
            if (!failing) {
                failing = true;
                log.warn("Could not tell other instances of {} changed tee times ({}); they re-read them within {} s",
                        changes.size(), e.getMessage(), CacheSettings.LISTENING_MAX_AGE.toSeconds());
            }
        }
    }

    /** Stops once what is waiting has been sent (or tried), within a deadline and a little. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        if (worker != null && !worker.join(DEADLINE.plus(IDLE_CHECK).plusSeconds(1))) {
            worker.interrupt();
        }
    }
}
