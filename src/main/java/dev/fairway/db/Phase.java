package dev.fairway.db;

/** Where in a unit of work a failure happened: it decides whether the work may have committed. */
public enum Phase {
    /** Getting a connection: nothing was sent. */
    CONNECT,
    /** Running the work's statements: nothing is committed. */
    WORK,
    /** COMMIT was sent (or a statement that commits by itself): it may or may not have committed. */
    COMMIT
}
