package dev.fairway.log;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Lets a line about a failure through at most once per interval for each kind of failure, and
 * counts the ones it held back, so a failure that repeats on every request writes one line a
 * second that says how often it happened, not a line (or a stack trace) per request.
 *
 * <p>Keys must come from a small, closed set (SQLSTATEs, exception classes, route templates):
 * one entry is kept per key.
 */
public final class LogThrottle {

    /** At most one line a second per kind of failure. */
    public static final Duration INTERVAL = Duration.ofSeconds(1);

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    /** When the last line of a key went out, and how many were held back since. */
    private static final class Window {
        private final AtomicLong lastNanos;
        private final AtomicLong heldBack = new AtomicLong();

        private Window(long lastNanos) {
            this.lastNanos = new AtomicLong(lastNanos);
        }
    }

    public LogThrottle() {
        this(INTERVAL, System::nanoTime);
    }

    public LogThrottle(Duration interval, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Whether a line about {@code key} may be written now.
     *
     * @return -1 when it must be held back; else how many lines of the key were held back since
     *         the last one written (0 for none), to say in this one
     */
    public long admit(String key) {
        long now = nanoTime.getAsLong();
        Window created = new Window(now);
        Window window = windows.putIfAbsent(key, created);
        if (window == null) {
            return 0;
        }
        long last = window.lastNanos.get();
        if (now - last >= intervalNanos && window.lastNanos.compareAndSet(last, now)) {
            return window.heldBack.getAndSet(0);
        }
        window.heldBack.incrementAndGet();
        return -1;
    }

    /** " (and 12 more like it in the last 1 s)" for a count from {@link #admit}, or "" for none. */
    public static String heldBack(long count) {
        return count <= 0 ? "" : " (and " + count + " more like it since the last such line)";
    }
}
