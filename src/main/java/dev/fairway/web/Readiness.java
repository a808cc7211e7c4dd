package dev.fairway.web;

import dev.fairway.db.resilience.DatabaseProbe;
import dev.fairway.db.resilience.DatabaseProbe.ProbeResult;
import dev.fairway.db.postgres.ReplicationWatch;
import dev.fairway.db.postgres.SchemaMigrator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Whether this instance should get traffic: not while it stops, not before its schema is
 * migrated, not while its database does not answer.
 */
public final class Readiness {

    /** The probe's share of the 2 s the contract allows a readiness answer. */
    static final Duration PROBE_BUDGET = Duration.ofMillis(1500);

    private final DatabaseProbe probe;
    private final SchemaMigrator schema;
    private final CircuitBreaker breaker;
    private final ReplicationWatch replication;
    private final Supplier<Map<String, Object>> email;
    private volatile boolean stopping;

    /** @param email what email delivery is doing: shown, never a reason to be unready */
    public Readiness(DatabaseProbe probe, SchemaMigrator schema, CircuitBreaker breaker, ReplicationWatch replication,
                     Supplier<Map<String, Object>> email) {
        this.probe = probe;
        this.schema = schema;
        this.breaker = breaker;
        this.replication = replication;
        this.email = email;
    }

    /** From now on the instance reports DOWN, so load balancers stop sending to it. */
    public void markStopping() {
        stopping = true;
    }

    public Report check() {
        if (stopping) {
            return Report.down("the service is shutting down", Map.of(), Map.of());
        }
        ProbeResult result = probe.probe(PROBE_BUDGET);
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("status", result.up() ? "UP" : "DOWN");
        if (result.up()) {
            database.put("latencyMs", Math.round(result.latency().toNanos() / 10_000.0) / 100.0);
        } else {
            database.put("reason", result.reason());
        }
        database.put("schema", schema.isReady() ? "up to date" : schema.pendingReason());
        database.put("circuitBreaker", breaker.getState().name());
        database.put("replication", replication.replication().describe(replication.standbyRequired()));
        Map<String, Object> mail = email.get();
        if (!result.up()) {
            return Report.down("the database does not answer", database, mail);
        }
        if (!schema.isReady()) {
            return Report.down("the database schema is not migrated yet", database, mail);
        }
        if (breaker.getState() == CircuitBreaker.State.OPEN || breaker.getState() == CircuitBreaker.State.FORCED_OPEN) {
            return Report.down("the database circuit breaker is open after repeated failures", database, mail);
        }
        return new Report(true, null, database, mail);
    }

    /**
     * A readiness answer.
     *
     * @param up       whether the instance is ready
     * @param reason   why not, when it is not
     * @param database what the database check found
     * @param email    what email delivery is doing
     */
    public record Report(boolean up, String reason, Map<String, Object> database, Map<String, Object> email) {

        static Report down(String reason, Map<String, Object> database, Map<String, Object> email) {
            return new Report(false, reason, database, email);
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", up ? "UP" : "DOWN");
            if (reason != null) {
                body.put("reason", reason);
            }
            body.put("database", database);
            if (!email.isEmpty()) {
                body.put("email", email);
            }
            return body;
        }
    }
}
