package dev.fairway.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Reads {@code FAIRWAY_DB_*}: the request deadline, retries, retry budget and circuit breaker. */
final class ResilienceEnvironment {

    private final Map<String, String> values;

    private ResilienceEnvironment(Map<String, String> values) {
        this.values = values;
    }

    static ResilienceSettings read(Map<String, String> values) {
        ResilienceEnvironment env = new ResilienceEnvironment(values);
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
                env.integer("FAIRWAY_DB_BREAKER_HALF_OPEN_CALLS", d.breakerHalfOpenCalls(), 1, 1000));
        if (settings.breakerMinimumCalls() > settings.breakerWindowCalls()) {
            throw new InvalidSettingException("FAIRWAY_DB_BREAKER_MINIMUM_CALLS must not exceed FAIRWAY_DB_BREAKER_WINDOW_CALLS");
        }
        if (settings.backoffCap().compareTo(settings.backoffBase()) < 0) {
            throw new InvalidSettingException("FAIRWAY_DB_RETRY_CAP_MS must not be below FAIRWAY_DB_RETRY_BASE_MS");
        }
        return settings;
    }

    private Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private int integer(String name, int defaultValue, int min, int max) {
        Optional<String> text = value(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(name + " must be a whole number from " + min + " to " + max
                + " (default " + defaultValue + ")");
    }

    private Duration millis(String name, Duration defaultValue, int min, int max) {
        return Duration.ofMillis(integer(name, (int) defaultValue.toMillis(), min, max));
    }

    private Duration seconds(String name, Duration defaultValue, int min, int max) {
        return Duration.ofSeconds(integer(name, (int) defaultValue.toSeconds(), min, max));
    }

    private double ratio(String name, double defaultValue) {
        Optional<String> text = value(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(text.get());
            if (value >= 0 && value <= 10) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(name + " must be a number from 0 to 10 (default " + defaultValue + ")");
    }
}
