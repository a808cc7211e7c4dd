package dev.fairway.chaos;

import java.time.Duration;

/**
 * The fault-injection scenarios, each a load of availability reads and bookings from concurrent
 * clients while a real fault happens. The tests run them briefly and assert on their reports;
 * {@code bench/chaos} runs them longer and prints the reports.
 */
public final class Scenarios {

    /** Lets the clients fill the caches before the fault, and measures recovery after it. */
    static final Duration WARM_UP = Duration.ofSeconds(2);
    static final Duration AFTERMATH = Duration.ofSeconds(4);
    static final Duration FINISH = Duration.ofSeconds(30);

    private Scenarios() {
    }

    /** Every open connection between Fairway and PostgreSQL is reset every {@code every}, for {@code total}. */
    public static ChaosReport resets(ChaosEnvironment env, Duration every, Duration total, int readers, int bookers) {
        return repeated("connections reset every " + every.toSeconds() + "s", env, every, total, readers, bookers,
                () -> env.proxy().resetAll());
    }

    /** pg_terminate_backend on every session of the database, every {@code every}, for {@code total}. */
    public static ChaosReport terminations(ChaosEnvironment env, Duration every, Duration total, int readers, int bookers) {
        return repeated("sessions terminated every " + every.toSeconds() + "s", env, every, total, readers, bookers,
                env::terminateSessions);
    }

    /** Every open connection becomes half-open every {@code every}: Fairway's side reset, the server's left open and silent. */
    public static ChaosReport halfOpen(ChaosEnvironment env, Duration every, Duration total, int readers, int bookers) {
        return repeated("half-open connections every " + every.toSeconds() + "s", env, every, total, readers, bookers,
                () -> env.proxy().faultAll(dev.fairway.support.TcpProxy.Fault.HALF_OPEN));
    }

    /** Every open connection freezes every {@code every}: nothing passes either way, nothing is closed. */
    public static ChaosReport silentDrops(ChaosEnvironment env, Duration every, Duration total, int readers, int bookers) {
        return repeated("silent drops every " + every.toSeconds() + "s", env, every, total, readers, bookers,
                () -> env.proxy().faultAll(dev.fairway.support.TcpProxy.Fault.FROZEN));
    }

    /**
     * Every {@code every}, the next COMMIT is held back for half a second while its client is cut
     * off: the retry starts while the first run's COMMIT is still on its way.
     */
    public static ChaosReport heldCommits(ChaosEnvironment env, Duration every, Duration total, int readers, int bookers) {
        return repeated("COMMIT held back every " + every.toMillis() + "ms", env, every, total, readers, bookers,
                () -> env.proxy().holdNextCommit(Duration.ofMillis(500)));
    }

    /** Every packet either way takes {@code delay} longer, for {@code total}. */
    public static ChaosReport latency(ChaosEnvironment env, Duration delay, Duration total, int readers, int bookers) {
        try (Workload workload = Workload.start(env, readers, bookers)) {
            sleep(WARM_UP);
            env.proxy().latency(delay);
            sleep(total);
            env.proxy().latency(Duration.ZERO);
            long back = System.nanoTime();
            sleep(AFTERMATH);
            workload.stop();
            workload.finishUnanswered(FINISH);
            return ChaosReport.of(delay.toMillis() + " ms added to every packet for " + total.toSeconds() + "s",
                    workload, env.db(), back);
        }
    }

    /** The server takes no writes for {@code total}, as a standby or a primary being demoted. */
    public static ChaosReport readOnly(ChaosEnvironment env, Duration total, int readers, int bookers) {
        try (Workload workload = Workload.start(env, readers, bookers)) {
            sleep(WARM_UP);
            env.readOnly(true);
            sleep(total);
            env.readOnly(false);
            long back = System.nanoTime();
            sleep(AFTERMATH);
            workload.stop();
            workload.finishUnanswered(FINISH);
            return ChaosReport.of("read-only server for " + total.toSeconds() + "s", workload, env.db(), back);
        }
    }

