package dev.fairway.db.resilience;

import dev.fairway.db.DatabaseException;
import dev.fairway.db.SqlFailures;
import dev.fairway.db.WriteGuard;
import dev.fairway.db.pool.ConnectionPool;

/**
 * What an attempt that lost its connection says about the others. A lost connection may mean a
 * failover: the write guard forgets what it knew of the primary. A connection that went silent
 * (its read timed out) is seldom the only one: the pool's others went through the same
 * middlebox, so the pool replaces them rather than hand them to the next requests.
 */
public final class LostConnections implements ResiliencePolicy.Listener {

    private final ConnectionPool pool;
    private final WriteGuard guard;

    public LostConnections(ConnectionPool pool, WriteGuard guard) {
        this.pool = pool;
        this.guard = guard;
    }

    @Override
    public void attemptFailed(String operation, DatabaseException failure) {
        if (failure.getCause() == null) {
            return; // not tried: no connection was used
        }
        if (FailureClassifier.connectionLost(failure.getCause())) {
            guard.connectionLost();
        }
        if (SqlFailures.timedOut(failure.getCause())) {
            pool.evictAll();
        }
    }
}
