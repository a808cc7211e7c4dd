package dev.fairway.db.resilience;

/** Why the database cannot serve a unit of work right now, in words a client can act on. */
public enum Unavailability {
    /** Connections fail or go unanswered, or the circuit breaker is open after repeated failures. */
    UNREACHABLE("the database cannot be reached right now: try again in a moment"),
    /** The database answers, but a lock, a time limit or its connection limit was reached. */
    BUSY("the database is busy right now (a lock wait or time limit was reached): try again in a moment"),
    /** Only a read-only server answers: a standby, or a primary being demoted during a failover. */
    READ_ONLY("the database takes no writes right now (no primary server answers, a failover may be under way): "
            + "try again in a moment"),
    /** A synchronous standby is required for writes, and the primary has none right now. */
    NO_SYNCHRONOUS_STANDBY("the database has no standby that confirms writes right now, and this service takes no "
            + "booking that a failover could lose: try again in a moment");

    private final String detail;

    Unavailability(String detail) {
        this.detail = detail;
    }

    /** What a 503 says. */
    public String detail() {
        return detail;
    }
}