    /**
     * The primary is killed ({@code kill -9}) half-way through {@code total} and the replica
     * promoted a second later; with asynchronous replication the old primary is then started
     * again, unfenced, and Fairway's connections to the new one are ended, so the pool must choose
     * a server again. Reported against the new primary.
     */
    public static ChaosReport failover(FailoverEnvironment env, Duration total) {
        boolean synchronous = env.requireSyncStandby();
        try (Workload workload = Workload.start(env.http(), 12, 8)) {
            sleep(total.dividedBy(2));
            env.servers().killPrimary();
            sleep(Duration.ofSeconds(1));
            env.servers().promoteReplica();
            long promoted = System.nanoTime();
            long oldPrimaryBefore = 0;
            if (!synchronous) {
                sleep(Duration.ofSeconds(2));
                env.servers().restartOldPrimary();
                oldPrimaryBefore = env.servers().primaryDb().count(ALL_BOOKINGS);
                env.servers().replicaDb().count("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                        + "where application_name = 'fairway'");
            }
            sleep(total.dividedBy(2));
            workload.stop();
            String name = "failover, sync standby required";
            if (!synchronous) {
                workload.finishUnanswered(FINISH); // with a synchronous standby required, none is left to book on
                name = "failover, old primary back: +" + (env.servers().primaryDb().count(ALL_BOOKINGS) - oldPrimaryBefore)
                        + " on it";
            }
            return ChaosReport.of(name, workload, env.servers().replicaDb(), promoted);
        }
    }

    private static final String ALL_BOOKINGS = "select count(*) from booking";

    /** The database is unreachable for {@code total}: refused, then blackholed, then stopped, a third each. */
    public static ChaosReport outage(ChaosEnvironment env, Duration total, int readers, int bookers) {
        Duration third = total.dividedBy(3);
        try (Workload workload = Workload.start(env, readers, bookers)) {
            sleep(WARM_UP);
            env.refuseConnections();
            sleep(third);
            env.blackhole();
            sleep(third);
            env.proxy().blackhole(false);
            env.stopDatabase();
            sleep(third);
            env.heal(); // returns once PostgreSQL accepts connections again
            long back = System.nanoTime();
            sleep(AFTERMATH);
            workload.stop();
            workload.finishUnanswered(FINISH);
            return ChaosReport.of("unreachable " + total.toSeconds() + "s (refuse, blackhole, stop)", workload, env.db(), back);
        }
    }

    /** Another client takes every connection slot of the server while Fairway's sessions are ended. */
    public static ChaosReport exhaustion(ChaosEnvironment env, Duration total, int readers, int bookers) {
        try (Workload workload = Workload.start(env, readers, bookers)) {
            sleep(WARM_UP);
            long back;
            try (ChaosEnvironment.Hog hog = env.hogConnections()) {
                long end = System.nanoTime() + total.toNanos();
                while (System.nanoTime() < end) {
                    // Fairway's sessions are ended and their slots taken as soon as they come
                    // back: it must reconnect, and finds no slot.
                    hog.terminateFairwaySessions();
                    hog.takeFreeSlots();
                    sleep(Duration.ofMillis(20));
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                back = System.nanoTime();
            }
            sleep(AFTERMATH);
            workload.stop();
            workload.finishUnanswered(FINISH);
            return ChaosReport.of("max_connections exhausted " + total.toSeconds() + "s", workload, env.db(), back);
        }
    }

    /**
     * The database refuses every connection while {@code clients} clients keep asking: the
     * retries this provokes, counted from the metrics, must stay within the retry budget.
     *
     * @param report  the clients' report
     * @param calls   units of work started, from the clients' start to the end of the storm
     * @param retries retries made in that time
     * @param seconds that time
     */
    public record Storm(ChaosReport report, double calls, double retries, double seconds) {
    }

    public static Storm retryStorm(ChaosEnvironment env, int clients, Duration total) {
        double calls = env.metric("fairway_db_calls_total");
        double retries = env.metric("fairway_db_retries_total");
        long start = System.nanoTime();
        try (Workload workload = Workload.start(env, clients * 3 / 4, clients - clients * 3 / 4)) {
            sleep(WARM_UP);
            env.refuseConnections();
            sleep(total);
            double stormCalls = env.metric("fairway_db_calls_total") - calls;
            double stormRetries = env.metric("fairway_db_retries_total") - retries;
            double seconds = (System.nanoTime() - start) / 1e9;
            env.heal();
            long back = System.nanoTime();
            sleep(AFTERMATH);
            workload.stop();
            workload.finishUnanswered(FINISH);
            return new Storm(ChaosReport.of("retry storm, " + clients + " clients, " + total.toSeconds() + "s down",
                    workload, env.db(), back), stormCalls, stormRetries, seconds);
        }
    }

    private static ChaosReport repeated(String name, ChaosEnvironment env, Duration every, Duration total,
                                        int readers, int bookers, Runnable fault) {
        try (Workload workload = Workload.start(env, readers, bookers)) {
            sleep(WARM_UP);
            long end = System.nanoTime() + total.toNanos();
            while (System.nanoTime() < end) {
                fault.run();
                sleep(every);
            }
            long back = System.nanoTime();
            sleep(AFTERMATH);
            workload.stop();
            workload.finishUnanswered(FINISH);
            return ChaosReport.of(name + " for " + total.toSeconds() + "s", workload, env.db(), back);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
