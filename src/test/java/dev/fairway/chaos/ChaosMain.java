package dev.fairway.chaos;

import dev.fairway.config.ResilienceSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code bench/chaos}: every fault-injection scenario, longer than the tests run them, each in a
 * fresh environment, printed as one table.
 */
public final class ChaosMain {

    private ChaosMain() {
    }

    public static void main(String[] args) {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        List<String> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        rows.add(run(env -> Scenarios.resets(env, Duration.ofSeconds(2), seconds(120, scale), 12, 8)));
        rows.add(run(env -> Scenarios.terminations(env, Duration.ofSeconds(5), seconds(60, scale), 12, 8)));
        rows.add(run(env -> Scenarios.outage(env, seconds(30, scale), 12, 8)));
        rows.add(run(env -> {
            env.restartWithMaxConnections(30);
            return Scenarios.exhaustion(env, seconds(20, scale), 12, 8);
        }));
        rows.add(run(env -> {
            Scenarios.Storm storm = Scenarios.retryStorm(env, 200, seconds(30, scale));
            double budget = ResilienceSettings.BUDGET_RATIO * storm.calls() + ResilienceSettings.BUDGET_PER_SECOND
                    * Math.max(ResilienceSettings.BUDGET_WINDOW.toSeconds(), storm.seconds());
            notes.add(String.format("retry storm: %.0f calls, %.0f retries in %.0f s (budget at most %.0f)",
                    storm.calls(), storm.retries(), storm.seconds(), budget));
            return storm.report();
        }));
        rows.add(run(env -> Scenarios.halfOpen(env, Duration.ofSeconds(3), seconds(60, scale), 12, 8)));
        rows.add(run(env -> Scenarios.silentDrops(env, Duration.ofSeconds(3), seconds(60, scale), 12, 8)));
        rows.add(run(env -> Scenarios.heldCommits(env, Duration.ofMillis(500), seconds(60, scale), 12, 8)));
        rows.add(run(env -> Scenarios.latency(env, Duration.ofSeconds(2), seconds(30, scale), 12, 8)));
        rows.add(run(env -> Scenarios.readOnly(env, seconds(30, scale), 12, 8)));
        rows.add(failover(true, scale));
        rows.add(failover(false, scale));
        System.out.println();
        System.out.println(ChaosReport.header());
        rows.forEach(System.out::println);
        notes.forEach(System.out::println);
    }

    private static String failover(boolean synchronous, double scale) {
        try (FailoverEnvironment env = FailoverEnvironment.start(synchronous)) {
            return printed(Scenarios.failover(env, seconds(30, scale)).row());
        }
    }

    private static String run(Function<ChaosEnvironment, ChaosReport> scenario) {
        try (ChaosEnvironment env = ChaosEnvironment.start()) {
            return printed(scenario.apply(env).row());
        }
    }

    /** Each row as soon as it is measured, too: a later scenario that fails does not take it along. */
    private static String printed(String row) {
        System.out.println(row);
        return row;
    }

    private static Duration seconds(long seconds, double scale) {
        return Duration.ofMillis((long) (seconds * 1000 * scale));
    }
}
