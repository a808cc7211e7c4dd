package dev.fairway.teesheet;

import java.time.LocalTime;
import java.util.Objects;

/** Tee times from {@code firstTeeTime} to {@code lastTeeTime}, both included, on the wall clock. */
public record TimeRange(LocalTime firstTeeTime, LocalTime lastTeeTime) {

    public TimeRange {
        Objects.requireNonNull(firstTeeTime, "firstTeeTime");
        Objects.requireNonNull(lastTeeTime, "lastTeeTime");
        if (firstTeeTime.isAfter(lastTeeTime)) {
            throw new IllegalArgumentException("firstTeeTime " + firstTeeTime + " is after lastTeeTime " + lastTeeTime);
        }
    }

    public boolean overlaps(TimeRange other) {
        return !firstTeeTime.isAfter(other.lastTeeTime) && !other.firstTeeTime.isAfter(lastTeeTime);
    }
}
