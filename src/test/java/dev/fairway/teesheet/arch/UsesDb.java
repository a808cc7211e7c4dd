package dev.fairway.teesheet.arch;

/** Tee-sheet code that reaches into the database code, for ArchitectureTest to catch. */
public final class UsesDb {
    dev.fairway.db.Deadline deadline;
}
