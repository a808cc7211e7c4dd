package dev.fairway.db.postgres;

import java.time.Duration;

/**
 * The wait of a background loop that retries until it succeeds: it doubles after every failure,
 * up to a ceiling, and starts over after a success. One loop's state; not shared between threads.
 */
final class DoublingWait {

    private final Duration first;
    private final Duration max;
    private Duration next;

    DoublingWait(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** How long the next {@link #sleep()} waits. */
    Duration next() {
        return next;
    }

    /** After a success: the next wait is the first one again. */
    void reset() {
        next = first;
    }

    /** Sleeps the next wait, then doubles it; false when interrupted (the interrupt flag stays set). */
    boolean sleep() {
        try {
            Thread.sleep(next);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return true;
    }
}
