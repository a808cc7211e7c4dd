package dev.fairway.config;

/** Reads {@code FAIRWAY_DB_*}: the request deadline, attempt and lock limits, retries, retry budget and circuit breaker. */
final class ResilienceEnvironment {

    private ResilienceEnvironment() {
    }

    static ResilienceSettings read(EnvironmentValues env) {
        ResilienceSettings d = ResilienceSettings.defaults();
        ResilienceSettings settings = new ResilienceSettings(
                env.millis("FAIRWAY_DB_DEADLINE_MS", d.requestDeadline(), 100, 120_000),
                env.integer("FAIRWAY_DB_RETRY_MAX_ATTEMPTS", d.maxAttempts(), 1, 10),
                env.millis("FAIRWAY_DB_RETRY_BASE_MS", d.backoffBase(), 1, 60_000),
                env.millis("FAIRWAY_DB_RETRY_CAP_MS", d.backoffCap(), 1, 60_000),
                env.ratio("FAIRWAY_DB_RETRY_BUDGET_RATIO", d.budgetRatio()),
                env.integer("FAIRWAY_DB_RETRY_BUDGET_PER_SECOND", d.budgetPerSecond(), 0, 100_000),
                env.seconds("FAIRWAY_DB_RETRY_BUDGET_WINDOW_S", d.budgetWindow(), 1, 3600),
                env.integer("FAIRWAY_DB_BREAKER_FAILURE_RATE", d.breakerFailureRate(), 1, 100),
                env.integer("FAIRWAY_DB_BREAKER_MINIMUM_CALLS", d.breakerMinimumCalls(), 1, 100_000),
                env.integer("FAIRWAY_DB_BREAKER_WINDOW_CALLS", d.breakerWindowCalls(), 1, 100_000),
                env.millis("FAIRWAY_DB_BREAKER_OPEN_MS", d.breakerOpenDuration(), 10, 600_000),
                env.integer("FAIRWAY_DB_BREAKER_HALF_OPEN_CALLS", d.breakerHalfOpenCalls(), 1, 1000),
                env.millis("FAIRWAY_DB_ATTEMPT_TIMEOUT_MS", d.attemptTimeout(), 50, 120_000),
                env.millis("FAIRWAY_DB_LOCK_TIMEOUT_MS", d.lockTimeout(), 10, 120_000),
                env.millis("FAIRWAY_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", d.idleInTransactionTimeout(), 100, 600_000),
                env.flag("FAIRWAY_DB_REQUIRE_SYNC_STANDBY", d.requireSyncStandby()));
        if (settings.breakerMinimumCalls() > settings.breakerWindowCalls()) {
            throw new InvalidSettingException("FAIRWAY_DB_BREAKER_MINIMUM_CALLS must not exceed FAIRWAY_DB_BREAKER_WINDOW_CALLS");
        }
        if (settings.backoffCap().compareTo(settings.backoffBase()) < 0) {
            throw new InvalidSettingException("FAIRWAY_DB_RETRY_CAP_MS must not be below FAIRWAY_DB_RETRY_BASE_MS");
        }
        if (settings.lockTimeout().compareTo(settings.attemptTimeout()) >= 0) {
            throw new InvalidSettingException("FAIRWAY_DB_LOCK_TIMEOUT_MS must be below FAIRWAY_DB_ATTEMPT_TIMEOUT_MS, so a "
                    + "lock wait ends as a retryable lock timeout rather than a cancelled attempt");
        }
        return settings;
    }
}
