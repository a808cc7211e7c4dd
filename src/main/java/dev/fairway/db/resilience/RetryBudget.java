package dev.fairway.db.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * A process-wide cap on retries: over a sliding window, at most {@code ratio} retries per call
 * plus {@code perSecond} retries per second. When the database is down every call fails, and
 * without a budget every call would retry; with it, the load a failing database sees stays
 * within a fifth of normal, plus a trickle.
 *
 * <p>The window is kept as one-second buckets of calls and retries; lock-free, approximate at
 * bucket edges, which is all a budget needs.
 */
final class RetryBudget {

    private final double ratio;
    private final int perSecond;
    private final int buckets;
    private final LongSupplier clockMillis;
    private final AtomicLongArray calls;
    private final AtomicLongArray retries;
    private final AtomicLongArray epochs;

    RetryBudget(double ratio, int perSecond, Duration window, LongSupplier clockMillis) {
        this.ratio = ratio;
        this.perSecond = perSecond;
        this.buckets = (int) Math.max(1, window.toSeconds());
        this.clockMillis = clockMillis;
        this.calls = new AtomicLongArray(buckets);
        this.retries = new AtomicLongArray(buckets);
        this.epochs = new AtomicLongArray(buckets);
    }

    void recordCall() {
        calls.incrementAndGet(bucket());
    }

    /** Takes one retry from the budget; false, and nothing taken, when it is spent. */
    boolean tryAcquireRetry() {
        int current = bucket();
        long callsInWindow = sum(calls);
        long retriesInWindow = sum(retries);
        if (retriesInWindow + 1 > ratio * callsInWindow + (long) perSecond * buckets) {
            return false;
        }
        retries.incrementAndGet(current);
        return true;
    }

    /** Retries allowed in the current window, for metrics and tests. */
    long allowance() {
        return (long) (ratio * sum(calls) + (long) perSecond * buckets) - sum(retries);
    }

    private int bucket() {
        long second = clockMillis.getAsLong() / 1000;
        int index = (int) Math.floorMod(second, buckets);
        long epoch = epochs.get(index);
        if (epoch != second && epochs.compareAndSet(index, epoch, second)) {
            calls.set(index, 0);
            retries.set(index, 0);
        }
        return index;
    }

    private long sum(AtomicLongArray counts) {
        long now = clockMillis.getAsLong() / 1000;
        long total = 0;
        for (int i = 0; i < buckets; i++) {
            if (now - epochs.get(i) < buckets) {
                total += counts.get(i);
            }
        }
        return total;
    }
}
