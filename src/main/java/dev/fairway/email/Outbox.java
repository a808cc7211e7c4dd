package dev.fairway.email;

import dev.fairway.db.Database;
import dev.fairway.db.DatabaseException;
import dev.fairway.db.Deadline;
import dev.fairway.db.SqlSession;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the outbox holds, as the admin, the metrics and the readiness answer see it. The counts
 * are read every {@link #REFRESH} in the background, so a scrape never touches the database.
 */
public final class Outbox implements AutoCloseable {

    /** The admin sees the newest this many. */
    public static final int LIST_LIMIT = 100;
    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final Database database;
    private final Clock clock;
    private final Optional<String> smtp;
    private final EmailComposer composer;
    private final OutboxStore store = new OutboxStore();
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("outbox-counts").factory());
    private volatile OutboxStore.Counts counts = new OutboxStore.Counts(0, 0, null);
    private volatile String lastFailure;

    /**
     * @param smtp     where email goes, printable (no password); empty when it is not sent
     * @param composer puts a booking's emails into words
     */
    public Outbox(Database database, Clock clock, Optional<String> smtp, EmailComposer composer, MeterRegistry metrics) {
        this.database = database;
        this.clock = clock;
        this.smtp = smtp;
        this.composer = composer;
        Gauge.builder("fairway.emails", this, outbox -> outbox.counts.pending()).tag("status", "pending")
                .description("Emails in the outbox, by status (pending and failed)").register(metrics);
        Gauge.builder("fairway.emails", this, outbox -> outbox.counts.failed()).tag("status", "failed")
                .description("Emails in the outbox, by status (pending and failed)").register(metrics);
        Gauge.builder("fairway.email.oldest.pending.age", this, Outbox::oldestPendingSeconds)
                .baseUnit("seconds").description("How long the oldest pending email has waited").register(metrics);
        sent = attempts(metrics, "sent");
        retried = attempts(metrics, "retry");
        failed = attempts(metrics, "failed");
    }

    private static Counter attempts(MeterRegistry metrics, String result) {
        return Counter.builder("fairway.email.delivery.attempts").tag("result", result)
                .description("Delivery attempts by this instance: sent, to be retried, given up").register(metrics);
    }

    public void start() {
        if (refresher.isShutdown()) {
            return;
        }
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The newest {@link #LIST_LIMIT} emails of {@code status}, or of any status when empty, in words. */
    public List<OutboxEntry> newest(Optional<String> status, Deadline deadline) {
        List<OutboxStore.Listed> listed = database.read("outbox.list", deadline,
                session -> store.newest(session, status.orElse(null), LIST_LIMIT));
        Map<String, OutgoingEmail> words = compose(listed.stream().map(OutboxStore.Listed::email).toList(), false,
                deadline);
        return listed.stream().map(entry -> {
            OutgoingEmail email = words.get(entry.email().id());
            return new OutboxEntry(entry.email().id(), entry.email().to(),
                    email == null ? "(its booking is gone)" : email.subject(), entry.status(), entry.attempts(),
                    entry.createdAt(), entry.sentAt(),
                    email == null ? "" : SignInCodeMask.masked(entry.email().kind(), email.text()));
        }).toList();
    }

    /** The emails of {@code stored} in words, by id: as stored, or composed from their booking. */
    Map<String, OutgoingEmail> compose(List<StoredEmail> stored, boolean toSend, Deadline deadline) {
        Map<String, OutgoingEmail> words = new HashMap<>();
        List<StoredEmail> fromBookings = new ArrayList<>();
        for (StoredEmail email : stored) {
            if (email.written()) {
                words.put(email.id(), email.asWritten());
            } else {
                fromBookings.add(email);
            }
        }
        if (!fromBookings.isEmpty()) {
            words.putAll(composer.compose(fromBookings, toSend, deadline));
        }
        return words;
    }

    /**
     * Writes an email that carries its own words (not a booking's) in the caller's transaction:
     * it is sent if and only if that transaction commits.
     */
    public void write(SqlSession session, StoredEmail email) throws SQLException {
        store.write(session, email);
    }

    /** What the readiness answer says of email: it never makes the instance unready. */
    public Map<String, Object> health() {
        Map<String, Object> health = new LinkedHashMap<>();
        String failure = lastFailure;
        health.put("status", smtp.isEmpty() ? "NOT CONFIGURED" : failure == null ? "UP" : "DOWN");
        smtp.ifPresent(url -> health.put("smtp", url));
        if (failure != null) {
            health.put("reason", failure);
        }
        health.put("pending", counts.pending());
        health.put("oldestPendingSeconds", oldestPendingSeconds());
        health.put("note", smtp.isEmpty()
                ? "FAIRWAY_SMTP_URL is not set: emails wait in the outbox (GET /api/outbox)"
                : "emails wait in the outbox while SMTP is down; the service stays ready");
        return health;
    }

    /** Records {@code email} as sent, with what that leads to, in one transaction. */
    void recordSent(SqlSession session, StoredEmail email) throws SQLException {
        store.sent(session, email.id());
        if (!email.written()) {
            composer.sent(session, email);
        }
    }

    void delivered() {
        sent.increment();
        lastFailure = null;
    }

    void willRetry(DeliveryFailure failure) {
        retried.increment();
        if (failure.kind() == DeliveryFailure.Kind.SERVER_UNAVAILABLE) {
            lastFailure = failure.getMessage();
        }
    }

    void gaveUp() {
        failed.increment();
    }

    private long oldestPendingSeconds() {
        OutboxStore.Counts now = counts;
        return now.oldestPending() == null ? 0
                : Math.max(0, Duration.between(now.oldestPending(), clock.instant()).toSeconds());
    }

    private void refresh() {
        try {
            counts = database.read("outbox.counts", Deadline.after(DEADLINE), store::counts);
        } catch (DatabaseException e) {
            // The database's own log and metrics say it is down; the counts keep their last value.
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
