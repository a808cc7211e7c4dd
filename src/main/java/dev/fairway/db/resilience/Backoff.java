package dev.fairway.db.resilience;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: the wait before retry n (from 1) is drawn uniformly from
 * {@code [0, min(cap, base * 2^(n-1))]}, so clients that failed together do not retry together.
 */
final class Backoff {

    private final long baseMillis;
    private final long capMillis;

    Backoff(Duration base, Duration cap) {
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
    }

    /** The ceiling of the wait before retry {@code n}. */
    long ceilingMillis(int n) {
        long ceiling = baseMillis << Math.min(30, Math.max(0, n - 1));
        return Math.min(capMillis, ceiling);
    }

    Duration before(int retry) {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceilingMillis(retry) + 1));
    }
}
