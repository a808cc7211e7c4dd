package dev.fairway.db;

import java.time.Duration;

/**
 * The moment by which a request must be answered. Every wait on its behalf (for a pooled
 * connection, for an answer, between retries) is cut to what is left of it.
 */
public record Deadline(long expiresAtNanos) {

    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    public Duration remaining() {
        long left = expiresAtNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    public boolean expired() {
        return expiresAtNanos - System.nanoTime() <= 0;
    }

    /** Whichever of this and {@code other} comes first. */
    public Deadline earlierOf(Deadline other) {
        return other.expiresAtNanos - expiresAtNanos < 0 ? other : this;
    }

    /** Whether {@code wait} from now still ends before the deadline. */
    public boolean allows(Duration wait) {
        return expiresAtNanos - System.nanoTime() - wait.toNanos() > 0;
    }
}
