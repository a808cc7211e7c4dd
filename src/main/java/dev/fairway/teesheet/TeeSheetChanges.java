package dev.fairway.teesheet;

import java.time.Instant;
import java.util.List;

/**
 * Something that changes what a course's tee sheet shows just committed: whoever keeps copies
 * (caches) hears of it here. Every method has a do-nothing default, so a listener names only
 * what it cares about.
 */
public interface TeeSheetChanges {

    /** The players booked on one tee time changed. */
    default void teeTimeChanged(String courseId, Instant start) {
    }

    /** A block covering {@code [start, end)} was added or removed. */
    default void blockChanged(String courseId, Instant start, Instant end) {
    }

    /** The course's rules changed. */
    default void courseChanged(String courseId) {
    }

    /** Anything may have changed, and no one can say what: forget every copy. */
    default void everythingMayHaveChanged() {
    }

    /** Tells each of {@code listeners}, in order. */
    static TeeSheetChanges all(List<TeeSheetChanges> listeners) {
        List<TeeSheetChanges> copy = List.copyOf(listeners);
        return new TeeSheetChanges() {
            @Override
            public void teeTimeChanged(String courseId, Instant start) {
                copy.forEach(l -> l.teeTimeChanged(courseId, start));
            }

            @Override
            public void blockChanged(String courseId, Instant start, Instant end) {
                copy.forEach(l -> l.blockChanged(courseId, start, end));
            }

            @Override
            public void courseChanged(String courseId) {
                copy.forEach(l -> l.courseChanged(courseId));
            }

            @Override
            public void everythingMayHaveChanged() {
                copy.forEach(TeeSheetChanges::everythingMayHaveChanged);
            }
        };
    }
}
