package dev.fairway.chaos;

import dev.fairway.config.ResilienceSettings;
import dev.fairway.support.Db;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a scenario did, in one row: requests and their answers, latency, and what the database
 * holds at the end against what clients were told.
 *
 * @param scenario         its name
 * @param requests         requests sent
 * @param ok               fresh successful answers (availability 200 not stale, booking 201, booking 409 with a slug)
 * @param stale            availability answered stale
 * @param unavailable      503s
 * @param missingRetryAfter 503s without a Retry-After header
 * @param otherErrors      anything else: other 5xx, unexpected 4xx, no answer at all (but resets)
 * @param resets           no answer because the HTTP connection was reset or closed before any byte
 *                         of the answer (the client sends the request again, with its key)
 * @param availability5xx  availability answers with a 5xx status
 * @param p50              median latency
 * @param p99              99th percentile latency
 * @param max              slowest answer
 * @param late             answers that came later than the request deadline plus 0.2 s
 * @param acknowledged     bookings answered 201
 * @param present          bookings of the workload in the database
 * @param lost             bookings answered 201 that are not in the database
 * @param duplicates       Idempotency-Keys with more than one booking
 * @param overbooked       tee times with more players than they hold
 * @param countMismatches  tee times whose booked count differs from their confirmed bookings
 * @param recovery         from the end of the fault to the first fresh availability answer; null when not measured
 * @param otherSamples     a few of the other errors, to say what they were
 */
public record ChaosReport(String scenario, long requests, long ok, long stale, long unavailable, long missingRetryAfter,
                          long otherErrors, long resets, long availability5xx, Duration p50, Duration p99, Duration max,
                          long late, long acknowledged, long present, long lost, long duplicates, long overbooked, long countMismatches,
                          Duration recovery, List<String> otherSamples) {

    /** The request deadline, and what the answer may take on top to reach the client. */
    public static final Duration LATE = ResilienceSettings.REQUEST_DEADLINE.plusMillis(200);

    static ChaosReport of(String scenario, Workload workload, Db db, Long faultEndNanos) {
        List<Outcome> outcomes = workload.outcomes();
        long ok = outcomes.stream().filter(Outcome::ok).count();
        long stale = outcomes.stream().filter(Outcome::staleAnswer).count();
        long unavailable = outcomes.stream().filter(o -> o.status() == 503).count();
        long missingRetryAfter = outcomes.stream().filter(o -> o.status() == 503 && o.retryAfter() == null).count();
        long resets = outcomes.stream().filter(Outcome::reset).count();
        long other = outcomes.stream().filter(o -> !o.expected() && !o.reset()).count();
        List<String> otherSamples = outcomes.stream().filter(o -> !o.expected())
                .limit(5).map(o -> o.kind() + " " + o.status() + " " + o.problem()).toList();
        long availability5xx = outcomes.stream().filter(o -> o.kind() == Outcome.Kind.AVAILABILITY
                && (o.status() >= 500 && o.status() != 503)).count();
        long[] latencies = outcomes.stream().mapToLong(Outcome::latencyNanos).sorted().toArray();
        long late = java.util.Arrays.stream(latencies).filter(l -> l > LATE.toNanos()).count();
        Duration recovery = null;
        if (faultEndNanos != null) {
            recovery = outcomes.stream()
                    .filter(o -> o.fresh() && o.startNanos() >= faultEndNanos)
                    .map(o -> Duration.ofNanos(o.startNanos() + o.latencyNanos() - faultEndNanos))
                    .min(Duration::compareTo).orElse(null);
        }
        Map<String, String> acknowledged = workload.acknowledged();
        java.util.Set<Object> stored = new java.util.HashSet<>();
        db.rows("select id from booking where name like 'chaos %'").forEach(row -> stored.add(row.get("id")));
        long present = stored.size();
        long lost = acknowledged.values().stream().filter(id -> !stored.contains(id)).count();
        long duplicates = db.count("select count(*) from (select name from booking where name like 'chaos %' "
                + "group by name having count(*) > 1) d");
        long overbooked = db.count("select count(*) from tee_time t where t.booked > t.capacity or "
                + "(select coalesce(sum(players), 0) from booking b where b.course_id = t.course_id "
                + "and b.starts_at = t.starts_at and b.status = 'confirmed') > 4");
        long mismatches = db.count("select count(*) from tee_time t where t.booked <> "
                + "(select coalesce(sum(players), 0) from booking b where b.course_id = t.course_id "
                + "and b.starts_at = t.starts_at and b.status = 'confirmed')");
        return new ChaosReport(scenario, outcomes.size(), ok, stale, unavailable, missingRetryAfter, other, resets,
                availability5xx, percentile(latencies, 50), percentile(latencies, 99),
                latencies.length == 0 ? Duration.ZERO : Duration.ofNanos(latencies[latencies.length - 1]),
                late, acknowledged.size(), present, lost, duplicates, overbooked, mismatches, recovery, otherSamples);
    }

    private static Duration percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return Duration.ZERO;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return Duration.ofNanos(sorted[Math.max(0, Math.min(sorted.length - 1, index))]);
    }

    static String header() {
        return String.format("%-40s %8s %8s %7s %7s %6s %6s %8s %8s %8s %5s %6s %6s %5s %5s %5s %9s",
                "scenario", "requests", "ok", "stale", "503", "other", "resets", "p50", "p99", "max", "late", "acked",
                "in db", "lost", "dups", "over", "recovery");
    }

    String row() {
        return (otherSamples.isEmpty() ? "" : "other errors and resets, for example: " + otherSamples + "\n") + String.format("%-40s %8d %8d %7d %7d %6d %6d %8s %8s %8s %5d %6d %6d %5d %5d %5d %9s",
                scenario, requests, ok, stale, unavailable, otherErrors, resets, millis(p50), millis(p99), millis(max),
                late, acknowledged, present, lost, duplicates, overbooked, recovery == null ? "-" : millis(recovery));
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + "ms";
    }
}
