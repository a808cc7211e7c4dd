package dev.fairway.chaos;

/**
 * One request of a scenario's workload, as its client saw it.
 *
 * @param kind        availability read, or booking
 * @param status      the HTTP status, or 0 when no answer came (connection error)
 * @param startNanos  when it was sent (System.nanoTime)
 * @param latencyNanos how long the answer took
 * @param stale       for an availability answer: whether it said stale
 * @param retryAfter  for a 503: its Retry-After header, or null
 * @param problem     when no answer came, the client's error; for an error answer, its body
 */
public record Outcome(Kind kind, int status, long startNanos, long latencyNanos, boolean stale, String retryAfter,
                      String problem) {

    /** What a request was. */
    public enum Kind { AVAILABILITY, BOOKING }

    boolean fresh() {
        return kind == Kind.AVAILABILITY && status == 200 && !stale;
    }

    /** A fresh availability answer, a booking made, or a booking refused with a reason. */
    boolean ok() {
        return fresh() || (kind == Kind.BOOKING && (status == 201 || status == 409));
    }

    boolean staleAnswer() {
        return kind == Kind.AVAILABILITY && status == 200 && stale;
    }

    /** Any answer the contract allows while the database flaps: ok, stale or 503. */
    boolean expected() {
        return ok() || staleAnswer() || status == 503;
    }

    /** No answer because the connection was reset or closed before any byte of one arrived. */
    boolean reset() {
        return status == 0 && problem != null
                && (problem.contains("Connection reset") || problem.contains("header parser received no bytes"));
    }
}
