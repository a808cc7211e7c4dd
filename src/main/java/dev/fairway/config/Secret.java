package dev.fairway.config;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A password or token. Its {@code toString} never shows the value, so it cannot reach a log by
 * accident; {@link #reveal()} is the one deliberate way out.
 */
public record Secret(String value) {

    public static final Secret NONE = new Secret("");

    public Secret {
        value = value == null ? "" : value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    public String reveal() {
        return value;
    }

    /** Compares in time independent of where the first difference is, so timing leaks nothing. */
    public boolean matches(String candidate) {
        if (candidate == null || value.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "" : "***";
    }
}
