package dev.fairway.email;

import dev.fairway.db.Database;
import dev.fairway.db.DatabaseException;
import dev.fairway.db.Deadline;
import dev.fairway.db.SqlSession;
import dev.fairway.log.LogSafe;
import dev.fairway.log.LogThrottle;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due emails from the outbox, on any number of instances at once: each claims a batch
 * (no two instances one email), sends it, and records each outcome as soon as SMTP answers, so
 * that only a crash between SMTP's answer and that record can send an email twice.
 *
 * <p>Every database call goes through {@link Database}, with its deadline, retries and breaker.
 */
public final class OutboxWorker implements AutoCloseable {

    static final int BATCH = 20;
    /**
     * How long claimed emails are this worker's; after it (this worker died, say), any instance
     * may take them. Short, so a crash delays them little; renewed while a batch is slow.
     */
    static final Duration LEASE = Duration.ofSeconds(60);
    /** The lease is renewed when less than this is left: more than one email can take at SMTP's timeouts. */
    private static final Duration RENEW_BELOW = Duration.ofSeconds(40);
    static final Duration POLL = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Database database;
    private final MailSender sender;
    private final Outbox outbox;
    private final OutboxStore store = new OutboxStore();
    private final LogThrottle throttle = new LogThrottle();
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean stopping;

    public OutboxWorker(Database database, MailSender sender, Outbox outbox) {
        this.database = database;
        this.sender = sender;
        this.outbox = outbox;
        this.thread = Thread.ofPlatform().daemon().name("outbox-worker").unstarted(this::run);
    }

    public synchronized void start() {
        if (!stopping) {
            thread.start();
        }
    }

