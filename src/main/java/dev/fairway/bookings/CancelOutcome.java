package dev.fairway.bookings;

/** What came of a cancellation. */
public enum CancelOutcome {
    /** Cancelled now, or before: either way the spots are free. */
    CANCELLED,
    NOT_FOUND,
    /** The tee time starts in less than the course's cancellation cutoff. */
    CUTOFF_PASSED,
    /** A golfer's token asked to cancel another golfer's booking. */
    NOT_YOURS
}
