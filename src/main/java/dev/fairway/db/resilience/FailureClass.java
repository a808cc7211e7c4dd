package dev.fairway.db.resilience;

/** What a failed unit of work means for trying it again. */
public enum FailureClass {
    /** Nothing was committed and trying again may well succeed: retry (within budget and deadline). */
    TRANSIENT,
    /** The connection was lost while COMMIT was in flight: it may have committed. Look the write up; never retry blindly. */
    AMBIGUOUS,
    /** Trying again gives the same answer: a bug, bad data, a rule of the database. Do not retry. */
    PERMANENT
}