    /** Something was written to the outbox: look now rather than at the next poll. */
    public void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** The wait before the {@code attempt}th retry: 1 s, 2 s, 4 s ... at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int attempt) {
        int exponent = Math.min(Math.max(attempt - 1, 0), 10);
        return Duration.ofSeconds(Math.min(MAX_BACKOFF.toSeconds(), 1L << exponent));
    }

    private void run() {
        try {
            deliverUntilStopped();
        } finally {
            sender.close();
        }
    }

    private void deliverUntilStopped() {
        while (!stopping) {
            List<OutboxStore.Claimed> batch;
            try {
                batch = database.writeStatements("outbox.claim", Deadline.after(DEADLINE),
                        session -> store.claim(session, BATCH, LEASE));
            } catch (DatabaseException e) {
                warn("claim", "Cannot read the outbox, trying again in " + POLL.toMillis() + " ms: " + e.getMessage());
                batch = List.of();
            }
            if (!batch.isEmpty()) {
                deliver(batch);
            }
            if (batch.size() < BATCH && !stopping) {
                try {
                    wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void deliver(List<OutboxStore.Claimed> batch) {
        Map<String, OutgoingEmail> words;
        try {
            words = outbox.compose(batch.stream().map(OutboxStore.Claimed::email).toList(), true,
                    Deadline.after(DEADLINE));
        } catch (DatabaseException e) {
            warn("compose", "Cannot read what the claimed emails are about, trying again in 1 s: " + e.getMessage());
            release(batch, Duration.ofSeconds(1));
            return;
        }
        long leaseEnds = System.nanoTime() + LEASE.toNanos();
        for (int i = 0; i < batch.size(); i++) {
            List<OutboxStore.Claimed> rest = batch.subList(i, batch.size());
            if (stopping) {
                // Not tried: due again at once, for this worker or another instance's.
                release(rest, Duration.ZERO);
                return;
            }
            if (leaseEnds - System.nanoTime() < RENEW_BELOW.toNanos()) {
                if (!renew(rest)) {
                    return; // their lease runs out by itself; then they are due again
                }
                leaseEnds = System.nanoTime() + LEASE.toNanos();
            }
            OutboxStore.Claimed claimed = batch.get(i);
            String id = claimed.email().id();
            OutgoingEmail email = words.get(id);
            DeliveryFailure failure = email == null
                    ? new DeliveryFailure("its booking is gone, or cancelled", DeliveryFailure.Kind.REFUSED_FOR_GOOD)
                    : send(email);
            if (failure == null) {
                record(id, session -> outbox.recordSent(session, claimed.email()), leaseEnds);
                outbox.delivered();
            } else if (failure.kind() == DeliveryFailure.Kind.REFUSED_FOR_GOOD || claimed.olderThanADay()) {
                record(id, session -> store.failed(session, id, failure.getMessage()), leaseEnds);
                outbox.gaveUp();
                log.warn("Email {} (a {}) failed and will not be sent: {}", LogSafe.reference(id),
                        claimed.email().kind().stored(), LogSafe.withoutAddresses(failure.getMessage()));
            } else {
                Duration wait = backoff(claimed.attempts() + 1);
                record(id, session -> store.later(session, id, wait, failure.getMessage()), leaseEnds);
                outbox.willRetry(failure);
                warn(failure.kind().name(), "Email not sent, next try in " + wait.toSeconds() + " s: "
                        + LogSafe.withoutAddresses(failure.getMessage()));
                if (failure.kind() == DeliveryFailure.Kind.SERVER_UNAVAILABLE) {
                    // No email can go now: the rest wait as long as this one.
                    release(batch.subList(i + 1, batch.size()), wait);
                    return;
                }
            }
        }
    }

    private DeliveryFailure send(OutgoingEmail email) {
        try {
            sender.send(email);
            return null;
        } catch (DeliveryFailure failure) {
            return failure;
        } catch (RuntimeException e) {
            // A bug of ours (or the library's): the email waits, and the log says so once a second.
            return new DeliveryFailure("sending failed: " + e.getClass().getSimpleName(),
                    DeliveryFailure.Kind.REFUSED_FOR_NOW);
        }
    }

    /** One statement of the outbox's, run for its effect. */
    @FunctionalInterface
    private interface Outcome {
        void record(SqlSession session) throws SQLException;
    }

    /**
     * Records an outcome, trying for as long as the lease allows: an email SMTP took must not be
     * sent again because the database was away for a moment.
     */
    private void record(String id, Outcome outcome, long leaseEnds) {
        while (true) {
            try {
                database.write("outbox.record", Deadline.after(DEADLINE), session -> {
                    outcome.record(session);
                    return null;
                });
                return;
            } catch (DatabaseException e) {
                if (System.nanoTime() > leaseEnds) {
                    log.warn("Could not record the outcome of email {} before its lease ran out; it may be sent "
                            + "again: {}", id, e.getMessage());
                    return;
                }
                warn("record", "Cannot record an email's outcome yet, trying again: " + e.getMessage());
                sleep(POLL);
            }
        }
    }

    /** Extends the lease of the claimed emails not sent yet; whether it could. */
    private boolean renew(List<OutboxStore.Claimed> rest) {
        try {
            database.writeStatements("outbox.renew", Deadline.after(DEADLINE), session -> {
                store.release(session, ids(rest), LEASE);
                return null;
            });
            return true;
        } catch (DatabaseException e) {
            warn("renew", "Could not extend the lease of claimed emails; they are due again when it ends: "
                    + e.getMessage());
            return false;
        }
    }

    private void release(List<OutboxStore.Claimed> rest, Duration wait) {
        if (rest.isEmpty()) {
            return;
        }
        try {
            database.writeStatements("outbox.release", Deadline.after(DEADLINE), session -> {
                store.release(session, ids(rest), wait);
                return null;
            });
        } catch (DatabaseException e) {
            // Their lease runs out by itself; then they are due again.
            warn("release", "Could not hand back claimed emails; they are due again when their lease ends: "
                    + e.getMessage());
        }
    }

    private static List<String> ids(List<OutboxStore.Claimed> claimed) {
        return claimed.stream().map(c -> c.email().id()).toList();
    }

    private void warn(String key, String message) {
        long heldBack = throttle.admit(key);
        if (heldBack >= 0) {
            log.warn("{}{}", message, LogThrottle.heldBack(heldBack));
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops after the email being sent, if any, is sent and recorded: one that SMTP took is never
     * left unrecorded by a stop. Waits at most SMTP's timeouts for it.
     */
    @Override
    public void close() {
        synchronized (this) {
            stopping = true;
        }
        wake.release();
        try {
            thread.join(SmtpSender.TIMEOUT.multipliedBy(3).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
