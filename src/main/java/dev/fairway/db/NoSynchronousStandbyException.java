package dev.fairway.db;

/**
 * A write was not tried: a synchronous standby is required, and the primary has none right now,
 * so a failover could lose what it would commit.
 */
public final class NoSynchronousStandbyException extends DatabaseException {

    NoSynchronousStandbyException(String operation) {
        super(operation, Phase.CONNECT, operation + " was not tried: the primary has no synchronous standby, "
                + "and FAIRWAY_DB_REQUIRE_SYNC_STANDBY is set", null);
    }
}
