package dev.fairway.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Named settings from environment variables (flags already laid over them). A variable that is
 * absent or blank takes its default; one that cannot be used stops the start with a message
 * naming it and what it must be.
 */
final class EnvironmentValues {

    private final Map<String, String> values;

    EnvironmentValues(Map<String, String> values) {
        this.values = values;
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    int integer(String name, int defaultValue, int min, int max) {
        Optional<String> text = text(name);
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

    Duration millis(String name, Duration defaultValue, int min, int max) {
        return Duration.ofMillis(integer(name, (int) defaultValue.toMillis(), min, max));
    }

    Duration seconds(String name, Duration defaultValue, int min, int max) {
        return Duration.ofSeconds(integer(name, (int) defaultValue.toSeconds(), min, max));
    }

    double ratio(String name, double defaultValue) {
        Optional<String> text = text(name);
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

    boolean flag(String name, boolean defaultValue) {
        return text(name).map(text -> parseBoolean(text)
                .orElseThrow(() -> new InvalidSettingException(name + " must be true or false"))).orElse(defaultValue);
    }

    /** The words taken for yes and no, here and in URL parameters. */
    static Optional<Boolean> parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> Optional.of(true);
            case "false", "0", "no", "off" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
